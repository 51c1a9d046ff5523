// A malicious server that swaps a relayed key is caught by the one-time code's key confirmation,
// for the organisation's recovery key (supervisor enrollment) and for both directions of pairing.
// The server is the real one; the "malice" is applied to what it relayed, just before the check.

#include <gtest/gtest.h>

#include "sk/core/encoding.hpp"
#include "support/org_fixture.hpp"

namespace sk::integration {
namespace {

using backend::test::Scenario;
using backend::test::TempDir;

crypto::DevicePublicKeys with_encryption_key(crypto::DevicePublicKeys keys,
                                             const crypto::X25519PublicKey& swapped) {
  keys.encryption = swapped;
  return keys;
}

TEST(EndToEnd, KeySubstitutionIsDetected) {
  TempDir dir;
  Scenario s;
  const auto server = crypto::DeviceIdentity::generate();  // the keys a malicious server slips in
  const auto& evil = server.public_keys();

  // The admin's code confirms the organisation's recovery key to the first supervisor.
  const auto sup_code = crypto::OneTimeCode::parse(s.supervisor_code);
  ASSERT_TRUE(sup_code.ok());
  auto sup_account = s.enroll(s.supervisor_code);
  EXPECT_TRUE(check_org_keys(*sup_code, sup_account.enroll_response).ok());
  auto swapped_org = sup_account.enroll_response;
  swapped_org["org"]["recovery_x25519"] = base64url_encode(evil.encryption.view());
  auto org_check = check_org_keys(*sup_code, swapped_org);
  ASSERT_FALSE(org_check.ok());
  EXPECT_EQ(org_check.error().code, "e2e.key_substitution");
  auto supervisor =
      must(DeviceProfile::create(dir.path() / "s.db", s.server().base_url(), sup_account), "supervisor");

  const auto contact_code = issue_code(*supervisor, "/v1/enroll-codes", {{"role", "contact"}});
  auto contact = must(enroll_with(s, contact_code, dir.path() / "c.db"), "contact");
  const auto sup_seen = must(redeemer_announce(*contact, contact_code, kContactCode), "contact announces");
  must(issuer_confirm(*supervisor, contact_code, kContactCode), "supervisor confirms");
  must(redeemer_confirm(*contact, contact_code, kContactCode, sup_seen), "contact confirms");

  const auto code = issue_code(*contact, "/v1/cases", nlohmann::json::object());
  auto youth = must(redeem_pairing(s, code, dir.path() / "y.db"), "youth");
  const auto contact_seen = must(redeemer_announce(*youth, code, kPairingCode), "youth announces");

  // Contact side: the youth's confirmation holds for the keys the youth really has, and for
  // nothing else — not for a swapped X25519 key, nor for a confirmation the server made up.
  const auto relayed = must(fetch_code(*contact, code.lookup(), kPairingCode), "contact fetches the code");
  ASSERT_TRUE(relayed.redeemer.has_value());
  const auto& youth_keys = relayed.redeemer->keys;
  EXPECT_EQ(youth_keys, youth->public_keys());
  EXPECT_TRUE(confirms(code, "youth", youth_keys, contact->public_keys(), relayed.redeemer_confirmation));
  EXPECT_FALSE(confirms(code, "youth", with_encryption_key(youth_keys, evil.encryption),
                        contact->public_keys(), relayed.redeemer_confirmation))
      << "a swapped X25519 key must fail the youth's confirmation";
  const auto guessed = crypto::OneTimeCode::parse(code.lookup() + "000000");  // same lookup, guessed secret
  ASSERT_TRUE(guessed.ok());
  const auto forged =
      guessed->key_confirmation(crypto::pairing_transcript("youth", evil, contact->public_keys()));
  EXPECT_FALSE(confirms(code, "youth", evil, contact->public_keys(), forged))
      << "without the code's secret the server can't confirm its own keys";
  must(issuer_confirm(*contact, code, kPairingCode), "contact confirms the real youth");

  // Youth side: a contact key swapped in transit is refused and never trusted.
  const auto contact_with_swapped_key =
      RelayedDevice{contact_seen.device_id, contact_seen.principal_id, contact_seen.role,
                    with_encryption_key(contact_seen.keys, evil.encryption)};
  auto refused = redeemer_confirm(*youth, code, kPairingCode, contact_with_swapped_key);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "e2e.key_substitution");
  auto trusted = youth->trusted(contact->device_id());
  ASSERT_TRUE(trusted.ok());
  EXPECT_FALSE(trusted->has_value()) << "a refused key is not trusted";

  // A confirmation can't be reflected: the contact's own, replayed as if from the youth, fails.
  const auto seen_by_youth = must(fetch_code(*youth, code.lookup(), kPairingCode), "youth fetches the code");
  EXPECT_FALSE(confirms(code, "youth", contact->public_keys(), youth->public_keys(),
                        seen_by_youth.issuer_confirmation));

  // The honest relay passes.
  EXPECT_TRUE(redeemer_confirm(*youth, code, kPairingCode, contact_seen).ok());
  trusted = youth->trusted(contact->device_id());
  ASSERT_TRUE(trusted.ok() && trusted->has_value());
  EXPECT_EQ((*trusted)->keys, contact->public_keys());
}

}  // namespace
}  // namespace sk::integration
