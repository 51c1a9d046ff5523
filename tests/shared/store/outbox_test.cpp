// The outbox as the sync engine sees it: pending entries in enqueue order, in flight, sent,
// failed and retried; and two connections (UI thread, sync thread) writing at the same time.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "sk/store/store.hpp"
#include "store_fixture.hpp"

namespace sk::store {
namespace {

using testing::local_event;
using testing::open_with_case;
using testing::TempDir;

std::vector<std::string> ids(const std::vector<OutboxEntry>& entries) {
  std::vector<std::string> out;
  out.reserve(entries.size());
  for (const OutboxEntry& e : entries) out.push_back(e.event.event_id);
  return out;
}

class Outbox : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* id : {"ev-c", "ev-a", "ev-b"}) {
      ASSERT_TRUE(store.record_local_event(local_event(id)).ok());
    }
  }
  OutboxEntry entry(const std::string& id) { return store.find_outbox_entry(id)->value(); }

  TempDir dir;
  Store store = open_with_case(dir.db());
};

TEST_F(Outbox, PendingEntriesComeInTheOrderTheyWereRecorded) {
  auto batch = store.next_pending(10);
  ASSERT_TRUE(batch.ok());
  EXPECT_EQ(ids(*batch), (std::vector<std::string>{"ev-c", "ev-a", "ev-b"}));
  EXPECT_LT((*batch)[0].outbox_seq, (*batch)[1].outbox_seq);
  EXPECT_EQ(ids(*store.next_pending(2)), (std::vector<std::string>{"ev-c", "ev-a"}));
}

TEST_F(Outbox, InFlightEntriesAreNotHandedOutAgain) {
  ASSERT_TRUE(store.mark_in_flight(std::vector<std::string>{"ev-c", "ev-a"}).ok());
  EXPECT_EQ(ids(*store.next_pending(10)), std::vector<std::string>{"ev-b"});
  EXPECT_EQ(entry("ev-c").state, OutboxState::kInFlight);
}

TEST_F(Outbox, AcknowledgedPushMarksSentAndGivesTheEventItsServerSeq) {
  ASSERT_TRUE(store.mark_in_flight(std::vector<std::string>{"ev-c"}).ok());
  ASSERT_TRUE(store.mark_sent("ev-c", 41, 5000).ok());
  EXPECT_EQ(entry("ev-c").state, OutboxState::kSent);
  auto event = store.find_event("ev-c");
  EXPECT_EQ((*event)->event.server_seq, 41);
  EXPECT_EQ((*event)->event.received_at_ms, 5000);
  // Pulling our own event later is then a no-op.
  EventRecord echoed = local_event("ev-c");
  echoed.server_seq = 41;
  echoed.received_at_ms = 5000;
  EXPECT_TRUE(store.apply_remote_events("case-1", std::vector{echoed}, 41).ok());
}

TEST_F(Outbox, FailedPushReturnsToPendingWithAttemptsAndError) {
  ASSERT_TRUE(store.mark_in_flight(std::vector<std::string>{"ev-c"}).ok());
  ASSERT_TRUE(store.mark_failed("ev-c", "http 503").ok());
  ASSERT_TRUE(store.mark_in_flight(std::vector<std::string>{"ev-c"}).ok());
  ASSERT_TRUE(store.mark_failed("ev-c", "timeout").ok());
  OutboxEntry e = entry("ev-c");
  EXPECT_EQ(e.state, OutboxState::kPending);
  EXPECT_EQ(e.attempts, 2);
  EXPECT_EQ(e.last_error, "timeout");
  EXPECT_EQ(ids(*store.next_pending(1)), std::vector<std::string>{"ev-c"}) << "keeps its place";
}

TEST_F(Outbox, LateFailureReportDoesNotUndoASentEntry) {
  ASSERT_TRUE(store.mark_sent("ev-a", 3, 1).ok());
  ASSERT_TRUE(store.mark_failed("ev-a", "timeout").ok());
  EXPECT_EQ(entry("ev-a").state, OutboxState::kSent);
  EXPECT_EQ(entry("ev-a").attempts, 0);
}

TEST_F(Outbox, AfterARestartInFlightEntriesArePendingAgain) {
  ASSERT_TRUE(store.mark_in_flight(std::vector<std::string>{"ev-c", "ev-a"}).ok());
  auto requeued = store.requeue_in_flight();
  ASSERT_TRUE(requeued.ok());
  EXPECT_EQ(*requeued, 2);
  EXPECT_EQ(ids(*store.next_pending(10)), (std::vector<std::string>{"ev-c", "ev-a", "ev-b"}));
}

TEST_F(Outbox, MarkingAnUnknownEventFailsWithNotFound) {
  EXPECT_EQ(store.mark_sent("nope", 1, 1).error().code, "store.not_found");
  EXPECT_EQ(store.mark_failed("nope", "x").error().code, "store.not_found");
}

TEST_F(Outbox, AckWithADifferentServerSeqThanAlreadyKnownIsAConflict) {
  ASSERT_TRUE(store.mark_sent("ev-c", 5, 1).ok());
  auto again = store.mark_sent("ev-c", 6, 1);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "store.conflict");
  EXPECT_EQ((*store.find_event("ev-c"))->event.server_seq, 5);
}

TEST(OutboxConnections, UiAndSyncConnectionsWritingAtOnceBothSucceed) {
  TempDir dir;
  { Store setup = open_with_case(dir.db()); }
  constexpr int kPerThread = 40;
  auto write_loop = [&](const std::string& prefix, std::vector<std::string>& errors) {
    auto store = Store::open(dir.db());
    if (!store) {
      errors.push_back(store.error().message);
      return;
    }
    for (int i = 0; i < kPerThread; ++i) {
      auto r = store->record_local_event(local_event(prefix + std::to_string(i)));
      if (!r) errors.push_back(r.error().code + ": " + r.error().message);
      if (i % 8 == 0) {
        auto pending = store->next_pending(5);
        if (!pending) errors.push_back(pending.error().message);
      }
    }
  };
  std::vector<std::string> ui_errors;
  std::vector<std::string> sync_errors;
  std::thread ui(write_loop, "ui-", std::ref(ui_errors));
  std::thread sync(write_loop, "sync-", std::ref(sync_errors));
  ui.join();
  sync.join();
  EXPECT_TRUE(ui_errors.empty()) << ui_errors.front();
  EXPECT_TRUE(sync_errors.empty()) << sync_errors.front();
  auto store = Store::open_read_only(dir.db());
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(store->next_pending(1000)->size(), 2u * kPerThread);
}

}  // namespace
}  // namespace sk::store
