// View models built from a seeded profile: what each screen would show.
#include <gtest/gtest.h>

#include "core/workspace.hpp"
#include "support/demo_profile.hpp"
#include "support/temp_profile.hpp"
#include "view_models/caseload_view_model.hpp"
#include "view_models/chat_view_model.hpp"
#include "view_models/names.hpp"
#include "view_models/reminder_planner.hpp"
#include "view_models/sessions_view_model.hpp"
#include "view_models/wellbeing_view_model.hpp"

namespace sk::app {
namespace {

constexpr std::int64_t kNow = 1790000000000;  // 2026-09-21 (Mon) 16:13 CEST

std::unique_ptr<Workspace> seeded(testing::TempProfile& p, testing::DemoSide side) {
  EXPECT_TRUE(testing::seed_demo(p.store(), side, kNow).ok());
  p.close();
  auto ws = Workspace::open(p.dir(), [] { return kNow; });
  EXPECT_TRUE(ws.ok()) << ws.error().message;
  return std::move(*ws);
}

TEST(ChatViewModel, YouthSeesReadDeliveredAndNotYetSentMarksAndUnreadCount) {
  testing::TempProfile p;
  auto ws = seeded(p, testing::DemoSide::kYouthSide);
  const CaseFeed& feed = ws->feeds().at(0);
  ChatViewModel vm = build_chat(feed.state(), ws->me(), ws->names());
  ASSERT_EQ(vm.lines.size(), 5u);
  EXPECT_FALSE(vm.lines[0].mine);
  EXPECT_EQ(vm.lines[0].author_name, "Kari");
  EXPECT_EQ(vm.lines[1].delivery, model::Delivery::kRead);  // Kari's receipt covers it
  EXPECT_TRUE(vm.lines[3].sticker);
  EXPECT_EQ(vm.lines[3].text, "thumbs_up");
  EXPECT_TRUE(vm.lines[4].mine);
  EXPECT_EQ(vm.lines[4].delivery, model::Delivery::kSent);  // still in the outbox
  EXPECT_EQ(vm.not_yet_sent, 1u);
  EXPECT_EQ(vm.unread, 3u);
  ASSERT_TRUE(vm.acknowledge.has_value());
  EXPECT_EQ(*vm.acknowledge, vm.lines[3].id);
}

TEST(ChatViewModel, ReadingTheChatClearsUnreadAndNeedsNoSecondReceipt) {
  testing::TempProfile p;
  auto ws = seeded(p, testing::DemoSide::kYouthSide);
  CaseFeed& feed = ws->feeds().at(0);
  ChatViewModel vm = build_chat(feed.state(), ws->me(), ws->names());
  ASSERT_TRUE(ws->actions().mark_read(feed.members().id, *vm.acknowledge).ok());
  // The receipt only counts once the server has numbered it (as the model folds receipts).
  auto pending = ws->store().next_pending(10);
  for (const auto& e : *pending) {
    if (e.event.kind != "read_receipt") continue;
    ASSERT_TRUE(ws->store().mark_in_flight(std::vector<std::string>{e.event.event_id}).ok());
    ASSERT_TRUE(ws->store().mark_sent(e.event.event_id, 100, kNow).ok());
  }
  ASSERT_TRUE(ws->refresh().ok());
  vm = build_chat(feed.state(), ws->me(), ws->names());
  EXPECT_EQ(vm.unread, 0u);
  EXPECT_FALSE(vm.acknowledge.has_value());
}

TEST(SessionsViewModel, NextWeeklyMeetingIsTuesdayEveningOsloTimeAndAccepted) {
  testing::TempProfile p;
  auto ws = seeded(p, testing::DemoSide::kYouthSide);
  SessionsViewModel vm = build_sessions(ws->feeds().at(0).state(), kNow);
  ASSERT_TRUE(vm.next.has_value());
  EXPECT_EQ(vm.next->title, "Minecraft");
  EXPECT_TRUE(vm.next->weekly);
  EXPECT_TRUE(vm.next->ref.occurrence.has_value());
  EXPECT_EQ(vm.next->status, model::SessionStatus::kAccepted);
  EXPECT_GT(vm.next->plan.start.unix_ms, kNow);
  EXPECT_FALSE(vm.recent.empty());  // last week's meeting, for a contact to mark
}

TEST(SessionsViewModel, NotTodayForOneMeetingSkipsToTheNextWeek) {
  testing::TempProfile p;
  auto ws = seeded(p, testing::DemoSide::kYouthSide);
  CaseFeed& feed = ws->feeds().at(0);
  SessionsViewModel before = build_sessions(feed.state(), kNow);
  ASSERT_TRUE(ws->actions().answer(feed.members().id, before.next->ref, model::Answer::kNotToday).ok());
  ASSERT_TRUE(ws->refresh().ok());
  SessionsViewModel after = build_sessions(feed.state(), kNow);
  EXPECT_EQ(after.next->plan.start.unix_ms, before.next->plan.start.unix_ms + 7 * model::kDayMs);
  EXPECT_EQ(after.upcoming.front().status, model::SessionStatus::kDeclined);
}

TEST(WellbeingViewModel, StripHasOneCellPerDayWithTheDaysMoodAndTheProfile) {
  testing::TempProfile p;
  auto ws = seeded(p, testing::DemoSide::kYouthSide);
  WellbeingViewModel vm = build_wellbeing(ws->feeds().at(0).state(), kNow, "Europe/Oslo", 4);
  ASSERT_EQ(vm.strip.size(), 28u);
  std::size_t with_mood = 0;
  for (const auto& d : vm.strip) with_mood += d.mood.has_value();
  EXPECT_EQ(with_mood, 9u);
  EXPECT_EQ(vm.last_mood, 4);
  EXPECT_EQ(vm.likes.front(), "Minecraft");
  ASSERT_EQ(vm.wishes.size(), 1u);
}

TEST(CaseloadViewModel, SortsByWhoNeedsAttention) {
  testing::TempProfile p;
  auto ws = seeded(p, testing::DemoSide::kContactSide);
  CaseloadViewModel vm;
  for (const auto& f : ws->feeds()) vm.rows.push_back(build_caseload_row(f, ws->me(), kNow));
  ASSERT_EQ(vm.rows.size(), 3u);
  sort_caseload(vm, CaseloadSort::kName);
  EXPECT_EQ(vm.rows[0].name, "Emil");
  EXPECT_EQ(vm.rows[2].name, "Yara");
  sort_caseload(vm, CaseloadSort::kNextSession);
  EXPECT_LE(*vm.rows[0].next_session_ms, *vm.rows[1].next_session_ms);
  for (const auto& r : vm.rows) {
    EXPECT_TRUE(r.last_mood.has_value());
    EXPECT_EQ(r.days_since_contact, 0);
  }
  // Yara wrote after Kari's last read receipt: her case needs attention first.
  sort_caseload(vm, CaseloadSort::kUnread);
  EXPECT_EQ(vm.rows[0].name, "Yara");
  EXPECT_EQ(vm.rows[0].unread, 1u);
  EXPECT_EQ(vm.rows[1].unread, 0u);
}

TEST(WhoCanSee, YouthIsToldExactlyWhoReadsEachKindOfEvent) {
  model::Case c{model::CaseId("c"),           model::OrganisationId("o"),   model::PrincipalId("yara"),
                {model::PrincipalId("kari")}, {model::PrincipalId("siri")}, false};
  NameBook names;
  names.set(model::PrincipalId("kari"), "Kari");
  auto chat = who_can_see(model::Audience::kCase, c, c.youth, names, "og");
  EXPECT_STREQ(chat.key, "who.youth.case");
  EXPECT_EQ(chat.names, "Kari");
  EXPECT_STREQ(who_can_see(model::Audience::kYouthConsented, c, c.youth, names, "og").key,
               "who.youth.checkin");
  c.check_in_consent = true;
  EXPECT_STREQ(who_can_see(model::Audience::kYouthConsented, c, c.youth, names, "og").key,
               "who.youth.checkin_team");
}

TEST(ReminderPlanner, RemindsOnceInTheWindowBeforeTheStartAndNeverAgain) {
  SessionsViewModel vm;
  MeetingRow row;
  row.ref.session = model::EventIdGenerator().next();
  row.plan.start = model::Timestamp{kNow + 20 * model::kMinuteMs};
  vm.next = row;
  ReminderPlanner planner;
  EXPECT_FALSE(planner.due(vm, kNow, 15).has_value());
  EXPECT_EQ(planner.next_deadline(vm, kNow, 15), kNow + 5 * model::kMinuteMs);
  EXPECT_TRUE(planner.due(vm, kNow + 6 * model::kMinuteMs, 15).has_value());
  EXPECT_FALSE(planner.due(vm, kNow + 7 * model::kMinuteMs, 15).has_value());
  EXPECT_FALSE(planner.next_deadline(vm, kNow + 7 * model::kMinuteMs, 15).has_value());
  ReminderPlanner off;
  EXPECT_FALSE(off.due(vm, kNow + 6 * model::kMinuteMs, 0).has_value());
}

}  // namespace
}  // namespace sk::app
