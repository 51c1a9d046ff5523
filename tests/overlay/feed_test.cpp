// CaseFeed and CaseActions against a real store file: what an action writes to the outbox, and
// how the fold follows the store as the sync engine would change it.
#include <gtest/gtest.h>

#include "core/feed/case_actions.hpp"
#include "core/feed/case_feed.hpp"
#include "core/feed/event_bridge.hpp"
#include "support/demo_profile.hpp"
#include "support/temp_profile.hpp"

namespace sk::app {
namespace {

using testing::TempProfile;

constexpr std::int64_t kNow = 1790000000000;

struct Youth {
  TempProfile profile;
  model::EventIdGenerator ids;
  std::int64_t now = kNow;
  CaseActions actions{profile.store(), Author{model::PrincipalId("yara"), model::DeviceId("yara-pc")}, ids,
                      [this] { return now; }};
  Youth() {
    EXPECT_TRUE(testing::seed_demo(profile.store(), testing::DemoSide::kYouthSide, kNow, false).ok());
  }
  CaseFeed feed() {
    auto record = profile.store().find_case(testing::kCase);
    return CaseFeed(*to_case(**record), "Kari");
  }
};

TEST(CaseActions, SendChatWritesTheEventAndItsPendingOutboxEntryTogether) {
  Youth y;
  auto id = y.actions.send_chat(model::CaseId(testing::kCase), "hei");
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto entry = y.profile.store().find_outbox_entry(id->str());
  ASSERT_TRUE(entry.ok() && entry->has_value());
  EXPECT_EQ((*entry)->state, store::OutboxState::kPending);
  EXPECT_EQ((*entry)->event.kind, "chat_message");
  EXPECT_EQ((*entry)->event.audience, "case");
  EXPECT_EQ((*entry)->event.body_json, R"({"text":"hei"})");
}

TEST(CaseActions, InvalidEventIsRefusedAndNothingIsWritten) {
  Youth y;
  EXPECT_FALSE(y.actions.check_in(model::CaseId(testing::kCase), 9, {}, "").ok());
  EXPECT_FALSE(y.actions.send_chat(model::CaseId(testing::kCase), "").ok());
  auto pending = y.profile.store().next_pending(10);
  ASSERT_TRUE(pending.ok());
  EXPECT_TRUE(pending->empty());
}

TEST(CaseActions, CheckInGoesToTheYouthConsentedAudience) {
  Youth y;
  auto id = y.actions.check_in(model::CaseId(testing::kCase), 2, {"tired"}, "long day");
  ASSERT_TRUE(id.ok());
  auto entry = y.profile.store().find_outbox_entry(id->str());
  EXPECT_EQ((*entry)->event.audience, "youth_consented");
  EXPECT_EQ((*entry)->event.body_json, R"({"mood":2,"tags":["tired"],"text":"long day"})");
}

TEST(CaseFeed, ShowsOwnMessageAtOnceAsNotYetSentThenDeliveredWhenTheServerNumbersIt) {
  Youth y;
  CaseFeed feed = y.feed();
  auto id = y.actions.send_chat(model::CaseId(testing::kCase), "hei");
  ASSERT_TRUE(feed.update(y.profile.store()).value());
  ASSERT_EQ(feed.state().chat().entries().size(), 1u);
  EXPECT_EQ(feed.state().chat().delivery(feed.state().chat().entries()[0]), model::Delivery::kSent);
  ASSERT_TRUE(y.profile.store().mark_in_flight(std::vector<std::string>{id->str()}).ok());
  ASSERT_TRUE(y.profile.store().mark_sent(id->str(), 1, kNow + 10).ok());
  EXPECT_TRUE(feed.update(y.profile.store()).value());
  EXPECT_EQ(feed.state().chat().delivery(feed.state().chat().entries()[0]), model::Delivery::kDelivered);
  EXPECT_FALSE(feed.update(y.profile.store()).value());  // nothing new: nothing folded
  EXPECT_EQ(feed.refolds(), 0u);
}

TEST(CaseFeed, FoldsOnlyWhatIsNewAndMatchesAFullFold) {
  Youth y;
  CaseFeed incremental = y.feed();
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(testing::add_remote(y.profile.store(), testing::kCase, "kari",
                                    model::ChatMessage{"m" + std::to_string(i)}, kNow + i, i + 1)
                    .ok());
    ASSERT_TRUE(incremental.update(y.profile.store()).ok());
  }
  CaseFeed whole = y.feed();
  ASSERT_TRUE(whole.update(y.profile.store()).ok());
  EXPECT_EQ(incremental.state(), whole.state());
  EXPECT_EQ(incremental.state().chat().unread_for(model::PrincipalId("yara")), 5u);
}

TEST(CaseFeed, RefoldsWhenAnEarlierServerEventArrivesLate) {
  Youth y;
  CaseFeed feed = y.feed();
  ASSERT_TRUE(
      testing::add_remote(y.profile.store(), testing::kCase, "kari", model::ChatMessage{"second"}, kNow, 2)
          .ok());
  ASSERT_TRUE(feed.update(y.profile.store()).ok());
  ASSERT_TRUE(
      testing::add_remote(y.profile.store(), testing::kCase, "kari", model::ChatMessage{"first"}, kNow, 1)
          .ok());
  ASSERT_TRUE(feed.update(y.profile.store()).ok());
  EXPECT_EQ(feed.refolds(), 1u);
  ASSERT_EQ(feed.state().chat().entries().size(), 2u);
  EXPECT_EQ(feed.state().chat().entries()[0].text, "first");
}

TEST(EventBridge, RecordRoundTripsThroughTheStoreShape) {
  model::EventIdGenerator ids;
  model::Event e;
  e.id = ids.next();
  e.case_id = model::CaseId("c1");
  e.author = model::PrincipalId("yara");
  e.device = model::DeviceId("yara-pc");
  e.created_at = model::Timestamp{kNow};
  e.body = model::Wave{"heart"};
  auto r = to_record(e);
  ASSERT_TRUE(r.ok());
  auto back = to_event(*r);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, e);
  r->body_json = "{not json";
  EXPECT_FALSE(to_event(*r).ok());
}

}  // namespace
}  // namespace sk::app
