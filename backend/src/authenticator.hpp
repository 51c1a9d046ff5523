#pragma once
// Authenticator: challenge–response with the device's Ed25519 key → short-lived bearer token.
//
// Nonces are single-use, expire after kChallengeTtl and live only in memory (a restart just
// makes clients ask again). Tokens are 32 random bytes; only their SHA-256 is stored, so a
// copy of the database authenticates no one. Every request re-reads token and device, so
// revoking a device ends its tokens at once.

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "sk/core/bytes.hpp"
#include "sk/core/result.hpp"
#include "storage.hpp"

namespace sk::backend {

struct IssuedToken {
  std::string token;  // base64url; handed to the client once, never logged
  int expires_in = 0;
  Caller caller;
};

class Authenticator {
 public:
  static constexpr std::chrono::seconds kChallengeTtl{60};

  Authenticator(Storage& storage, std::chrono::seconds token_ttl);

  // A fresh nonce (base64url) for any syntactically valid device id: whether the device exists
  // is not revealed here.
  std::string challenge(const std::string& device_id);
  // Errors: "unauthorized" (unknown/used/expired nonce, unknown or revoked device, bad signature).
  Result<IssuedToken> issue(const std::string& device_id, const std::string& nonce, ByteView signature);
  // Parses "Bearer <token>"; nullopt when the token is unknown, expired, or its device revoked.
  Result<std::optional<Caller>> authenticate(std::string_view authorization);

 private:
  struct Challenge {
    std::string device_id;
    std::chrono::steady_clock::time_point expires;
  };
  static constexpr std::size_t kMaxChallenges = 200'000;

  Storage& storage_;
  std::chrono::seconds token_ttl_;
  std::mutex mutex_;
  std::unordered_map<std::string, Challenge> challenges_;
};

}  // namespace sk::backend
