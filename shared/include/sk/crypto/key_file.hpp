#pragma once
// A device identity at rest, encrypted under a passphrase (docs/protocol.md §8):
// scrypt (OWASP: N = 2^17, r = 8, p = 1) → ChaCha20-Poly1305, versioned, with the scrypt
// parameters recorded in the file and a checksum that tells a damaged file from a wrong passphrase.

#include <string_view>

#include "sk/core/bytes.hpp"
#include "sk/core/result.hpp"
#include "sk/crypto/identity.hpp"
#include "sk/crypto/primitives.hpp"

namespace sk::crypto {

inline constexpr std::uint8_t kKeyFileVersion = 1;
inline constexpr std::size_t kKeyFileSize = 4 + 1 + 1 + 3 + 16 + (2 * kKeySize + kAeadTagSize) + 32;
static_assert(kKeyFileSize == 137);

enum class KdfCost {
  owasp,           // the only cost for real key files
  test_only_weak,  // N = 2^10: for unit tests, which would otherwise spend seconds in scrypt
};

// Errors: key_file.empty_passphrase.
[[nodiscard]] Result<Bytes> seal_key_file(const DeviceIdentity& identity, std::string_view passphrase,
                                          KdfCost cost = KdfCost::owasp);

// Errors: key_file.corrupt (damaged or not a key file), key_file.unsupported_version,
// key_file.wrong_passphrase.
[[nodiscard]] Result<DeviceIdentity> open_key_file(ByteView file, std::string_view passphrase);

}  // namespace sk::crypto
