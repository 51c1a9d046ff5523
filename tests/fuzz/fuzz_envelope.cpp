// Envelopes from the network: peek and open never crash, and open succeeds only on an envelope
// that is byte-for-byte one the author sealed (nothing in an envelope is malleable).
#include <algorithm>
#include <string_view>

#include "fuzz_target.hpp"
#include "sk/crypto/envelope.hpp"

namespace {

using namespace sk::crypto;

DeviceIdentity fixed_identity(std::uint8_t tag) {
  sk::Bytes seed(kKeySize, tag);
  sk::Bytes secret(kKeySize, static_cast<std::uint8_t>(tag + 1));
  return DeviceIdentity::from_secrets(*Secret<kKeySize>::from(seed), *Secret<kKeySize>::from(secret));
}

struct Fixture {
  DeviceIdentity author = fixed_identity(1);
  DeviceIdentity reader = fixed_identity(3);
  DeviceIdentity other = fixed_identity(5);
  std::string context = "case-1|0190f3c2-7a1b-7c3d-8e4f-0123456789ab|case";
  std::vector<sk::Bytes> sealed;

  Fixture() {
    PairwiseCache cache;
    const std::vector<DevicePublicKeys> one{reader.public_keys()};
    const std::vector<DevicePublicKeys> two{other.public_keys(), reader.public_keys()};
    for (const auto kind : {EnvelopeKind::chat, EnvelopeKind::record}) {
      for (const auto* recipients : {&one, &two}) {
        for (const std::string_view text : {"", "hei", "Hei på deg! Skal vi spille i kveld?"}) {
          auto env = seal(author, *recipients, kind, sk::as_bytes(context), sk::as_bytes(text), cache);
          SK_FUZZ_CHECK(env.ok());
          sealed.push_back(std::move(env).value());
        }
      }
    }
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& f = fixture();
  const sk::ByteView input(data, size);
  (void)peek(input);
  const bool is_sealed = std::any_of(f.sealed.begin(), f.sealed.end(), [&](const sk::Bytes& s) {
    return std::equal(s.begin(), s.end(), input.begin(), input.end());
  });
  PairwiseCache cache;
  for (const auto kind : {EnvelopeKind::chat, EnvelopeKind::record}) {
    const Expectation expected{f.author.public_keys(), kind, sk::as_bytes(f.context)};
    const auto opened = open(input, f.reader, expected, cache);
    if (opened.ok()) SK_FUZZ_CHECK(is_sealed);
  }
  return 0;
}

std::vector<sk::Bytes> sk_fuzz_seeds() {
  return fixture().sealed;
}
