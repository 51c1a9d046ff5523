// Fault: the app is killed (SIGKILL) while the sync engine is working the store: recording own
// events, moving them through the outbox, and applying pulled batches that advance the cursor.
//
// The forked child runs, for i = 0, 1, 2, ...:
//   record_local_event(mine-i)                      report "recorded i"
//   mark_in_flight(mine-i); mark_sent(mine-i, 2i+1)  report "sent i"
//   apply_remote_events([mine-i echoed, theirs-i at 2i+2], cursor 2i+2)   report "pulled i"
//
// Cases: KillDuringSync/After_<N>ms and KillDuringSync/AfterStep_<K> (see killed_writer.hpp).
// After every kill:
//   - integrity_check "ok", foreign_key_check empty;
//   - every reported step is in the database (recorded → event + outbox entry, sent → server_seq
//     and outbox "sent", pulled → the other device's event and the cursor);
//   - whatever was reported: own events all have an outbox entry, pulled ones none; an outbox
//     entry is "sent" exactly when its event has a server_seq; the cursor equals the highest
//     server_seq pulled (events and cursor moved together); every row is byte for byte as written.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "killed_writer.hpp"
#include "sk/store/store.hpp"
#include "store_fixture.hpp"

namespace sk::store {
namespace {

using testing::KillPoint;
using testing::TempDir;

constexpr int kMaxRounds = 1'000'000;

EventRecord mine(int i) {
  return testing::local_event("mine-" + std::to_string(i), "case-1", 1000 + i);
}
EventRecord mine_sent(int i) {
  EventRecord e = mine(i);
  e.server_seq = 2 * i + 1;
  e.received_at_ms = 5000 + i;
  return e;
}
EventRecord theirs(int i) {
  return testing::remote_event("theirs-" + std::to_string(i), 2 * i + 2);
}

[[noreturn]] void sync_forever(const std::filesystem::path& db, int fd) {
  auto store = Store::open(db);
  if (!store) _exit(2);
  for (int i = 0; i < kMaxRounds; ++i) {
    std::string n = std::to_string(i);
    if (!store->record_local_event(mine(i)) || !testing::report(fd, "recorded " + n)) _exit(3);
    std::vector<std::string> ids{mine(i).event_id};
    if (!store->mark_in_flight(ids)) _exit(4);
    if (!store->mark_sent(mine(i).event_id, 2 * i + 1, 5000 + i) || !testing::report(fd, "sent " + n)) {
      _exit(5);
    }
    std::vector<EventRecord> batch{mine_sent(i), theirs(i)};
    if (!store->apply_remote_events("case-1", batch, 2 * i + 2) || !testing::report(fd, "pulled " + n)) {
      _exit(6);
    }
  }
  _exit(0);
}

// The highest i reported for each step (-1: none).
struct Progress {
  int recorded = -1;
  int sent = -1;
  int pulled = -1;
};

Progress parse(const std::vector<std::string>& lines) {
  Progress p;
  for (const std::string& line : lines) {
    std::istringstream in(line);
    std::string step;
    int i = -1;
    in >> step >> i;
    if (step == "recorded") p.recorded = i;
    if (step == "sent") p.sent = i;
    if (step == "pulled") p.pulled = i;
  }
  return p;
}

std::int64_t scalar(SQLite::Database& db, const std::string& sql) {
  return db.execAndGet(sql).getInt64();
}

class KillDuringSync : public ::testing::TestWithParam<KillPoint> {};

TEST_P(KillDuringSync, LeavesOutboxEventsAndCursorConsistentAndKeepsEveryReportedStep) {
  TempDir dir;
  { Store setup = testing::open_with_case(dir.db()); }

  testing::KilledWriter run = testing::run_and_kill(GetParam(), [&](int fd) { sync_forever(dir.db(), fd); });
  ASSERT_TRUE(run.killed) << "the writer stopped by itself (exit status " << run.exit_status << ")";
  Progress reported = parse(run.reported);

  SQLite::Database raw(dir.db().string(), SQLite::OPEN_READWRITE);
  EXPECT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok");
  SQLite::Statement fk(raw, "PRAGMA foreign_key_check");
  EXPECT_FALSE(fk.executeStep());
  EXPECT_EQ(scalar(raw,
                   "SELECT count(*) FROM events e LEFT JOIN outbox o USING (event_id) "
                   "WHERE (e.author_device_id = 'device-self') <> (o.event_id IS NOT NULL)"),
            0)
      << "an own event without outbox entry, or a pulled one with one";
  EXPECT_EQ(scalar(raw,
                   "SELECT count(*) FROM outbox o JOIN events e USING (event_id) "
                   "WHERE (o.state = 'sent') <> (e.server_seq IS NOT NULL)"),
            0)
      << "outbox state and server_seq disagree";
  EXPECT_EQ(scalar(raw, "SELECT coalesce((SELECT server_seq FROM sync_cursors), 0)"),
            scalar(raw,
                   "SELECT coalesce(max(server_seq), 0) FROM events "
                   "WHERE author_device_id = 'device-youth'"))
      << "pulled events and the cursor did not move together";

  auto store = Store::open(dir.db());
  ASSERT_TRUE(store.ok()) << store.error().message;
  for (int i = 0; i <= reported.recorded; ++i) {
    auto entry = store->find_outbox_entry(mine(i).event_id);
    ASSERT_TRUE(entry.ok() && entry->has_value()) << "recorded event " << i << " lost";
    if (i <= reported.sent) {
      EXPECT_EQ((*entry)->state, OutboxState::kSent) << i;
      EXPECT_EQ((*entry)->event, mine_sent(i)) << i;
    } else {  // the step after the last report may or may not have committed, but whole
      EXPECT_EQ((*entry)->event, (*entry)->event.server_seq ? mine_sent(i) : mine(i)) << i;
    }
  }
  for (int i = 0; i <= reported.pulled; ++i) {
    auto pulled = store->find_event(theirs(i).event_id);
    ASSERT_TRUE(pulled.ok() && pulled->has_value()) << "pulled event " << i << " lost";
    EXPECT_EQ((*pulled)->event, theirs(i));
  }
  EXPECT_GE(*store->cursor("case-1"), 2 * (reported.pulled + 1));
  EXPECT_LE(scalar(raw, "SELECT count(*) FROM events WHERE author_device_id = 'device-self'"),
            reported.recorded + 2)
      << "at most one unreported commit";

  // The sync engine's restart path works on what the kill left behind.
  ASSERT_TRUE(store->requeue_in_flight().ok());
  auto pending = store->next_pending(10);
  ASSERT_TRUE(pending.ok());
  EXPECT_LE(pending->size(), 1U);
}

INSTANTIATE_TEST_SUITE_P(Store, KillDuringSync, ::testing::ValuesIn(testing::kill_points("AfterStep")),
                         [](const ::testing::TestParamInfo<KillPoint>& kill_point) {
                           return kill_point.param.name;
                         });

}  // namespace
}  // namespace sk::store
