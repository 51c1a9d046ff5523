#pragma once
// The floor the envelope is measured against: exactly the primitive operations one seal or one
// open needs (X25519, HKDF, ChaCha20-Poly1305, HMAC, SHA-256, RAND), called directly on OpenSSL
// EVP with algorithms fetched once, no parsing, no allocation beyond what EVP itself does.

#include <openssl/evp.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sk::bench {

class RawPrimitives {
 public:
  // `recipients`: the X25519 public keys sealed to; `padded`: payload bytes after padding;
  // `preamble`/`header`: the sizes the construction authenticates for that recipient count.
  RawPrimitives(std::size_t recipients, std::size_t padded, std::size_t preamble, std::size_t header);
  ~RawPrimitives();
  RawPrimitives(const RawPrimitives&) = delete;
  RawPrimitives& operator=(const RawPrimitives&) = delete;

  void seal();  // 1 keygen + n × (X25519, HKDF, AEAD 32 B) + HKDF + AEAD payload + 2 SHA-256 + HMAC + RAND
  bool open();  // 1 X25519 + HKDF + AEAD-open 32 B + HKDF + HMAC + AEAD-open payload + 2 SHA-256
  void one_x25519();  // a single agreement: the yardstick for how loaded this core is right now

 private:
  // Agreement through a reusable derive context, as the construction does (X25519Agreement).
  static EVP_PKEY_CTX* derive_context(EVP_PKEY* own);
  static void x25519(EVP_PKEY_CTX* ctx, const std::uint8_t* peer, std::uint8_t* out);
  void hkdf(const std::uint8_t* ikm, std::size_t ikm_len, const std::uint8_t* info, std::size_t info_len,
            std::uint8_t* out, std::size_t out_len);
  void aead_seal(const std::uint8_t* key, const std::uint8_t* ad, std::size_t ad_len, const std::uint8_t* in,
                 std::size_t len, std::uint8_t* out);
  bool aead_open(const std::uint8_t* key, const std::uint8_t* ad, std::size_t ad_len, const std::uint8_t* in,
                 std::size_t len, std::uint8_t* out);
  void sha256(const std::uint8_t* in, std::size_t len, std::uint8_t* out);
  void hmac(const std::uint8_t* key, const std::uint8_t* in, std::size_t len, std::uint8_t* out);

  EVP_MD* sha256_ = nullptr;
  EVP_CIPHER* chacha_ = nullptr;
  EVP_KDF* hkdf_ = nullptr;
  EVP_MAC* hmac_ = nullptr;
  EVP_PKEY* me_ = nullptr;
  EVP_PKEY_CTX* me_ctx_ = nullptr;
  std::vector<std::vector<std::uint8_t>> recipients_;
  std::vector<std::uint8_t> ephemeral_public_;
  std::vector<std::uint8_t> padded_, payload_, preamble_, header_, info_, wrapped_, scratch_;
  std::array<std::uint8_t, 32> key_{};
};

}  // namespace sk::bench
