#include "sk/crypto/identity.hpp"

#include <algorithm>
#include <cassert>
#include <cstdio>

#include "domain.hpp"

namespace sk::crypto {

Fingerprint DevicePublicKeys::fingerprint() const {
  Fingerprint out;
  out.bytes = sha256({as_bytes(domain::kFingerprint), signing.view(), encryption.view()}).bytes;
  return out;
}

Bytes DevicePublicKeys::encode() const {
  Bytes out(signing.bytes.begin(), signing.bytes.end());
  out.insert(out.end(), encryption.bytes.begin(), encryption.bytes.end());
  return out;
}

std::optional<DevicePublicKeys> DevicePublicKeys::decode(ByteView bytes) {
  if (bytes.size() != kDevicePublicKeysSize) return std::nullopt;
  return DevicePublicKeys{*Ed25519PublicKey::from(bytes.first(kKeySize)),
                          *X25519PublicKey::from(bytes.last(kKeySize))};
}

KeyId key_id(const X25519PublicKey& key) {
  const auto digest = sha256({as_bytes(domain::kKeyId), key.view()});
  return *KeyId::from(ByteView(digest.bytes).first(KeyId::kSize));
}

DeviceIdentity::DeviceIdentity(Ed25519Key signing, X25519Key encryption)
    : signing_(std::move(signing)),
      encryption_(std::move(encryption)),
      public_{signing_.public_key(), encryption_.public_key()},
      fingerprint_(public_.fingerprint()),
      key_id_(crypto::key_id(public_.encryption)) {}

DeviceIdentity DeviceIdentity::generate() {
  return {Ed25519Key::generate(), X25519Key::generate()};
}

DeviceIdentity DeviceIdentity::from_secrets(const Secret<kKeySize>& signing_seed,
                                            const Secret<kKeySize>& encryption_secret) {
  return {Ed25519Key::from_seed(signing_seed), X25519Key::from_secret(encryption_secret)};
}

Signature DeviceIdentity::sign(ByteView message) const {
  return signing_.sign(message);
}

Result<Secret<kKeySize>> DeviceIdentity::agree(const X25519PublicKey& peer) const {
  return encryption_.agree(peer);
}

std::string safety_code(const Fingerprint& a, const Fingerprint& b) {
  const auto& low = std::min(a, b);
  const auto& high = std::max(a, b);
  constexpr std::size_t kGroups = 12;
  constexpr std::size_t kBytesPerGroup = 5;
  std::array<std::uint8_t, kGroups * kBytesPerGroup> material{};
  Bytes ikm(low.bytes.begin(), low.bytes.end());
  ikm.insert(ikm.end(), high.bytes.begin(), high.bytes.end());
  hkdf_sha256({}, ikm, as_bytes(domain::kSafetyCode), material);
  std::string out;
  for (std::size_t g = 0; g < kGroups; ++g) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < kBytesPerGroup; ++i) v = (v << 8U) | material[g * kBytesPerGroup + i];
    std::array<char, 8> group{};
    std::snprintf(group.data(), group.size(), "%05u", static_cast<unsigned>(v % 100000U));
    if (g != 0) out.push_back(' ');
    out.append(group.data(), 5);
  }
  return out;
}

Bytes pairing_transcript(std::string_view role, const DevicePublicKeys& sender,
                         const DevicePublicKeys& receiver) {
  Bytes out(domain::kPairingTranscript.begin(), domain::kPairingTranscript.end());
  assert(role.size() <= 255 && "a role is a short label");
  out.push_back(static_cast<std::uint8_t>(role.size()));
  out.insert(out.end(), role.begin(), role.end());
  const auto s = sender.encode();
  const auto r = receiver.encode();
  out.insert(out.end(), s.begin(), s.end());
  out.insert(out.end(), r.begin(), r.end());
  return out;
}

}  // namespace sk::crypto
