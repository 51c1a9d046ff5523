// Known-answer tests: RFC 7748 (X25519), RFC 8032 (Ed25519), RFC 5869 (HKDF-SHA256), plus
// RFC 8439 (ChaCha20-Poly1305), RFC 4231 (HMAC-SHA256) and RFC 7914 (scrypt) for the other
// primitives the construction uses.

#include "sk/crypto/primitives.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace sk::crypto {
namespace {

using testing::fixed;
using testing::secret;
using testing::unhex;

std::string hex_of(ByteView b) {
  return hex_encode(b);
}

// --- RFC 7748

TEST(X25519, MatchesRfc7748ScalarMultiplicationVectors) {
  struct Vector {
    const char* scalar;
    const char* u;
    const char* out;
  };
  const Vector vectors[] = {
      {"a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
       "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
       "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"},
      // The u-coordinate's top bit is set: X25519 must ignore it (RFC 7748 §5).
      {"4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
       "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
       "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"},
  };
  for (const auto& v : vectors) {
    const auto out = x25519(secret(v.scalar), fixed<X25519PublicKey>(v.u));
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(hex_of(out->view()), v.out);
  }
}

TEST(X25519, MatchesRfc7748IteratedVectorsAfter1And1000Rounds) {
  auto k = unhex("0900000000000000000000000000000000000000000000000000000000000000");
  auto u = k;
  for (int i = 1; i <= 1000; ++i) {
    const auto out = x25519(*Secret<kKeySize>::from(k), *X25519PublicKey::from(u));
    ASSERT_TRUE(out.ok());
    u = k;
    k.assign(out->view().begin(), out->view().end());
    if (i == 1) {
      EXPECT_EQ(hex_of(k), "422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079");
    }
  }
  EXPECT_EQ(hex_of(k), "684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51");
}

TEST(X25519, MatchesRfc7748DiffieHellmanExample) {
  const auto alice = secret("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
  const auto bob = secret("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
  const auto alice_public = x25519_public_from_secret(alice);
  const auto bob_public = x25519_public_from_secret(bob);
  EXPECT_EQ(hex_of(alice_public.view()), "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
  EXPECT_EQ(hex_of(bob_public.view()), "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
  const auto k1 = x25519(alice, bob_public);
  const auto k2 = X25519Key::from_secret(bob).agree(alice_public);
  ASSERT_TRUE(k1.ok() && k2.ok());
  EXPECT_EQ(hex_of(k1->view()), "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
  EXPECT_EQ(hex_of(k2->view()), hex_of(k1->view()));
}

TEST(X25519, RefusesLowOrderPeerKeys) {
  const auto key = X25519Key::generate();
  // u = 0 and u = 1 are of low order: every scalar maps them to zero.
  for (const char* u : {"0000000000000000000000000000000000000000000000000000000000000000",
                        "0100000000000000000000000000000000000000000000000000000000000000"}) {
    const auto out = key.agree(fixed<X25519PublicKey>(u));
    ASSERT_FALSE(out.ok());
    EXPECT_EQ(out.error().code, "crypto.bad_key");
  }
}

TEST(X25519, KeyHandleRoundTripsItsSecret) {
  const auto key = X25519Key::generate();
  const auto again = X25519Key::from_secret(key.export_secret());
  EXPECT_EQ(again.public_key(), key.public_key());
}

// --- RFC 8032

struct Ed25519Vector {
  const char* seed;
  const char* public_key;
  const char* message;
  const char* signature;
};

const Ed25519Vector kEd25519Vectors[] = {
    {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
     "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f"
     "0595bbe24"
     "655141438e7a100b"},
    {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
     "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2ea"
     "eb4302a"
     "eeb00d291612bb0c00"},
    {"c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
     "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
     "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e"
     "9716ed2"
     "8dc027beceea1ec40a"},
};

TEST(Ed25519, MatchesRfc8032Vectors) {
  for (const auto& v : kEd25519Vectors) {
    const auto seed = secret(v.seed);
    EXPECT_EQ(hex_of(ed25519_public_from_seed(seed).view()), v.public_key);
    const auto message = unhex(v.message);
    const auto signature = ed25519_sign(seed, message);
    EXPECT_EQ(hex_of(signature.view()), v.signature);
    EXPECT_TRUE(ed25519_verify(fixed<Ed25519PublicKey>(v.public_key), message, signature));
  }
}

TEST(Ed25519, RejectsAlteredMessageSignatureOrKey) {
  const auto& v = kEd25519Vectors[1];
  const auto key = fixed<Ed25519PublicKey>(v.public_key);
  const auto signature = fixed<Signature>(v.signature);
  EXPECT_FALSE(ed25519_verify(key, unhex("73"), signature));
  for (std::size_t i = 0; i < Signature::kSize; ++i) {
    auto bad = signature;
    bad.bytes[i] ^= 0x01;
    EXPECT_FALSE(ed25519_verify(key, unhex(v.message), bad)) << "byte " << i;
  }
  EXPECT_FALSE(
      ed25519_verify(fixed<Ed25519PublicKey>(kEd25519Vectors[0].public_key), unhex(v.message), signature));
}

// --- RFC 5869

TEST(Hkdf, MatchesRfc5869TestCases1To3) {
  Bytes ikm2;
  Bytes salt2;
  Bytes info2;
  for (int i = 0x00; i <= 0x4f; ++i) ikm2.push_back(static_cast<std::uint8_t>(i));
  for (int i = 0x60; i <= 0xaf; ++i) salt2.push_back(static_cast<std::uint8_t>(i));
  for (int i = 0xb0; i <= 0xff; ++i) info2.push_back(static_cast<std::uint8_t>(i));
  const Bytes ikm13(22, 0x0b);

  EXPECT_EQ(
      hex_of(
          hkdf_sha256(unhex("000102030405060708090a0b0c"), ikm13, unhex("f0f1f2f3f4f5f6f7f8f9"), 42).view()),
      "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  EXPECT_EQ(hex_of(hkdf_sha256(salt2, ikm2, info2, 82).view()),
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09"
            "da3275600c2f"
            "09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87");
  EXPECT_EQ(hex_of(hkdf_sha256({}, ikm13, {}, 42).view()),
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
}

// --- SHA-256, HMAC-SHA256 (RFC 4231 test case 2), constant-time comparison

TEST(Sha256, MatchesFips180Vector) {
  EXPECT_EQ(hex_of(sha256(as_bytes("abc")).view()),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256({as_bytes("a"), as_bytes("bc")}), sha256(as_bytes("abc")));
}

TEST(Hmac, MatchesRfc4231TestCase2) {
  EXPECT_EQ(hex_of(hmac_sha256(as_bytes("Jefe"), as_bytes("what do ya want for nothing?")).view()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(ConstantTimeEqual, ComparesContentAndLength) {
  EXPECT_TRUE(constant_time_equal(unhex("0102"), unhex("0102")));
  EXPECT_FALSE(constant_time_equal(unhex("0102"), unhex("0103")));
  EXPECT_FALSE(constant_time_equal(unhex("0102"), unhex("010203")));
  EXPECT_TRUE(constant_time_equal({}, {}));
}

// --- RFC 8439 §2.8.2

TEST(Aead, MatchesRfc8439SealVectorAndRejectsAnyFlip) {
  const auto key =
      *SymmetricKey::from(unhex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"));
  const auto nonce = unhex("070000004041424344454647");
  const auto ad = unhex("50515253c0c1c2c3c4c5c6c7");
  const auto plaintext = as_bytes(
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen "
      "would be "
      "it.");
  Bytes sealed(plaintext.size() + kAeadTagSize);
  aead_seal(key, nonce, ad, plaintext, sealed);
  EXPECT_EQ(hex_of(ByteView(sealed).last(kAeadTagSize)), "1ae10b594f09e26a7e902ecbd0600691");
  EXPECT_EQ(hex_of(ByteView(sealed).first(16)), "d31a8d34648e60db7b86afbc53ef7ec2");

  Bytes opened(plaintext.size());
  ASSERT_TRUE(aead_open(key, nonce, ad, sealed, opened));
  EXPECT_EQ(sk::to_string(opened), sk::to_string(plaintext));
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    auto bad = sealed;
    bad[i] ^= 0x80;
    ASSERT_FALSE(aead_open(key, nonce, ad, bad, opened)) << "byte " << i;
    EXPECT_TRUE(std::all_of(opened.begin(), opened.end(), [](std::uint8_t b) { return b == 0; }));
  }
  EXPECT_FALSE(aead_open(key, nonce, unhex("50515253c0c1c2c3c4c5c6c8"), sealed, opened));
}

// --- RFC 7914 §12 (the small vector; the OWASP cost is exercised by the key-file tests)

TEST(Scrypt, MatchesRfc7914Vector) {
  const auto out =
      scrypt(as_bytes("password"), as_bytes("NaCl"), ScryptParams{.log2_n = 10, .r = 8, .p = 16}, 64);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(hex_of(out->view()),
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830da"
            "c727afb94a83"
            "ee6d8360cbdfa2cc0640");
}

TEST(Scrypt, RefusesOutOfRangeParameters) {
  EXPECT_FALSE(scrypt(as_bytes("pw"), as_bytes("salt"), ScryptParams{.log2_n = 0, .r = 8, .p = 1}, 32).ok());
  EXPECT_FALSE(scrypt(as_bytes("pw"), as_bytes("salt"), ScryptParams{.log2_n = 10, .r = 0, .p = 1}, 32).ok());
  EXPECT_FALSE(scrypt(as_bytes("pw"), {}, ScryptParams{.log2_n = 10, .r = 8, .p = 1}, 32).ok());
}

}  // namespace
}  // namespace sk::crypto
