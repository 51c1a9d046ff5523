#include "raw_primitives.hpp"

#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <array>
#include <cstdlib>
#include <string>

namespace sk::bench {
namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

EVP_PKEY* keygen() {
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nullptr);
  EVP_PKEY* key = nullptr;
  check(ctx != nullptr && EVP_PKEY_keygen_init(ctx) == 1 && EVP_PKEY_keygen(ctx, &key) == 1);
  EVP_PKEY_CTX_free(ctx);
  return key;
}

std::vector<std::uint8_t> public_of(EVP_PKEY* key) {
  std::vector<std::uint8_t> out(32);
  std::size_t len = out.size();
  check(EVP_PKEY_get_raw_public_key(key, out.data(), &len) == 1);
  return out;
}

}  // namespace

RawPrimitives::RawPrimitives(std::size_t recipients, std::size_t padded, std::size_t preamble,
                             std::size_t header)
    : sha256_(EVP_MD_fetch(nullptr, "SHA256", nullptr)),
      chacha_(EVP_CIPHER_fetch(nullptr, "ChaCha20-Poly1305", nullptr)),
      hkdf_(EVP_KDF_fetch(nullptr, "HKDF", nullptr)),
      hmac_(EVP_MAC_fetch(nullptr, "HMAC", nullptr)),
      me_(keygen()),
      me_ctx_(derive_context(me_)),
      padded_(padded, 0x42),
      payload_(padded + 16),
      preamble_(preamble, 0x17),
      header_(header, 0x23),
      info_(20 + 3 * 32, 0x55),
      wrapped_(48),
      scratch_(padded) {
  check(sha256_ && chacha_ && hkdf_ && hmac_);
  for (std::size_t i = 0; i < recipients; ++i) {
    EVP_PKEY* k = keygen();
    recipients_.push_back(public_of(k));
    EVP_PKEY_free(k);
  }
  EVP_PKEY* eph = keygen();
  ephemeral_public_ = public_of(eph);
  EVP_PKEY_free(eph);
  // Valid ciphertexts for open(): the stanza and the payload, under key_ (all zero).
  std::array<std::uint8_t, 64> ad{};
  std::array<std::uint8_t, 32> file_key{};
  aead_seal(key_.data(), ad.data(), ad.size(), file_key.data(), file_key.size(), wrapped_.data());
  aead_seal(key_.data(), preamble_.data(), preamble_.size(), padded_.data(), padded_.size(), payload_.data());
}

RawPrimitives::~RawPrimitives() {
  EVP_PKEY_CTX_free(me_ctx_);
  EVP_PKEY_free(me_);
  EVP_MD_free(sha256_);
  EVP_CIPHER_free(chacha_);
  EVP_KDF_free(hkdf_);
  EVP_MAC_free(hmac_);
}

void RawPrimitives::x25519(EVP_PKEY_CTX* ctx, const std::uint8_t* peer, std::uint8_t* out) {
  EVP_PKEY* peer_key = EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, peer, 32);
  std::size_t len = 32;
  check(peer_key && EVP_PKEY_derive_set_peer(ctx, peer_key) == 1 && EVP_PKEY_derive(ctx, out, &len) == 1);
  EVP_PKEY_free(peer_key);
}

EVP_PKEY_CTX* RawPrimitives::derive_context(EVP_PKEY* own) {
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(own, nullptr);
  check(ctx && EVP_PKEY_derive_init(ctx) == 1);
  return ctx;
}

void RawPrimitives::hkdf(const std::uint8_t* ikm, std::size_t ikm_len, const std::uint8_t* info,
                         std::size_t info_len, std::uint8_t* out, std::size_t out_len) {
  EVP_KDF_CTX* ctx = EVP_KDF_CTX_new(hkdf_);
  std::string digest = "SHA256";
  const std::array params{
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest.data(), 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<std::uint8_t*>(ikm), ikm_len),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<std::uint8_t*>(info), info_len),
      OSSL_PARAM_construct_end()};
  check(ctx && EVP_KDF_derive(ctx, out, out_len, params.data()) == 1);
  EVP_KDF_CTX_free(ctx);
}

void RawPrimitives::aead_seal(const std::uint8_t* key, const std::uint8_t* ad, std::size_t ad_len,
                              const std::uint8_t* in, std::size_t len, std::uint8_t* out) {
  static constexpr std::array<std::uint8_t, 12> kNonce{};
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  int n = 0;
  check(ctx && EVP_EncryptInit_ex2(ctx, chacha_, key, kNonce.data(), nullptr) == 1 &&
        EVP_EncryptUpdate(ctx, nullptr, &n, ad, static_cast<int>(ad_len)) == 1 &&
        EVP_EncryptUpdate(ctx, out, &n, in, static_cast<int>(len)) == 1 &&
        EVP_EncryptFinal_ex(ctx, out + len, &n) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, out + len) == 1);
  EVP_CIPHER_CTX_free(ctx);
}

bool RawPrimitives::aead_open(const std::uint8_t* key, const std::uint8_t* ad, std::size_t ad_len,
                              const std::uint8_t* in, std::size_t len, std::uint8_t* out) {
  static constexpr std::array<std::uint8_t, 12> kNonce{};
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  int n = 0;
  std::array<std::uint8_t, 16> final_block{};
  check(ctx && EVP_DecryptInit_ex2(ctx, chacha_, key, kNonce.data(), nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, 16, const_cast<std::uint8_t*>(in + len - 16)) == 1);
  const bool ok = EVP_DecryptUpdate(ctx, nullptr, &n, ad, static_cast<int>(ad_len)) == 1 &&
                  EVP_DecryptUpdate(ctx, out, &n, in, static_cast<int>(len - 16)) == 1 &&
                  EVP_DecryptFinal_ex(ctx, final_block.data(), &n) == 1;
  EVP_CIPHER_CTX_free(ctx);
  return ok;
}

void RawPrimitives::sha256(const std::uint8_t* in, std::size_t len, std::uint8_t* out) {
  unsigned int n = 0;
  check(EVP_Digest(in, len, out, &n, sha256_, nullptr) == 1);
}

void RawPrimitives::hmac(const std::uint8_t* key, const std::uint8_t* in, std::size_t len,
                         std::uint8_t* out) {
  EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(hmac_);
  std::string digest = "SHA256";
  const std::array params{OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest.data(), 0),
                          OSSL_PARAM_construct_end()};
  std::size_t n = 0;
  check(ctx && EVP_MAC_init(ctx, key, 32, params.data()) == 1 && EVP_MAC_update(ctx, in, len) == 1 &&
        EVP_MAC_final(ctx, out, &n, 32) == 1);
  EVP_MAC_CTX_free(ctx);
}

void RawPrimitives::seal() {
  std::array<std::uint8_t, 32> file_key{};
  std::array<std::uint8_t, 64> shared{};
  std::array<std::uint8_t, 32> wrap_key{};
  std::array<std::uint8_t, 64> expanded{};
  std::array<std::uint8_t, 64> ad{};
  std::array<std::uint8_t, 32> mac{};
  check(RAND_bytes(file_key.data(), file_key.size()) == 1);
  EVP_PKEY* eph = keygen();
  std::size_t len = 32;
  check(EVP_PKEY_get_raw_public_key(eph, ephemeral_public_.data(), &len) == 1);
  hkdf(file_key.data(), 32, info_.data(), 23, expanded.data(), 64);
  aead_seal(expanded.data() + 32, preamble_.data(), preamble_.size(), padded_.data(), padded_.size(),
            payload_.data());
  sha256(preamble_.data(), preamble_.size(), ad.data());
  sha256(payload_.data(), payload_.size(), ad.data() + 32);
  EVP_PKEY_CTX* eph_ctx = derive_context(eph);  // one context for all recipients
  for (const auto& r : recipients_) {
    x25519(eph_ctx, r.data(), shared.data());  // the static half comes from the pairwise cache
    hkdf(shared.data(), 64, info_.data(), info_.size(), wrap_key.data(), 32);
    aead_seal(wrap_key.data(), ad.data(), 64, file_key.data(), 32, wrapped_.data());
  }
  hmac(expanded.data(), header_.data(), header_.size(), mac.data());
  EVP_PKEY_CTX_free(eph_ctx);
  EVP_PKEY_free(eph);
}

void RawPrimitives::one_x25519() {
  std::array<std::uint8_t, 32> shared{};
  x25519(me_ctx_, ephemeral_public_.data(), shared.data());
}

bool RawPrimitives::open() {
  std::array<std::uint8_t, 64> shared{};
  std::array<std::uint8_t, 32> wrap_key{};
  std::array<std::uint8_t, 64> expanded{};
  std::array<std::uint8_t, 64> ad{};
  std::array<std::uint8_t, 32> file_key{};
  std::array<std::uint8_t, 32> mac{};
  std::array<std::uint8_t, 64> digest{};
  x25519(me_ctx_, ephemeral_public_.data(), shared.data());
  sha256(payload_.data(), payload_.size(), digest.data());
  sha256(preamble_.data(), preamble_.size(), digest.data() + 32);
  hkdf(shared.data(), 64, info_.data(), info_.size(), wrap_key.data(), 32);
  bool ok = aead_open(key_.data(), ad.data(), 64, wrapped_.data(), wrapped_.size(), file_key.data());
  hkdf(file_key.data(), 32, info_.data(), 23, expanded.data(), 64);
  hmac(expanded.data(), header_.data(), header_.size(), mac.data());
  ok = aead_open(key_.data(), preamble_.data(), preamble_.size(), payload_.data(), payload_.size(),
                 scratch_.data()) &&
       ok;
  return ok;
}

}  // namespace sk::bench
