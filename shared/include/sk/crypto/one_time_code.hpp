#pragma once
// One-time codes for enrollment and pairing, e.g. "KX7F-92QM-4T".
//
// A code is 10 Crockford base32 characters: the first 4 are a lookup id the server sees and
// indexes; the last 6 are a secret the server never learns. Both devices use the secret to
// confirm each other's public keys (key_confirmation over a transcript of those keys), so a
// server that swaps keys is caught. The confirmation key is stretched with scrypt so that a
// malicious server can't cheaply brute-force the short secret from a stored confirmation.
// The exact derivation is specified in docs/protocol.md.

#include <optional>
#include <string>
#include <string_view>

#include "sk/core/bytes.hpp"
#include "sk/core/result.hpp"
#include "sk/crypto/keys.hpp"

namespace sk::crypto {

inline constexpr std::size_t kCodeLookupChars = 4;
inline constexpr std::size_t kCodeSecretChars = 6;
inline constexpr std::size_t kKeyConfirmationSize = 32;

class OneTimeCode {
 public:
  static OneTimeCode generate();
  // Accepts what a person types: any case, spaces or dashes anywhere, and Crockford's
  // confusables (O→0, I/L→1). Errors: code.malformed.
  static Result<OneTimeCode> parse(std::string_view typed);

  const std::string& lookup() const { return lookup_; }  // 4 canonical characters; not secret
  std::string display() const;                           // "KX7F-92QM-4T"

  // HMAC-SHA256 under a scrypt-stretched key derived from the secret and the lookup id.
  Bytes key_confirmation(ByteView transcript) const;
  [[nodiscard]] bool verify_key_confirmation(ByteView transcript, ByteView confirmation) const;

 private:
  OneTimeCode(std::string lookup, SecretBuffer secret)
      : lookup_(std::move(lookup)), secret_(std::move(secret)) {}
  std::string lookup_;
  SecretBuffer secret_;  // the 6 canonical secret characters
};

}  // namespace sk::crypto
