#include <cstring>

#include "sk/crypto/envelope.hpp"

namespace sk::crypto {

Result<Secret<kKeySize>> PairwiseCache::shared_secret(const DeviceIdentity& self,
                                                      const X25519PublicKey& peer) {
  std::array<std::uint8_t, 2 * kKeySize> pair{};
  std::memcpy(pair.data(), self.public_keys().encryption.bytes.data(), kKeySize);
  std::memcpy(pair.data() + kKeySize, peer.bytes.data(), kKeySize);
  if (const auto it = entries_.find(pair); it != entries_.end()) return it->second.clone();
  auto secret = self.agree(peer);
  if (!secret) return secret;
  // A full cache is dropped whole: simple, bounded, and a miss only costs one X25519.
  if (entries_.size() >= capacity_) entries_.clear();
  if (capacity_ > 0) entries_.emplace(pair, secret->clone());
  return secret;
}

Result<Secret<kKeySize>> PairwiseCache::ephemeral_secret(const DeviceIdentity& self,
                                                         const X25519PublicKey& ephemeral) {
  if (!own_ || own_->public_key() != self.public_keys().encryption) own_.emplace(self.agreement());
  return own_->agree(ephemeral);
}

}  // namespace sk::crypto
