#pragma once
// Internal: RAII for OpenSSL handles and the algorithms fetched once per process.
// Explicit fetching (instead of the EVP_sha256()-style implicit lookups on every call) is what
// the OpenSSL 3 performance notes recommend; the fetched objects are immutable and thread-safe.

#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <memory>

namespace sk::crypto::evp {

struct Algorithms {
  EVP_MD* sha256 = nullptr;
  EVP_CIPHER* chacha20_poly1305 = nullptr;
  EVP_KDF* hkdf = nullptr;
  EVP_KDF* scrypt = nullptr;
  EVP_MAC* hmac = nullptr;
};

// Fetched on first use; aborts if the default provider lacks one (a broken installation).
const Algorithms& algorithms();

// Aborts with a message: used only when OpenSSL fails where it cannot fail for valid input
// (allocation failure, a missing algorithm). Continuing would silently weaken security.
[[noreturn]] void die(const char* what);

struct Free {
  void operator()(EVP_PKEY* p) const noexcept { EVP_PKEY_free(p); }
  void operator()(EVP_PKEY_CTX* p) const noexcept { EVP_PKEY_CTX_free(p); }
  void operator()(EVP_MD_CTX* p) const noexcept { EVP_MD_CTX_free(p); }
  void operator()(EVP_CIPHER_CTX* p) const noexcept { EVP_CIPHER_CTX_free(p); }
  void operator()(EVP_KDF_CTX* p) const noexcept { EVP_KDF_CTX_free(p); }
  void operator()(EVP_MAC_CTX* p) const noexcept { EVP_MAC_CTX_free(p); }
};
template <class T>
using Ptr = std::unique_ptr<T, Free>;

}  // namespace sk::crypto::evp
