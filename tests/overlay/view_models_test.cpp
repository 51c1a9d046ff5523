// View models built from a seeded profile: what each screen would show.
#include <gtest/gtest.h>

#include <algorithm>

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

TEST(SessionsViewModel, YouthsSuggestedTimeShowsOnTheMeetingOnBothSides) {
  testing::TempProfile youth_profile;
  auto youth = seeded(youth_profile, testing::DemoSide::kYouthSide);
  SessionsViewModel mine = build_sessions(youth->feeds().at(0).state(), kNow);
  ASSERT_TRUE(mine.next.has_value() && mine.next->suggested.has_value());
  EXPECT_EQ(mine.next->suggested->start.unix_ms, mine.next->plan.start.unix_ms + model::kDayMs);
  testing::TempProfile contact_profile;
  auto contact = seeded(contact_profile, testing::DemoSide::kContactSide);
  const CaseFeed* yara = contact->feed(model::CaseId(testing::kCase));
  ASSERT_NE(yara, nullptr);
  SessionsViewModel theirs = build_sessions(yara->state(), kNow);
  ASSERT_TRUE(theirs.upcoming.front().suggested.has_value());
  EXPECT_EQ(theirs.upcoming.front().suggested, mine.next->suggested);
  EXPECT_FALSE(theirs.upcoming[1].suggested.has_value());
}

TEST(SessionsViewModel, YesToAWeeklySeriesNobodyHasAnsweredAcceptsTheWholeSeries) {
  testing::TempProfile p;
  ASSERT_TRUE(testing::seed_demo(p.store(), testing::DemoSide::kYouthSide, kNow, false).ok());
  model::SessionProposed weekly{model::Timestamp{kNow + model::kDayMs},
                                "Europe/Oslo",
                                60,
                                model::Recurrence::kWeekly,
                                std::nullopt,
                                "Minecraft"};
  ASSERT_TRUE(testing::add_remote(p.store(), testing::kCase, testing::kContact, weekly, kNow - 1000, 1).ok());
  p.close();
  auto ws = Workspace::open(p.dir(), [] { return kNow; });
  ASSERT_TRUE(ws.ok());
  CaseFeed& feed = (*ws)->feeds().at(0);
  SessionsViewModel before = build_sessions(feed.state(), kNow);
  ASSERT_TRUE(before.next->ref.occurrence.has_value());
  EXPECT_FALSE(before.next->accept_ref.occurrence.has_value());
  ASSERT_TRUE(
      (*ws)->actions().answer(feed.members().id, before.next->accept_ref, model::Answer::kAccept).ok());
  ASSERT_TRUE((*ws)->refresh().ok());
  SessionsViewModel after = build_sessions(feed.state(), kNow);
  for (const MeetingRow& row : after.upcoming) {
    EXPECT_EQ(row.status, model::SessionStatus::kAccepted);
    EXPECT_TRUE(row.accept_ref.occurrence.has_value());  // answered: a later "yes" is per meeting
  }
}

TEST(ChatViewModel, YouthKnowsTheContactByHerCardWithHerReplyHours) {
  testing::TempProfile p;
  auto ws = seeded(p, testing::DemoSide::kYouthSide);
  const CaseFeed& feed = ws->feeds().at(0);
  EXPECT_TRUE(feed.label().empty());  // the server never told the youth's device a name
  ChatViewModel vm = build_chat(feed.state(), ws->me(), ws->names());
  ASSERT_EQ(vm.reply_hours.size(), 1u);
  EXPECT_EQ(vm.reply_hours[0], std::make_pair(std::string("Kari"), std::string(testing::kReplyHours)));
  EXPECT_EQ(who_can_see(model::Audience::kCase, feed.members(), ws->me(), ws->names(), "og").names, "Kari");
}

TEST(Workspace, ContactCardGoesIntoEachCaseOnlyWhenItChanged) {
  testing::TempProfile p;
  auto ws = seeded(p, testing::DemoSide::kContactSide);
  auto cards_waiting = [&ws] {
    auto pending = ws->store().next_pending(100);
    EXPECT_TRUE(pending.ok());
    if (!pending) return std::size_t{0};
    const std::vector<store::OutboxEntry>& entries = *pending;
    return static_cast<std::size_t>(std::count_if(
        entries.begin(), entries.end(), [](const auto& e) { return e.event.kind == "contact_card"; }));
  };
  ASSERT_TRUE(ws->introduce_to_cases().ok());
  EXPECT_EQ(cards_waiting(), 0u);  // every case has Kari's current card
  ws->settings().reply_hours = "Tirsdager 18-21";
  auto wrote = ws->introduce_to_cases();
  ASSERT_TRUE(wrote.ok() && *wrote);
  ASSERT_TRUE(ws->refresh().ok());
  EXPECT_EQ(cards_waiting(), 3u);
  wrote = ws->introduce_to_cases();
  ASSERT_TRUE(wrote.ok());
  EXPECT_FALSE(*wrote);
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
