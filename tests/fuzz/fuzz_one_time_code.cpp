// One-time codes as a person types them: parsing never crashes, and a parsed code's display
// form parses back to the same code.
#include <string_view>

#include "fuzz_target.hpp"
#include "sk/crypto/one_time_code.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view typed(reinterpret_cast<const char*>(data), size);
  const auto code = sk::crypto::OneTimeCode::parse(typed);
  if (code) {
    const auto again = sk::crypto::OneTimeCode::parse(code->display());
    SK_FUZZ_CHECK(again.ok());
    SK_FUZZ_CHECK(again->display() == code->display());
    SK_FUZZ_CHECK(again->lookup() == code->lookup());
  }
  return 0;
}

std::vector<sk::Bytes> sk_fuzz_seeds() {
  std::vector<sk::Bytes> seeds;
  for (const std::string_view s : {"KX7F-92QM-4T", "kx7f 92qm 4t", "OIL0-1234-AB", "KX7F92QM4T"}) {
    seeds.emplace_back(s.begin(), s.end());
  }
  return seeds;
}
