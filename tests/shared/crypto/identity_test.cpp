// Device identity: fingerprints, key ids, wire form and the safety code people compare.

#include "sk/crypto/identity.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace sk::crypto {
namespace {

TEST(DeviceIdentity, FingerprintIsDomainSeparatedHashOfBothPublicKeys) {
  const auto id = DeviceIdentity::generate();
  const auto& keys = id.public_keys();
  const auto expected =
      sha256({as_bytes("spillkontakt/v1/device-fingerprint"), keys.signing.view(), keys.encryption.view()});
  EXPECT_EQ(id.fingerprint().view().size(), 32U);
  EXPECT_TRUE(std::ranges::equal(id.fingerprint().bytes, expected.bytes));
}

TEST(DeviceIdentity, RestoresFromExportedSecrets) {
  const auto id = DeviceIdentity::generate();
  const auto again = DeviceIdentity::from_secrets(id.export_signing_seed(), id.export_encryption_secret());
  EXPECT_EQ(again.public_keys(), id.public_keys());
  const auto message = as_bytes("challenge");
  EXPECT_TRUE(ed25519_verify(id.public_keys().signing, message, again.sign(message)));
}

TEST(DeviceIdentity, AgreesOnTheSameSecretFromBothSides) {
  const auto a = DeviceIdentity::generate();
  const auto b = DeviceIdentity::generate();
  const auto ab = a.agree(b.public_keys().encryption);
  const auto ba = b.agree(a.public_keys().encryption);
  ASSERT_TRUE(ab.ok() && ba.ok());
  EXPECT_TRUE(constant_time_equal(ab->view(), ba->view()));
}

TEST(DevicePublicKeys, EncodesAs64BytesAndRejectsOtherLengths) {
  const auto keys = DeviceIdentity::generate().public_keys();
  const auto wire = keys.encode();
  ASSERT_EQ(wire.size(), kDevicePublicKeysSize);
  EXPECT_EQ(DevicePublicKeys::decode(wire), keys);
  EXPECT_FALSE(DevicePublicKeys::decode(ByteView(wire).first(63)).has_value());
  auto longer = wire;
  longer.push_back(0);
  EXPECT_FALSE(DevicePublicKeys::decode(longer).has_value());
}

TEST(KeyId, IsTheFirstEightBytesOfADomainSeparatedHash) {
  const auto id = DeviceIdentity::generate();
  const auto digest = sha256({as_bytes("spillkontakt/v1/key-id"), id.public_keys().encryption.view()});
  EXPECT_TRUE(std::ranges::equal(id.key_id().bytes, ByteView(digest.bytes).first(8)));
  EXPECT_EQ(key_id(id.public_keys().encryption), id.key_id());
}

TEST(SafetyCode, IsTheSameOnBothSidesAndHasTwelveGroupsOfFiveDigits) {
  const auto a = DeviceIdentity::generate().fingerprint();
  const auto b = DeviceIdentity::generate().fingerprint();
  const auto code = safety_code(a, b);
  EXPECT_EQ(code, safety_code(b, a));
  // "ddddd ddddd … ddddd": 12 groups of 5 digits separated by single spaces.
  ASSERT_EQ(code.size(), 12U * 6 - 1) << code;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i % 6 == 5) {
      EXPECT_EQ(code[i], ' ') << code;
    } else {
      EXPECT_TRUE(code[i] >= '0' && code[i] <= '9') << code;
    }
  }
}

TEST(SafetyCode, ChangesWhenEitherKeyChanges) {
  const auto a = DeviceIdentity::generate().fingerprint();
  const auto b = DeviceIdentity::generate().fingerprint();
  const auto c = DeviceIdentity::generate().fingerprint();
  EXPECT_NE(safety_code(a, b), safety_code(a, c));
  EXPECT_NE(safety_code(a, b), safety_code(c, b));
}

TEST(PairingTranscript, DiffersByRoleAndDirection) {
  const auto a = DeviceIdentity::generate().public_keys();
  const auto b = DeviceIdentity::generate().public_keys();
  EXPECT_NE(pairing_transcript("contact", a, b), pairing_transcript("youth", a, b));
  EXPECT_NE(pairing_transcript("contact", a, b), pairing_transcript("contact", b, a));
}

}  // namespace
}  // namespace sk::crypto
