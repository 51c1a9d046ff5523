// Key files from disk: opening never crashes, never accepts a damaged file, and a crafted file
// can't make scrypt allocate more than the format allows.
#include <algorithm>

#include "fuzz_target.hpp"
#include "sk/crypto/key_file.hpp"

namespace {

const sk::Bytes& sealed_file() {
  static const sk::Bytes file = [] {
    const auto identity = sk::crypto::DeviceIdentity::generate();
    auto f = sk::crypto::seal_key_file(identity, "correct horse", sk::crypto::KdfCost::test_only_weak);
    SK_FUZZ_CHECK(f.ok());
    return std::move(f).value();
  }();
  return file;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const sk::ByteView input(data, size);
  const auto opened = sk::crypto::open_key_file(input, "correct horse");
  const auto& good = sealed_file();
  if (opened.ok()) SK_FUZZ_CHECK(std::equal(good.begin(), good.end(), input.begin(), input.end()));
  return 0;
}

std::vector<sk::Bytes> sk_fuzz_seeds() {
  return {sealed_file()};
}
