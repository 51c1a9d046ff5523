// Deterministic driver for a fuzz target when libFuzzer is not available: runs the target's
// seeds, then `iterations` mutations of them (bit flips, byte sets, truncations, insertions,
// splices), all from a fixed seed so a failure reproduces. Usage: <target> [iterations]
// Prints "N passed, 0 failed" when every input was handled; a broken check aborts.

#include <cstdio>
#include <random>
#include <string>

#include "fuzz_target.hpp"

namespace {

sk::Bytes mutate(const sk::Bytes& input, const std::vector<sk::Bytes>& seeds, std::mt19937_64& rng) {
  sk::Bytes out = input;
  const int steps = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < steps; ++i) {
    const auto pos = out.empty() ? 0 : rng() % out.size();
    switch (rng() % 6) {
      case 0:
        if (!out.empty()) out[pos] ^= static_cast<std::uint8_t>(1U << (rng() % 8));
        break;
      case 1:
        if (!out.empty()) out[pos] = static_cast<std::uint8_t>(rng());
        break;
      case 2:
        out.resize(out.empty() ? 0 : rng() % out.size());
        break;
      case 3:
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(pos), static_cast<std::uint8_t>(rng()));
        break;
      case 4: {
        const auto& other = seeds[rng() % seeds.size()];
        if (other.empty()) break;
        const auto from = rng() % other.size();
        out.insert(out.begin() + static_cast<std::ptrdiff_t>(pos),
                   other.begin() + static_cast<std::ptrdiff_t>(from), other.end());
        break;
      }
      default:
        if (!out.empty()) out.erase(out.begin() + static_cast<std::ptrdiff_t>(pos));
        break;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const long iterations = argc > 1 ? std::stol(argv[1]) : 20000;
  auto seeds = sk_fuzz_seeds();
  seeds.emplace_back();  // the empty input
  long ran = 0;
  for (const auto& s : seeds) {
    LLVMFuzzerTestOneInput(s.data(), s.size());
    ++ran;
  }
  std::mt19937_64 rng(0x5EED5EEDULL);
  for (long i = 0; i < iterations; ++i) {
    const auto input = mutate(seeds[rng() % seeds.size()], seeds, rng);
    LLVMFuzzerTestOneInput(input.data(), input.size());
    ++ran;
  }
  std::printf("fuzz replay: %ld passed, 0 failed\n", ran);
  return 0;
}
