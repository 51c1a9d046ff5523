#include "authenticator.hpp"

#include "ids.hpp"
#include "sk/core/encoding.hpp"
#include "sk/core/random.hpp"
#include "sk/crypto/primitives.hpp"
#include "sk/protocol/protocol.hpp"

namespace sk::backend {

namespace {
constexpr std::size_t kNonceBytes = 32;
constexpr std::size_t kTokenBytes = 32;
constexpr std::string_view kBearer = "Bearer ";

Bytes token_hash(ByteView token) {
  const auto d = crypto::sha256(token);
  return Bytes(d.bytes.begin(), d.bytes.end());
}
}  // namespace

Authenticator::Authenticator(Storage& storage, std::chrono::seconds token_ttl)
    : storage_(storage), token_ttl_(token_ttl) {}

std::string Authenticator::challenge(const std::string& device_id) {
  auto nonce = base64url_encode(random_bytes(kNonceBytes));
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  if (challenges_.size() >= kMaxChallenges) {
    std::erase_if(challenges_, [&](const auto& kv) { return kv.second.expires <= now; });
    // Still full: the oldest entries are no better than random ones to drop.
    if (challenges_.size() >= kMaxChallenges) challenges_.clear();
  }
  challenges_[nonce] = {device_id, now + kChallengeTtl};
  return nonce;
}

Result<IssuedToken> Authenticator::issue(const std::string& device_id, const std::string& nonce,
                                         ByteView signature) {
  {
    std::lock_guard lock(mutex_);
    auto it = challenges_.find(nonce);
    if (it == challenges_.end()) return sk::fail("unauthorized", "Unknown challenge.");
    const bool valid =
        it->second.device_id == device_id && it->second.expires > std::chrono::steady_clock::now();
    challenges_.erase(it);  // single use, even when the attempt fails
    if (!valid) return sk::fail("unauthorized", "Unknown challenge.");
  }
  auto device = storage_.find_device(device_id);
  if (!device) return sk::fail(device.error().code, device.error().message);
  if (!device->has_value() || (*device)->revoked) return sk::fail("unauthorized", "Unknown device.");
  const auto key = crypto::Ed25519PublicKey::from((*device)->keys.ed25519);
  const auto sig = crypto::Signature::from(signature);
  const auto nonce_bytes = base64url_decode(nonce);
  if (!key || !sig || !nonce_bytes ||
      !crypto::ed25519_verify(*key, protocol::login_message(device_id, *nonce_bytes), *sig)) {
    return sk::fail("unauthorized", "Bad signature.");
  }
  const auto token = random_bytes(kTokenBytes);
  const auto expires_at =
      now_ms() + std::chrono::duration_cast<std::chrono::milliseconds>(token_ttl_).count();
  if (auto stored = storage_.store_token(token_hash(token), device_id, expires_at); !stored) {
    return sk::fail(stored.error().code, stored.error().message);
  }
  const auto& d = **device;
  return IssuedToken{base64url_encode(token), static_cast<int>(token_ttl_.count()),
                     Caller{d.org_id, d.principal_id, d.id, d.role}};
}

Result<std::optional<Caller>> Authenticator::authenticate(std::string_view authorization) {
  if (!authorization.starts_with(kBearer)) return std::optional<Caller>{};
  const auto token = base64url_decode(authorization.substr(kBearer.size()));
  if (!token || token->size() != kTokenBytes) return std::optional<Caller>{};
  const auto hash = token_hash(*token);
  // The lookup is by hash; the stored row only exists for this exact hash, and the hash of a
  // secret leaks nothing useful about the secret through timing.
  return storage_.authenticate(hash, now_ms());
}

}  // namespace sk::backend
