// Key confirmation through a one-time code (backend-client/src/code_exchange.*): both sides end
// up trusting each other's real keys, and a server that relays other keys is caught on the side
// that receives them.
#include "code_exchange.hpp"

#include <gtest/gtest.h>

#include "sk/crypto/identity.hpp"

namespace sk::client {
namespace {

using Outcome = CodeStep::Outcome;

struct Exchange {
  crypto::OneTimeCode code = crypto::OneTimeCode::generate();
  crypto::DeviceIdentity contact = crypto::DeviceIdentity::generate();
  crypto::DeviceIdentity youth = crypto::DeviceIdentity::generate();
  crypto::DeviceIdentity forged = crypto::DeviceIdentity::generate();  // the server's own

  store::PendingCode pending(const std::string& side, const std::string& peer_role) const {
    store::PendingCode p;
    p.lookup = code.lookup();
    p.code = code.display();
    p.side = side;
    p.peer_role = peer_role;
    return p;
  }
  static api::RelayedDevice relayed(const std::string& id, const crypto::DeviceIdentity& d) {
    return {id, "p-" + id, d.public_keys(), false};
  }
};

TEST(CodeExchange, BothSidesConfirmEachOthersRealKeys) {
  Exchange x;
  const auto issuer = x.pending("issuer", "youth");
  const auto redeemer = x.pending("redeemer", "contact");
  api::CodeStatus status;
  status.status = "pending";
  status.issuer = Exchange::relayed("contact-dev", x.contact);

  // Not redeemed yet: both wait.
  auto step = next_code_step(issuer, status, "contact", x.contact.public_keys());
  ASSERT_TRUE(step);
  EXPECT_EQ(step->outcome, Outcome::kWait);

  // 1. The youth redeems and uploads its confirmation over the issuer's keys as relayed.
  const auto from_youth =
      redeemer_confirmation(x.code, "youth", "contact", x.youth.public_keys(), x.contact.public_keys());
  ASSERT_TRUE(from_youth);
  status.status = "used";
  status.redeemer = Exchange::relayed("youth-dev", x.youth);
  status.redeemer_confirmation = *from_youth;
  step = next_code_step(redeemer, status, "youth", x.youth.public_keys());
  EXPECT_EQ(step->outcome, Outcome::kWait) << "the contact's confirmation is not there yet";

  // 2. The contact verifies it, trusts the youth, and answers.
  step = next_code_step(issuer, status, "contact", x.contact.public_keys());
  ASSERT_TRUE(step);
  ASSERT_EQ(step->outcome, Outcome::kConfirmed);
  EXPECT_EQ(step->peer->keys, x.youth.public_keys());
  ASSERT_FALSE(step->confirmation.empty());

  // 3. The youth verifies the contact's answer.
  status.issuer_confirmation = step->confirmation;
  step = next_code_step(redeemer, status, "youth", x.youth.public_keys());
  ASSERT_TRUE(step);
  ASSERT_EQ(step->outcome, Outcome::kConfirmed);
  EXPECT_EQ(step->peer->keys, x.contact.public_keys());
}

TEST(CodeExchange, KeysTheServerSwappedTowardsTheIssuerAreAMismatch) {
  Exchange x;
  const auto from_youth =
      redeemer_confirmation(x.code, "youth", "contact", x.youth.public_keys(), x.contact.public_keys());
  api::CodeStatus status;
  status.status = "used";
  status.issuer = Exchange::relayed("contact-dev", x.contact);
  status.redeemer = Exchange::relayed("youth-dev", x.forged);  // the server shows its own key
  status.redeemer_confirmation = *from_youth;
  const auto step = next_code_step(x.pending("issuer", "youth"), status, "contact", x.contact.public_keys());
  ASSERT_TRUE(step);
  EXPECT_EQ(step->outcome, Outcome::kMismatch);
  EXPECT_FALSE(step->peer);
  EXPECT_TRUE(step->confirmation.empty()) << "nothing is confirmed to a forged key";
}

TEST(CodeExchange, KeysTheServerSwappedTowardsTheRedeemerAreAMismatch) {
  Exchange x;
  // The youth was shown the server's key for the contact and confirmed over it; the contact's
  // check fails (its own real key is in its transcript), and so does the youth's.
  const auto from_youth =
      redeemer_confirmation(x.code, "youth", "contact", x.youth.public_keys(), x.forged.public_keys());
  api::CodeStatus to_contact;
  to_contact.status = "used";
  to_contact.redeemer = Exchange::relayed("youth-dev", x.youth);
  to_contact.redeemer_confirmation = *from_youth;
  EXPECT_EQ(
      next_code_step(x.pending("issuer", "youth"), to_contact, "contact", x.contact.public_keys())->outcome,
      Outcome::kMismatch);

  // Even a confirmation the contact made honestly does not cover the forged key.
  const auto honest =
      redeemer_confirmation(x.code, "contact", "youth", x.contact.public_keys(), x.youth.public_keys());
  api::CodeStatus to_youth;
  to_youth.status = "used";
  to_youth.issuer = Exchange::relayed("contact-dev", x.forged);
  to_youth.issuer_confirmation = *honest;
  EXPECT_EQ(
      next_code_step(x.pending("redeemer", "contact"), to_youth, "youth", x.youth.public_keys())->outcome,
      Outcome::kMismatch);
}

TEST(CodeExchange, ExpiredUnredeemedCodesAndEqualRolesAreSaidSo) {
  Exchange x;
  api::CodeStatus expired;
  expired.status = "expired";
  EXPECT_EQ(
      next_code_step(x.pending("issuer", "youth"), expired, "contact", x.contact.public_keys())->outcome,
      Outcome::kExpired);

  api::CodeStatus status;
  status.status = "used";
  status.redeemer = Exchange::relayed("c2", x.youth);
  status.redeemer_confirmation = Bytes(32, 1);
  const auto same =
      next_code_step(x.pending("issuer", "contact"), status, "contact", x.contact.public_keys());
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().code, "protocol.bad_roles");

  auto broken = x.pending("issuer", "youth");
  broken.code = "not a code";
  EXPECT_EQ(next_code_step(broken, status, "contact", x.contact.public_keys()).error().code,
            "code.malformed");
}

}  // namespace
}  // namespace sk::client
