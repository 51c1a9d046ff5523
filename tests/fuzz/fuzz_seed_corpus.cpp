// With libFuzzer: writes the target's seeds into the first corpus folder named on the command
// line before libFuzzer reads it, so fuzzing starts from valid inputs (valid envelopes can't be
// found by mutation from nothing).

#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  for (int i = 1; i < *argc; ++i) {
    const std::string arg = (*argv)[i];
    if (arg.empty() || arg[0] == '-') continue;
    std::filesystem::create_directories(arg);
    int n = 0;
    for (const auto& seed : sk_fuzz_seeds()) {
      std::ofstream out(std::filesystem::path(arg) / ("seed-" + std::to_string(n++)), std::ios::binary);
      out.write(reinterpret_cast<const char*>(seed.data()), static_cast<std::streamsize>(seed.size()));
    }
    break;
  }
  return 0;
}
