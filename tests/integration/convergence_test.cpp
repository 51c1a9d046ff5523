// Convergence: devices that fold the same fetched events in server order reach the same state,
// whatever order they wrote, pushed and pulled in — including a reinstalled device that pulls
// the whole history again in small pages.

#include <gtest/gtest.h>

#include "support/org_fixture.hpp"
#include "support/state_summary.hpp"
#include "support/sync_step.hpp"

namespace sk::integration {
namespace {

void sync(DeviceProfile& device, const std::string& case_id) {
  must(push_pending(device), device.role() + " pushes");
  auto report = must(pull(device, case_id), device.role() + " pulls");
  ASSERT_TRUE(report.rejected.empty()) << report.rejected.front();
}

TEST(EndToEnd, DevicesConvergeOnTheSameState) {
  Org org;
  auto& contact = org.contact();
  auto& youth = org.youth();
  const auto& case_id = org.case_id();

  // Both sides write while offline from each other, and sync in an interleaved order.
  const auto hello = act(contact, case_id, model::ChatMessage{"Hei, klar for kveldens runde?"});
  act(youth, case_id, model::Wave{"gg"});
  act(youth, case_id, model::ChatMessage{"ja!! 20:00?"});
  sync(youth, case_id);  // the youth's events get sequenced before the contact's first message
  sync(contact, case_id);
  const auto yes = act(contact, case_id, model::ChatMessage{"20:00 passer"});
  act(contact, case_id, model::ReadReceipt{hello.id});
  act(youth, case_id, model::ReadReceipt{hello.id});
  sync(contact, case_id);
  sync(youth, case_id);
  act(youth, case_id, model::ReadReceipt{yes.id});
  sync(youth, case_id);
  sync(contact, case_id);
  sync(youth, case_id);

  // A reinstalled youth device: same keys restored, a fresh store, the history pulled in pages of 2.
  auto restored = must(DeviceProfile::create(org.profiles_dir() / "youth-restored.db",
                                             org.scenario().server().base_url(), youth.account()),
                       "restored youth");
  must(vouch(youth, *restored, contact.device_id()), "restore the contact's confirmed keys");
  must(restored->refresh_case(case_id), "restored youth loads the case");
  auto replay = must(pull(*restored, case_id, 0, /*page_limit=*/2), "restored youth pulls");
  EXPECT_TRUE(replay.rejected.empty());

  const auto contact_state = must(fold_case(contact.store(), case_id), "contact folds");
  const auto youth_state = must(fold_case(youth.store(), case_id), "youth folds");
  const auto restored_state = must(fold_case(restored->store(), case_id), "restored folds");
  EXPECT_EQ(summarize(contact_state), summarize(youth_state));
  EXPECT_EQ(summarize(youth_state), summarize(restored_state));
  EXPECT_TRUE(contact_state == youth_state);
  EXPECT_TRUE(youth_state == restored_state);

  // And the shared state is the one the users expect.
  const auto& chat = youth_state.chat();
  ASSERT_EQ(chat.entries().size(), 4U) << summarize(youth_state);
  EXPECT_EQ(chat.entries()[0].kind, model::ChatEntry::Kind::kWave) << "server order, not writing order";
  for (const auto& entry : chat.entries())
    EXPECT_EQ(chat.delivery(entry), model::Delivery::kRead) << summarize(youth_state);
  EXPECT_EQ(youth_state.events_seen(), 7U);
}

}  // namespace
}  // namespace sk::integration
