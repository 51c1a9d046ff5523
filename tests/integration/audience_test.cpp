// Audiences are enforced twice, end to end: the server lists an envelope only to members of its
// audience, and the author seals it only for those members' devices.

#include <gtest/gtest.h>

#include <algorithm>

#include "sk/core/encoding.hpp"
#include "support/org_fixture.hpp"
#include "support/sync_step.hpp"

namespace sk::integration {
namespace {

TEST(EndToEnd, TeamNoteReachesTheSupervisorButNeverTheYouth) {
  Org org;
  const auto& case_id = org.case_id();
  model::SessionNote note;
  note.note.activity = "Minecraft, bygde et hus sammen";
  note.note.mood_observed = 3;
  note.note.went_well = "Snakket litt om skolen";
  const auto written = act(org.contact(), case_id, note);
  ASSERT_TRUE(push_pending(org.contact()).ok());

  auto supervisor_pull = pull(org.supervisor(), case_id);
  ASSERT_TRUE(supervisor_pull.ok()) << supervisor_pull.error().message;
  EXPECT_EQ(supervisor_pull->applied, 1U);
  EXPECT_TRUE(supervisor_pull->rejected.empty()) << supervisor_pull->rejected.front();
  auto supervisor_view = fold_case(org.supervisor().store(), case_id);
  ASSERT_TRUE(supervisor_view.ok()) << supervisor_view.error().message;
  ASSERT_EQ(supervisor_view->team().notes().size(), 1U);
  EXPECT_EQ(supervisor_view->team().notes()[0].id, written.id);
  EXPECT_EQ(supervisor_view->team().notes()[0].note.note.activity, "Minecraft, bygde et hus sammen");

  // The youth's fetch never returns it: not even an envelope it can't open.
  auto youth_pull = pull(org.youth(), case_id);
  ASSERT_TRUE(youth_pull.ok()) << youth_pull.error().message;
  EXPECT_EQ(youth_pull->fetched, 0U);
  auto youth_view = fold_case(org.youth().store(), case_id);
  ASSERT_TRUE(youth_view.ok());
  EXPECT_TRUE(youth_view->team().notes().empty());

  // It is a signed record, and the organisation's recovery key is among its recipients.
  auto raw = org.scenario().fetch(org.supervisor().account(), case_id);
  ASSERT_EQ(raw.status, 200);
  ASSERT_EQ(raw.json["events"].size(), 1U);
  const auto info = crypto::peek(*base64url_decode(raw.json["events"][0]["envelope"].get<std::string>()));
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->kind, crypto::EnvelopeKind::record);
  const auto recovery = crypto::key_id(*org.supervisor().org_recovery_key());
  EXPECT_NE(std::find(info->recipients.begin(), info->recipients.end(), recovery), info->recipients.end());
  const auto youth_key = crypto::key_id(org.youth().public_keys().encryption);
  EXPECT_EQ(std::find(info->recipients.begin(), info->recipients.end(), youth_key), info->recipients.end());
}

TEST(EndToEnd, CheckInReachesTheSupervisorOnlyAfterTheYouthConsents) {
  Org org;
  const auto& case_id = org.case_id();
  act(org.youth(), case_id, model::CheckIn{2, {"tired"}, {}, ""});
  ASSERT_TRUE(push_pending(org.youth()).ok());

  auto contact_pull = pull(org.contact(), case_id);
  ASSERT_TRUE(contact_pull.ok()) << contact_pull.error().message;
  EXPECT_EQ(contact_pull->applied, 1U) << "contacts always read check-ins";
  auto before = pull(org.supervisor(), case_id);
  ASSERT_TRUE(before.ok()) << before.error().message;
  EXPECT_EQ(before->fetched, 0U) << "no consent yet: the server lists nothing to the supervisor";

  auto consent = org.youth().http().put("/v1/cases/" + case_id + "/consent", {{"supervisors_may_read", true}},
                                        org.youth().token());
  ASSERT_EQ(consent.status, 200) << consent.body;
  org.refresh_case();
  act(org.youth(), case_id, model::CheckIn{4, {"calm", "went_outside"}, {}, "Gikk en tur"});
  ASSERT_TRUE(push_pending(org.youth()).ok());

  auto after = pull(org.supervisor(), case_id);
  ASSERT_TRUE(after.ok()) << after.error().message;
  EXPECT_TRUE(after->rejected.empty()) << after->rejected.front();
  EXPECT_EQ(after->applied, 1U);
  // The server filters on today's consent, so it now also lists the earlier check-in; that one
  // was sealed before the consent, for the contacts only, and stays unreadable to the supervisor.
  EXPECT_EQ(after->not_for_me, 1U);
  auto supervisor_view = fold_case(org.supervisor().store(), case_id);
  ASSERT_TRUE(supervisor_view.ok()) << supervisor_view.error().message;
  ASSERT_EQ(supervisor_view->wellbeing().check_ins().size(), 1U);
  EXPECT_EQ(supervisor_view->wellbeing().check_ins()[0].check_in.mood, 4);

  // The youth reads its own check-ins back (sealed for the author's devices too).
  auto youth_pull = pull(org.youth(), case_id);
  ASSERT_TRUE(youth_pull.ok()) << youth_pull.error().message;
  EXPECT_EQ(youth_pull->applied, 2U);
  EXPECT_TRUE(youth_pull->rejected.empty()) << youth_pull->rejected.front();

  ASSERT_TRUE(pull(org.contact(), case_id).ok());
  auto contact_view = fold_case(org.contact().store(), case_id);
  ASSERT_TRUE(contact_view.ok());
  EXPECT_EQ(contact_view->wellbeing().mood_trend(5).moods, (std::vector<std::int32_t>{2, 4}));
}

}  // namespace
}  // namespace sk::integration
