#pragma once
// Thin, typed wrappers over the OpenSSL 3 EVP primitives the construction needs.
// No home-made primitives: every function here is one EVP call sequence.
// Higher layers use envelope.hpp / identity.hpp; the backend uses only the Ed25519 verify,
// SHA-256 and constant-time comparison.

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>

#include "sk/core/bytes.hpp"
#include "sk/core/result.hpp"
#include "sk/crypto/keys.hpp"

struct evp_pkey_st;      // OpenSSL's EVP_PKEY, kept out of this header
struct evp_pkey_ctx_st;  // OpenSSL's EVP_PKEY_CTX

namespace sk::crypto {

inline constexpr std::size_t kAeadTagSize = 16;    // Poly1305
inline constexpr std::size_t kAeadNonceSize = 12;  // ChaCha20-Poly1305 (RFC 8439)

using Mac = FixedBytes<struct MacTag, 32>;  // HMAC-SHA256

// --- hashing and comparison
Digest sha256(ByteView data);
// SHA-256 over the concatenation of `parts` (one digest context, no copies).
Digest sha256(std::initializer_list<ByteView> parts);
bool constant_time_equal(ByteView a, ByteView b);  // false when lengths differ

// --- Ed25519 (RFC 8032, pure mode). The secret is the 32-byte seed.
Ed25519PublicKey ed25519_public_from_seed(const Secret<kKeySize>& seed);
Signature ed25519_sign(const Secret<kKeySize>& seed, ByteView message);
[[nodiscard]] bool ed25519_verify(const Ed25519PublicKey& key, ByteView message, const Signature& signature);

// --- X25519 (RFC 7748)
X25519PublicKey x25519_public_from_secret(const Secret<kKeySize>& secret);
// Fails (crypto.bad_key) on an all-zero shared secret (low-order public key).
[[nodiscard]] Result<Secret<kKeySize>> x25519(const Secret<kKeySize>& secret, const X25519PublicKey& peer);

// --- HKDF-SHA256 (RFC 5869). An empty salt means HashLen zero bytes, as the RFC says.
SecretBuffer hkdf_sha256(ByteView salt, ByteView ikm, ByteView info, std::size_t length);
// The same, writing into `out` (its size is the output length).
void hkdf_sha256(ByteView salt, ByteView ikm, ByteView info, std::span<std::uint8_t> out);

// --- HMAC-SHA256 (RFC 2104)
Mac hmac_sha256(ByteView key, ByteView data);

// --- ChaCha20-Poly1305 (RFC 8439). A key MUST never be used twice with the same nonce; every
// construction in this library derives a fresh key per message and uses the all-zero nonce.
// `out` is exactly plaintext.size() + kAeadTagSize bytes: ciphertext then tag.
void aead_seal(const SymmetricKey& key, ByteView nonce, ByteView ad, ByteView plaintext,
               std::span<std::uint8_t> out);
// `out` is exactly ciphertext.size() - kAeadTagSize bytes. On failure `out` is zeroed: no
// unauthenticated byte is ever left behind.
[[nodiscard]] bool aead_open(const SymmetricKey& key, ByteView nonce, ByteView ad, ByteView ciphertext,
                             std::span<std::uint8_t> out);

// --- scrypt (RFC 7914). Memory use is 128·r·2^log2_n bytes.
struct ScryptParams {
  std::uint8_t log2_n = 17;  // OWASP: N = 2^17, r = 8, p = 1 (128 MiB)
  std::uint8_t r = 8;
  std::uint8_t p = 1;

  static constexpr ScryptParams owasp() { return {}; }
  friend bool operator==(const ScryptParams&, const ScryptParams&) = default;
};
// Fails (crypto.kdf_failed) when the parameters are out of range or memory is short.
[[nodiscard]] Result<SecretBuffer> scrypt(ByteView password, ByteView salt, ScryptParams params,
                                          std::size_t length);

namespace detail {
struct PkeyFree {
  void operator()(evp_pkey_st* key) const noexcept;
};
using PkeyHandle = std::unique_ptr<evp_pkey_st, PkeyFree>;
struct PkeyCtxFree {
  void operator()(evp_pkey_ctx_st* ctx) const noexcept;
};
using PkeyCtxHandle = std::unique_ptr<evp_pkey_ctx_st, PkeyCtxFree>;
}  // namespace detail

// An X25519 private key held ready for repeated agreements: loading a raw key into OpenSSL
// recomputes its public key, so long-lived keys are loaded once. Move-only.
class X25519Key {
 public:
  static X25519Key generate();
  static X25519Key from_secret(const Secret<kKeySize>& secret);

  const X25519PublicKey& public_key() const { return public_; }
  // Fails (crypto.bad_key) on an all-zero shared secret (low-order peer key).
  [[nodiscard]] Result<Secret<kKeySize>> agree(const X25519PublicKey& peer) const;
  Secret<kKeySize> export_secret() const;

 private:
  friend class X25519Agreement;
  X25519Key(detail::PkeyHandle key, X25519PublicKey pub) : key_(std::move(key)), public_(pub) {}
  detail::PkeyHandle key_;
  X25519PublicKey public_;
};

// Many agreements with one private key through one OpenSSL exchange context: cheaper than
// setting a context up for each agreement (about 3 µs of an X25519's 35 µs here). Not
// thread-safe: keep one per operation (seal) or per thread (PairwiseCache). Move-only.
class X25519Agreement {
 public:
  explicit X25519Agreement(const X25519Key& key);
  const X25519PublicKey& public_key() const { return public_; }
  // Fails (crypto.bad_key) on an all-zero shared secret (low-order peer key).
  [[nodiscard]] Result<Secret<kKeySize>> agree(const X25519PublicKey& peer);

 private:
  detail::PkeyCtxHandle ctx_;
  X25519PublicKey public_;
};

// An Ed25519 signing key held ready for repeated signatures. Move-only.
class Ed25519Key {
 public:
  static Ed25519Key generate();
  static Ed25519Key from_seed(const Secret<kKeySize>& seed);

  const Ed25519PublicKey& public_key() const { return public_; }
  Signature sign(ByteView message) const;
  Secret<kKeySize> export_seed() const;

 private:
  Ed25519Key(detail::PkeyHandle key, Ed25519PublicKey pub) : key_(std::move(key)), public_(pub) {}
  detail::PkeyHandle key_;
  Ed25519PublicKey public_;
};

}  // namespace sk::crypto
