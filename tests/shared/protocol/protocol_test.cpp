// The protocol's shared byte strings (docs/protocol.md §2.5, §3.1, §4, §7): exact bytes, so that
// every layer and an independent implementation agree, and the rule that code-exchange roles differ.

#include "sk/protocol/protocol.hpp"

#include <gtest/gtest.h>

#include "sk/crypto/one_time_code.hpp"

namespace sk::protocol {
namespace {

using model::Audience;
using model::Role;

Bytes concat(std::initializer_list<ByteView> parts) {
  Bytes out;
  for (const auto part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

const Bytes kZero{0};

TEST(LoginMessage, IsDomainDeviceIdAndRawNonceSeparatedByZeroBytes) {
  const Bytes nonce(32, 0xAB);
  EXPECT_EQ(login_message("dev-1", nonce),
            concat({as_bytes("spillkontakt/auth/v1"), kZero, as_bytes("dev-1"), kZero, nonce}));
}

TEST(OrgTranscript, IsDomainOrgIdAndRecoveryKeySeparatedByZeroBytes) {
  crypto::X25519PublicKey recovery;
  recovery.bytes.fill(0x42);
  EXPECT_EQ(org_transcript("org-9", recovery), concat({as_bytes("spillkontakt/enroll/org/v1"), kZero,
                                                       as_bytes("org-9"), kZero, recovery.view()}));
}

TEST(PairingTranscript, RefusesEqualRoles) {
  const auto a = crypto::DeviceIdentity::generate().public_keys();
  const auto b = crypto::DeviceIdentity::generate().public_keys();
  for (const auto role : {Role::kYouth, Role::kContact, Role::kSupervisor}) {
    const auto t = pairing_transcript(role, role, a, b);
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.error().code, "protocol.bad_roles");
  }
}

TEST(PairingTranscript, KeepsTheVersionOneBytesWithTheSendersRole) {
  const auto a = crypto::DeviceIdentity::generate().public_keys();
  const auto b = crypto::DeviceIdentity::generate().public_keys();
  const auto t = pairing_transcript(Role::kContact, Role::kYouth, a, b);
  ASSERT_TRUE(t.ok());
  const Bytes role_length{7};
  EXPECT_EQ(*t, concat({as_bytes("spillkontakt/v1/pairing-transcript"), role_length, as_bytes("contact"),
                        a.encode(), b.encode()}));
}

TEST(PairingTranscript, ConfirmationCannotBeReflectedToItsSender) {
  const auto code = crypto::OneTimeCode::generate();
  const auto youth = crypto::DeviceIdentity::generate().public_keys();
  const auto contact = crypto::DeviceIdentity::generate().public_keys();
  const auto youth_says = pairing_transcript(Role::kYouth, Role::kContact, youth, contact);
  // What the youth would accept from the contact, with the keys in the contact's order.
  const auto contact_says = pairing_transcript(Role::kContact, Role::kYouth, youth, contact);
  ASSERT_TRUE(youth_says.ok() && contact_says.ok());
  EXPECT_FALSE(code.verify_key_confirmation(*contact_says, code.key_confirmation(*youth_says)));
}

TEST(EnvelopeContext, IsCaseIdEventIdAndAudienceTextSeparatedByZeroBytes) {
  const auto event = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6071";
  EXPECT_EQ(envelope_context("c1", event, Audience::kCase),
            concat({as_bytes("c1"), kZero, as_bytes(event), kZero, as_bytes("case")}));
  EXPECT_EQ(envelope_context("c1", event, Audience::kTeam),
            concat({as_bytes("c1"), kZero, as_bytes(event), kZero, as_bytes("team")}));
  EXPECT_EQ(envelope_context("c1", event, Audience::kYouthConsented),
            concat({as_bytes("c1"), kZero, as_bytes(event), kZero, as_bytes("youth_consented")}));
}

TEST(EnvelopeKindFor, TeamEventsAreSignedRecordsTheRestChat) {
  EXPECT_EQ(envelope_kind_for(Audience::kTeam), crypto::EnvelopeKind::record);
  EXPECT_EQ(envelope_kind_for(Audience::kCase), crypto::EnvelopeKind::chat);
  EXPECT_EQ(envelope_kind_for(Audience::kYouthConsented), crypto::EnvelopeKind::chat);
}

}  // namespace
}  // namespace sk::protocol
