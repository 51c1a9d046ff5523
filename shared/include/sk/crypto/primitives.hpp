#pragma once
// Thin, typed wrappers over the OpenSSL 3 EVP primitives the construction needs.
// No home-made primitives: every function here is one EVP call sequence.
// Higher layers use envelope.hpp / identity.hpp; the backend uses only the Ed25519 verify,
// SHA-256 and constant-time comparison.

#include <optional>

#include "sk/core/bytes.hpp"
#include "sk/core/result.hpp"
#include "sk/crypto/keys.hpp"

namespace sk::crypto {

// --- hashing and comparison
Digest sha256(ByteView data);
bool constant_time_equal(ByteView a, ByteView b);  // false when lengths differ

// --- Ed25519 (RFC 8032, pure mode). The secret is the 32-byte seed.
Ed25519PublicKey ed25519_public_from_seed(const Secret<kKeySize>& seed);
Signature ed25519_sign(const Secret<kKeySize>& seed, ByteView message);
[[nodiscard]] bool ed25519_verify(const Ed25519PublicKey& key, ByteView message, const Signature& signature);

// --- X25519 (RFC 7748)
X25519PublicKey x25519_public_from_secret(const Secret<kKeySize>& secret);
// Fails (crypto.bad_key) on an all-zero shared secret (low-order public key).
[[nodiscard]] Result<Secret<kKeySize>> x25519(const Secret<kKeySize>& secret, const X25519PublicKey& peer);

// --- HKDF-SHA256 (RFC 5869)
SecretBuffer hkdf_sha256(ByteView salt, ByteView ikm, ByteView info, std::size_t length);

}  // namespace sk::crypto
