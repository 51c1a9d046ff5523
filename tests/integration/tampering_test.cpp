// What a malicious server can't do with an envelope it relays: move it to another event or
// audience, or pass off another device's envelope as the author's. The opener refuses it from the
// routing metadata alone, stores nothing, and the sync goes on past it.

#include <gtest/gtest.h>

#include "sk/core/encoding.hpp"
#include "sk/model/codec.hpp"
#include "support/event_records.hpp"
#include "support/org_fixture.hpp"
#include "support/sync_step.hpp"

namespace sk::integration {
namespace {

using backend::test::new_uuid;

TEST(EndToEnd, EnvelopesMovedOrForgedOnTheWayAreRefused) {
  Org org;
  auto& contact = org.contact();
  const auto& case_id = org.case_id();
  const auto event = act(contact, case_id, model::ChatMessage{"Dette skal bare leses som seg selv"});
  const auto plaintext = must(model::encode_event(event), "encode");
  const std::vector<crypto::DevicePublicKeys> to{org.youth().public_keys(), contact.public_keys()};
  auto seal_with = [&](const crypto::DeviceIdentity& author, const Bytes& context) {
    return must(
        crypto::seal(author, to, crypto::EnvelopeKind::chat, context, as_bytes(plaintext), contact.cache()),
        "seal");
  };
  const auto id = event.id.str();

  // 1. Sealed for its own event id, appended under another one (as a server would move it).
  const auto moved = seal_with(contact.identity(), envelope_context(case_id, id, "case"));
  ASSERT_EQ(org.scenario().append(contact.account(), case_id, "case", moved, new_uuid()).status, 201);
  // 2. Sealed for the case audience, re-labelled as a youth_consented one.
  const auto other_id = new_uuid();
  const auto relabelled = seal_with(contact.identity(), envelope_context(case_id, other_id, "case"));
  ASSERT_EQ(org.scenario().append(contact.account(), case_id, "youth_consented", relabelled, other_id).status,
            201);
  // 3. Made by a device nobody trusts, uploaded with the contact's token (author_device = contact).
  const auto stranger = crypto::DeviceIdentity::generate();
  const auto forged = seal_with(stranger, envelope_context(case_id, id, "case"));
  ASSERT_EQ(org.scenario().append(contact.account(), case_id, "case", forged, id).status, 201);

  auto report = must(pull(org.youth(), case_id), "youth pulls");
  EXPECT_EQ(report.fetched, 3U);
  EXPECT_EQ(report.applied, 0U);
  ASSERT_EQ(report.rejected.size(), 3U);
  EXPECT_NE(report.rejected[0].find("envelope.context_mismatch"), std::string::npos) << report.rejected[0];
  EXPECT_NE(report.rejected[1].find("envelope.context_mismatch"), std::string::npos) << report.rejected[1];
  EXPECT_NE(report.rejected[2].find("envelope.bad_author"), std::string::npos) << report.rejected[2];

  const auto youth_view = must(fold_case(org.youth().store(), case_id), "youth folds");
  EXPECT_TRUE(youth_view.chat().entries().empty());
  EXPECT_EQ(must(org.youth().store().cursor(case_id), "cursor"), 3) << "the sync moved past what it refused";
}

}  // namespace
}  // namespace sk::integration
