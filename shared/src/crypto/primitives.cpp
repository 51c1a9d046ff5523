#include "sk/crypto/primitives.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/params.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "evp.hpp"

namespace sk::crypto {

namespace evp {

[[noreturn]] void die(const char* what) {
  std::fprintf(stderr, "fatal: OpenSSL failed in %s\n", what);
  std::abort();
}

const Algorithms& algorithms() {
  static const Algorithms kAlgorithms = [] {
    Algorithms a;
    a.sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    a.chacha20_poly1305 = EVP_CIPHER_fetch(nullptr, "ChaCha20-Poly1305", nullptr);
    a.hkdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    a.scrypt = EVP_KDF_fetch(nullptr, "SCRYPT", nullptr);
    a.hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (!a.sha256 || !a.chacha20_poly1305 || !a.hkdf || !a.scrypt || !a.hmac) die("algorithm fetch");
    return a;
  }();
  return kAlgorithms;
}

}  // namespace evp

namespace {

// Expected failures (a bad tag, a bad signature, a low-order key) must not leave entries in the
// thread's OpenSSL error queue, where a later TLS call in the same thread would find them.
void clear_errors() {
  ERR_clear_error();
}

// OSSL_PARAM wants non-const pointers even for inputs it only reads.
OSSL_PARAM octets(const char* name, ByteView b) {
  return OSSL_PARAM_construct_octet_string(name, const_cast<std::uint8_t*>(b.data()), b.size());
}
OSSL_PARAM utf8(const char* name, const char* value) {
  return OSSL_PARAM_construct_utf8_string(name, const_cast<char*>(value), 0);
}

evp::Ptr<EVP_PKEY> raw_private(int type, const Secret<kKeySize>& secret) {
  evp::Ptr<EVP_PKEY> key(EVP_PKEY_new_raw_private_key(type, nullptr, secret.data(), kKeySize));
  if (!key) evp::die("EVP_PKEY_new_raw_private_key");
  return key;
}

template <class Public>
Public raw_public_of(EVP_PKEY* key) {
  Public out;
  std::size_t len = out.bytes.size();
  if (EVP_PKEY_get_raw_public_key(key, out.bytes.data(), &len) != 1 || len != Public::kSize) {
    evp::die("EVP_PKEY_get_raw_public_key");
  }
  return out;
}

Secret<kKeySize> raw_private_of(EVP_PKEY* key) {
  Secret<kKeySize> out;
  std::size_t len = kKeySize;
  if (EVP_PKEY_get_raw_private_key(key, out.data(), &len) != 1 || len != kKeySize) {
    evp::die("EVP_PKEY_get_raw_private_key");
  }
  return out;
}

evp::Ptr<EVP_PKEY> generate_pkey(int type) {
  evp::Ptr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_id(type, nullptr));
  EVP_PKEY* key = nullptr;
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &key) != 1) {
    evp::die("EVP_PKEY_keygen");
  }
  return evp::Ptr<EVP_PKEY>(key);
}

evp::Ptr<EVP_PKEY_CTX> derive_context(EVP_PKEY* own) {
  evp::Ptr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new(own, nullptr));
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1) evp::die("EVP_PKEY_derive_init");
  return ctx;
}

// `ctx` is a derive context of the own key; it may be reused, each call sets a new peer.
Result<Secret<kKeySize>> derive(EVP_PKEY_CTX* ctx, const X25519PublicKey& peer) {
  evp::Ptr<EVP_PKEY> peer_key(
      EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, peer.bytes.data(), peer.bytes.size()));
  if (!peer_key) evp::die("EVP_PKEY_new_raw_public_key");
  Secret<kKeySize> out;
  std::size_t len = kKeySize;
  // OpenSSL refuses to return an all-zero X25519 output (RFC 7748 §6.1), which is the check we want.
  if (EVP_PKEY_derive_set_peer(ctx, peer_key.get()) != 1 || EVP_PKEY_derive(ctx, out.data(), &len) != 1 ||
      len != kKeySize) {
    clear_errors();
    return fail("crypto.bad_key", "the peer's X25519 key is of low order");
  }
  static constexpr std::array<std::uint8_t, kKeySize> kZero{};
  if (constant_time_equal(out.view(), kZero)) {
    return fail("crypto.bad_key", "the peer's X25519 key is of low order");
  }
  return out;
}

}  // namespace

void wipe(void* data, std::size_t size) {
  OPENSSL_cleanse(data, size);
}

void detail::PkeyFree::operator()(evp_pkey_st* key) const noexcept {
  EVP_PKEY_free(key);
}

void detail::PkeyCtxFree::operator()(evp_pkey_ctx_st* ctx) const noexcept {
  EVP_PKEY_CTX_free(ctx);
}

Digest sha256(ByteView data) {
  return sha256({data});
}

Digest sha256(std::initializer_list<ByteView> parts) {
  evp::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestInit_ex2(ctx.get(), evp::algorithms().sha256, nullptr) != 1) {
    evp::die("EVP_DigestInit_ex2");
  }
  for (const auto part : parts) {
    if (EVP_DigestUpdate(ctx.get(), part.data(), part.size()) != 1) evp::die("EVP_DigestUpdate");
  }
  Digest out;
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(ctx.get(), out.bytes.data(), &len) != 1 || len != Digest::kSize) {
    evp::die("EVP_DigestFinal_ex");
  }
  return out;
}

bool constant_time_equal(ByteView a, ByteView b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

// --- Ed25519

Ed25519PublicKey ed25519_public_from_seed(const Secret<kKeySize>& seed) {
  return raw_public_of<Ed25519PublicKey>(raw_private(EVP_PKEY_ED25519, seed).get());
}

Signature ed25519_sign(const Secret<kKeySize>& seed, ByteView message) {
  return Ed25519Key::from_seed(seed).sign(message);
}

bool ed25519_verify(const Ed25519PublicKey& key, ByteView message, const Signature& signature) {
  evp::Ptr<EVP_PKEY> pkey(
      EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, key.bytes.data(), key.bytes.size()));
  evp::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
  if (!pkey || !ctx) evp::die("EVP_PKEY_new_raw_public_key");
  const bool ok = EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, pkey.get()) == 1 &&
                  EVP_DigestVerify(ctx.get(), signature.bytes.data(), signature.bytes.size(), message.data(),
                                   message.size()) == 1;
  if (!ok) clear_errors();
  return ok;
}

Ed25519Key Ed25519Key::generate() {
  auto key = generate_pkey(EVP_PKEY_ED25519);
  const auto pub = raw_public_of<Ed25519PublicKey>(key.get());
  return {detail::PkeyHandle(key.release()), pub};
}

Ed25519Key Ed25519Key::from_seed(const Secret<kKeySize>& seed) {
  auto key = raw_private(EVP_PKEY_ED25519, seed);
  const auto pub = raw_public_of<Ed25519PublicKey>(key.get());
  return {detail::PkeyHandle(key.release()), pub};
}

Signature Ed25519Key::sign(ByteView message) const {
  evp::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
  Signature out;
  std::size_t len = out.bytes.size();
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1 ||
      EVP_DigestSign(ctx.get(), out.bytes.data(), &len, message.data(), message.size()) != 1 ||
      len != Signature::kSize) {
    evp::die("EVP_DigestSign");
  }
  return out;
}

Secret<kKeySize> Ed25519Key::export_seed() const {
  return raw_private_of(key_.get());
}

// --- X25519

X25519PublicKey x25519_public_from_secret(const Secret<kKeySize>& secret) {
  return raw_public_of<X25519PublicKey>(raw_private(EVP_PKEY_X25519, secret).get());
}

Result<Secret<kKeySize>> x25519(const Secret<kKeySize>& secret, const X25519PublicKey& peer) {
  const auto key = raw_private(EVP_PKEY_X25519, secret);
  return derive(derive_context(key.get()).get(), peer);
}

X25519Key X25519Key::generate() {
  auto key = generate_pkey(EVP_PKEY_X25519);
  const auto pub = raw_public_of<X25519PublicKey>(key.get());
  return {detail::PkeyHandle(key.release()), pub};
}

X25519Key X25519Key::from_secret(const Secret<kKeySize>& secret) {
  auto key = raw_private(EVP_PKEY_X25519, secret);
  const auto pub = raw_public_of<X25519PublicKey>(key.get());
  return {detail::PkeyHandle(key.release()), pub};
}

Result<Secret<kKeySize>> X25519Key::agree(const X25519PublicKey& peer) const {
  return derive(derive_context(key_.get()).get(), peer);
}

X25519Agreement::X25519Agreement(const X25519Key& key)
    : ctx_(derive_context(key.key_.get()).release()), public_(key.public_key()) {}

Result<Secret<kKeySize>> X25519Agreement::agree(const X25519PublicKey& peer) {
  return derive(ctx_.get(), peer);
}

Secret<kKeySize> X25519Key::export_secret() const {
  return raw_private_of(key_.get());
}

// --- HKDF, HMAC

SecretBuffer hkdf_sha256(ByteView salt, ByteView ikm, ByteView info, std::size_t length) {
  SecretBuffer out(length);
  hkdf_sha256(salt, ikm, info, std::span<std::uint8_t>(out.data(), out.size()));
  return out;
}

void hkdf_sha256(ByteView salt, ByteView ikm, ByteView info, std::span<std::uint8_t> out) {
  evp::Ptr<EVP_KDF_CTX> ctx(EVP_KDF_CTX_new(evp::algorithms().hkdf));
  if (!ctx) evp::die("EVP_KDF_CTX_new");
  std::array<OSSL_PARAM, 5> params{};
  std::size_t n = 0;
  params[n++] = utf8(OSSL_KDF_PARAM_DIGEST, "SHA256");
  params[n++] = octets(OSSL_KDF_PARAM_KEY, ikm);
  // Absent salt and info are the RFC's defaults; OpenSSL rejects zero-length octet params.
  if (!salt.empty()) params[n++] = octets(OSSL_KDF_PARAM_SALT, salt);
  if (!info.empty()) params[n++] = octets(OSSL_KDF_PARAM_INFO, info);
  params[n] = OSSL_PARAM_construct_end();
  if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params.data()) != 1) evp::die("HKDF");
}

Mac hmac_sha256(ByteView key, ByteView data) {
  evp::Ptr<EVP_MAC_CTX> ctx(EVP_MAC_CTX_new(evp::algorithms().hmac));
  std::array<OSSL_PARAM, 2> params{utf8(OSSL_MAC_PARAM_DIGEST, "SHA256"), OSSL_PARAM_construct_end()};
  Mac out;
  std::size_t len = 0;
  if (!ctx || EVP_MAC_init(ctx.get(), key.data(), key.size(), params.data()) != 1 ||
      EVP_MAC_update(ctx.get(), data.data(), data.size()) != 1 ||
      EVP_MAC_final(ctx.get(), out.bytes.data(), &len, out.bytes.size()) != 1 || len != Mac::kSize) {
    evp::die("HMAC");
  }
  return out;
}

// --- ChaCha20-Poly1305

namespace {

int as_int(std::size_t n) {
  if (n > static_cast<std::size_t>(INT_MAX)) evp::die("AEAD input too large");
  return static_cast<int>(n);
}

}  // namespace

void aead_seal(const SymmetricKey& key, ByteView nonce, ByteView ad, ByteView plaintext,
               std::span<std::uint8_t> out) {
  if (nonce.size() != kAeadNonceSize || out.size() != plaintext.size() + kAeadTagSize) {
    evp::die("aead_seal: bad sizes");
  }
  evp::Ptr<EVP_CIPHER_CTX> ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  if (!ctx ||
      EVP_EncryptInit_ex2(ctx.get(), evp::algorithms().chacha20_poly1305, key.data(), nonce.data(),
                          nullptr) != 1 ||
      (!ad.empty() && EVP_EncryptUpdate(ctx.get(), nullptr, &len, ad.data(), as_int(ad.size())) != 1) ||
      (!plaintext.empty() &&
       EVP_EncryptUpdate(ctx.get(), out.data(), &len, plaintext.data(), as_int(plaintext.size())) != 1) ||
      EVP_EncryptFinal_ex(ctx.get(), out.data() + plaintext.size(), &len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, static_cast<int>(kAeadTagSize),
                          out.data() + plaintext.size()) != 1) {
    evp::die("aead_seal");
  }
}

bool aead_open(const SymmetricKey& key, ByteView nonce, ByteView ad, ByteView ciphertext,
               std::span<std::uint8_t> out) {
  if (nonce.size() != kAeadNonceSize || ciphertext.size() < kAeadTagSize ||
      out.size() != ciphertext.size() - kAeadTagSize) {
    if (!out.empty()) wipe(out.data(), out.size());
    return false;
  }
  const auto body = ciphertext.first(out.size());
  const auto tag = ciphertext.last(kAeadTagSize);
  evp::Ptr<EVP_CIPHER_CTX> ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  if (!ctx ||
      EVP_DecryptInit_ex2(ctx.get(), evp::algorithms().chacha20_poly1305, key.data(), nonce.data(),
                          nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, static_cast<int>(kAeadTagSize),
                          const_cast<std::uint8_t*>(tag.data())) != 1) {
    evp::die("aead_open");
  }
  std::array<std::uint8_t, 16> final_block{};
  const bool ok =
      (ad.empty() || EVP_DecryptUpdate(ctx.get(), nullptr, &len, ad.data(), as_int(ad.size())) == 1) &&
      (body.empty() ||
       EVP_DecryptUpdate(ctx.get(), out.data(), &len, body.data(), as_int(body.size())) == 1) &&
      EVP_DecryptFinal_ex(ctx.get(), final_block.data(), &len) == 1;
  if (!ok) {
    if (!out.empty()) wipe(out.data(), out.size());
    clear_errors();
  }
  return ok;
}

// --- scrypt

Result<SecretBuffer> scrypt(ByteView password, ByteView salt, ScryptParams params, std::size_t length) {
  if (params.log2_n < 1 || params.log2_n > 22 || params.r == 0 || params.p == 0 || salt.empty()) {
    return fail("crypto.kdf_failed", "scrypt parameters out of range");
  }
  std::uint64_t n = std::uint64_t{1} << params.log2_n;
  std::uint32_t r = params.r;
  std::uint32_t p = params.p;
  // OpenSSL's default memory cap (32 MiB) is below the OWASP cost; allow what the parameters need.
  std::uint64_t maxmem = 128ULL * r * (n + p) + (1ULL << 20);
  evp::Ptr<EVP_KDF_CTX> ctx(EVP_KDF_CTX_new(evp::algorithms().scrypt));
  if (!ctx) evp::die("EVP_KDF_CTX_new");
  // An empty password is legal scrypt input, but OpenSSL wants a non-null pointer.
  static constexpr std::uint8_t kEmpty = 0;
  const ByteView pass = password.empty() ? ByteView(&kEmpty, 0) : password;
  std::array<OSSL_PARAM, 7> ps{octets(OSSL_KDF_PARAM_PASSWORD, pass),
                               octets(OSSL_KDF_PARAM_SALT, salt),
                               OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
                               OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
                               OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
                               OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
                               OSSL_PARAM_construct_end()};
  SecretBuffer out(length);
  if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), ps.data()) != 1) {
    clear_errors();
    return fail("crypto.kdf_failed", "scrypt failed (out of memory or bad parameters)");
  }
  return out;
}

}  // namespace sk::crypto
