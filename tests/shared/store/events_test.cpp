// Events: an own event and its outbox entry exist together or not at all; pulled batches are
// idempotent and move the cursor; incremental folds see every change once, in a stable order.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sk/store/store.hpp"
#include "store_fixture.hpp"

namespace sk::store {
namespace {

using testing::local_event;
using testing::open_with_case;
using testing::remote_event;
using testing::TempDir;

std::int64_t count(const TempDir& dir, const std::string& table) {
  SQLite::Database db(dir.db().string());
  return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

std::vector<std::string> ids(const EventPage& page) {
  std::vector<std::string> out;
  for (const StoredEvent& e : page.events) out.push_back(e.event.event_id);
  return out;
}

class Events : public ::testing::Test {
 protected:
  TempDir dir;
  Store store = open_with_case(dir.db());
};

TEST_F(Events, RecordingALocalEventWritesTheEventAndAPendingOutboxEntry) {
  EventRecord event = local_event("ev-1");
  ASSERT_TRUE(store.record_local_event(event).ok());

  auto stored = store.find_event("ev-1");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->event, event);
  auto entry = store.find_outbox_entry("ev-1");
  ASSERT_TRUE(entry.ok() && entry->has_value());
  EXPECT_EQ((*entry)->state, OutboxState::kPending);
  EXPECT_EQ((*entry)->attempts, 0);
  EXPECT_EQ((*entry)->event, event);
}

TEST_F(Events, EventForAnUnknownCaseWritesNeitherEventNorOutboxEntry) {
  auto recorded = store.record_local_event(local_event("ev-1", "no-such-case"));
  ASSERT_FALSE(recorded.ok());
  EXPECT_EQ(recorded.error().code, "store.constraint");
  EXPECT_NE(recorded.error().message.find("record local event"), std::string::npos);
  EXPECT_EQ(count(dir, "events"), 0);
  EXPECT_EQ(count(dir, "outbox"), 0);
}

TEST_F(Events, WhenTheOutboxWriteFailsTheEventIsRolledBackToo) {
  {
    SQLite::Database db(dir.db().string(), SQLite::OPEN_READWRITE);
    db.exec(
        "CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox "
        "BEGIN SELECT RAISE(ABORT, 'disk said no'); END");
  }
  auto recorded = store.record_local_event(local_event("ev-1"));
  ASSERT_FALSE(recorded.ok());
  EXPECT_EQ(count(dir, "events"), 0);
  EXPECT_EQ(count(dir, "outbox"), 0);
  auto found = store.find_event("ev-1");
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());
}

TEST_F(Events, RecordingTheSameEventTwiceFailsAndKeepsOneOutboxEntry) {
  ASSERT_TRUE(store.record_local_event(local_event("ev-1")).ok());
  auto again = store.record_local_event(local_event("ev-1"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "store.constraint");
  EXPECT_EQ(count(dir, "events"), 1);
  EXPECT_EQ(count(dir, "outbox"), 1);
}

TEST_F(Events, LocalEventThatAlreadyHasAServerSeqIsRejected) {
  auto recorded = store.record_local_event(remote_event("ev-1", 4));
  ASSERT_FALSE(recorded.ok());
  EXPECT_EQ(recorded.error().code, "store.invalid_argument");
  EXPECT_EQ(count(dir, "events"), 0);
}

TEST_F(Events, PulledBatchIsStoredWithoutOutboxEntriesAndAdvancesTheCursor) {
  std::vector<EventRecord> batch{remote_event("r-1", 1), remote_event("r-2", 2)};
  ASSERT_TRUE(store.apply_remote_events("case-1", batch, 2).ok());

  EXPECT_EQ(*store.cursor("case-1"), 2);
  auto page = store.events_after("case-1", 0);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(ids(*page), (std::vector<std::string>{"r-1", "r-2"}));
  EXPECT_EQ(page->events[1].event, batch[1]);
  EXPECT_EQ(count(dir, "outbox"), 0);
}

TEST_F(Events, ApplyingTheSameBatchTwiceChangesNothing) {
  std::vector<EventRecord> batch{remote_event("r-1", 1), remote_event("r-2", 2)};
  ASSERT_TRUE(store.apply_remote_events("case-1", batch, 2).ok());
  auto first = store.events_after("case-1", 0);
  ASSERT_TRUE(store.apply_remote_events("case-1", batch, 2).ok());
  auto second = store.events_after("case-1", 0);

  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(ids(*first), ids(*second));
  EXPECT_EQ(first->next_cursor, second->next_cursor) << "a replay must not look like a change";
  EXPECT_EQ(count(dir, "events"), 2);
  EXPECT_EQ(*store.cursor("case-1"), 2);
}

TEST_F(Events, OwnEventComingBackFromTheServerIsConfirmedNotDuplicated) {
  ASSERT_TRUE(store.record_local_event(local_event("mine")).ok());
  EventRecord echoed = local_event("mine");
  echoed.server_seq = 7;
  echoed.received_at_ms = 1234;
  ASSERT_TRUE(store.apply_remote_events("case-1", std::vector{echoed}, 7).ok());

  auto stored = store.find_event("mine");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->event.server_seq, 7);
  EXPECT_EQ((*stored)->event.received_at_ms, 1234);
  auto entry = store.find_outbox_entry("mine");
  ASSERT_TRUE(entry.ok() && entry->has_value());
  EXPECT_EQ((*entry)->state, OutboxState::kSent);
  EXPECT_TRUE(store.next_pending(10)->empty());
  EXPECT_EQ(count(dir, "events"), 1);
}

TEST_F(Events, EventReturningWithAnotherServerSeqRollsBackTheWholeBatch) {
  ASSERT_TRUE(store.apply_remote_events("case-1", std::vector{remote_event("r-1", 1)}, 1).ok());
  std::vector<EventRecord> bad{remote_event("r-2", 2), remote_event("r-1", 3)};
  auto applied = store.apply_remote_events("case-1", bad, 3);
  ASSERT_FALSE(applied.ok());
  EXPECT_EQ(applied.error().code, "store.conflict");
  EXPECT_FALSE(store.find_event("r-2")->has_value());
  EXPECT_EQ(*store.cursor("case-1"), 1);
}

TEST_F(Events, BatchWithAnEventOfAnotherCaseOrWithoutServerSeqIsRejected) {
  ASSERT_TRUE(store.upsert_case(testing::sample_case("case-2")).ok());
  auto other_case = store.apply_remote_events("case-1", std::vector{remote_event("x", 1, "case-2")}, 1);
  ASSERT_FALSE(other_case.ok());
  EXPECT_EQ(other_case.error().code, "store.invalid_argument");
  auto unsequenced = store.apply_remote_events("case-1", std::vector{local_event("y")}, 1);
  ASSERT_FALSE(unsequenced.ok());
  EXPECT_EQ(count(dir, "events"), 0);
  EXPECT_EQ(*store.cursor("case-1"), 0);
}

TEST_F(Events, CursorStartsAtZeroNeverMovesBackOnApplyAndCanBeSetExplicitly) {
  EXPECT_EQ(*store.cursor("case-1"), 0);
  ASSERT_TRUE(store.apply_remote_events("case-1", {}, 5).ok());
  EXPECT_EQ(*store.cursor("case-1"), 5);
  ASSERT_TRUE(store.apply_remote_events("case-1", {}, 3).ok());
  EXPECT_EQ(*store.cursor("case-1"), 5);
  ASSERT_TRUE(store.set_cursor("case-1", 2).ok());
  EXPECT_EQ(*store.cursor("case-1"), 2);
}

TEST_F(Events, FoldOrderIsServerOrderThenOwnPendingEventsInCreationOrder) {
  ASSERT_TRUE(store.record_local_event(local_event("mine-a")).ok());
  ASSERT_TRUE(store.record_local_event(local_event("mine-b")).ok());
  // Pulled out of order within the batch: the server order still wins.
  ASSERT_TRUE(
      store.apply_remote_events("case-1", std::vector{remote_event("r-2", 2), remote_event("r-1", 1)}, 2)
          .ok());
  auto page = store.events_after("case-1", 0);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(ids(*page), (std::vector<std::string>{"r-1", "r-2", "mine-a", "mine-b"}));
}

TEST_F(Events, IncrementalReadsSeeOnlyNewOrChangedEvents) {
  ASSERT_TRUE(store.record_local_event(local_event("mine")).ok());
  auto first = store.events_after("case-1", 0);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(ids(*first), std::vector<std::string>{"mine"});

  auto nothing = store.events_after("case-1", first->next_cursor);
  ASSERT_TRUE(nothing.ok());
  EXPECT_TRUE(nothing->events.empty());
  EXPECT_EQ(nothing->next_cursor, first->next_cursor);

  ASSERT_TRUE(store.mark_sent("mine", 1, 99).ok());
  ASSERT_TRUE(store.apply_remote_events("case-1", std::vector{remote_event("r-2", 2)}, 2).ok());
  auto changed = store.events_after("case-1", first->next_cursor);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(ids(*changed), (std::vector<std::string>{"mine", "r-2"}));
  EXPECT_EQ(changed->events[0].event.server_seq, 1);
}

TEST_F(Events, SmallPagesTogetherReturnEveryEventExactlyOnce) {
  for (int i = 0; i < 7; ++i) {
    ASSERT_TRUE(store.record_local_event(local_event("ev-" + std::to_string(i))).ok());
  }
  std::vector<std::string> seen;
  std::int64_t cursor = 0;
  for (;;) {
    auto page = store.events_after("case-1", cursor, 3);
    ASSERT_TRUE(page.ok());
    if (page->events.empty()) break;
    for (const std::string& id : ids(*page)) seen.push_back(id);
    cursor = page->next_cursor;
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"ev-0", "ev-1", "ev-2", "ev-3", "ev-4", "ev-5", "ev-6"}));
}

TEST_F(Events, EventsOfOtherCasesAreNotReturned) {
  ASSERT_TRUE(store.upsert_case(testing::sample_case("case-2")).ok());
  ASSERT_TRUE(store.record_local_event(local_event("one", "case-1")).ok());
  ASSERT_TRUE(store.record_local_event(local_event("two", "case-2")).ok());
  EXPECT_EQ(ids(*store.events_after("case-2", 0)), std::vector<std::string>{"two"});
}

}  // namespace
}  // namespace sk::store
