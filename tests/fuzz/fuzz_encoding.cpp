// base64url and hex decoding: a decoded value re-encodes to exactly the input (one spelling).
#include <string_view>

#include "fuzz_target.hpp"
#include "sk/core/encoding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto decoded = sk::base64url_decode(text)) {
    SK_FUZZ_CHECK(sk::base64url_encode(*decoded) == text);
  }
  if (const auto decoded = sk::hex_decode(text)) {
    SK_FUZZ_CHECK(decoded->size() * 2 == text.size());
  }
  return 0;
}

std::vector<sk::Bytes> sk_fuzz_seeds() {
  std::vector<sk::Bytes> seeds;
  for (const std::string_view s : {"Zm9vYmFy", "-_-_", "Zg", "00ff7a", "AAAA"}) {
    seeds.emplace_back(s.begin(), s.end());
  }
  return seeds;
}
