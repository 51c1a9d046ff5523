// Fault: the app is killed (SIGKILL, no chance to clean up) in the middle of recording events.
//
// A forked child opens the store and records events in a loop; after each record_local_event
// returns ok it reports the event id through a pipe. The parent kills it, then reopens the
// database and checks what survived.
//
// Cases (each one kill point, see killed_writer.hpp):
//   KillDuringWrites/After_<N>ms       kill N ms after the fork (0 ms lands during open)
//   KillDuringWrites/AfterCommit_<K>   kill as soon as the K-th commit was reported, so the kill
//                                      lands while the next transaction is being written
// After every kill:
//   - PRAGMA integrity_check is "ok" and foreign_key_check is empty;
//   - every reported id is stored, byte for byte, with its pending outbox entry;
//   - no event without an outbox entry and no outbox entry without its event;
//   - the stored ids are exactly the first n of the loop, n = reported or reported + 1 (the
//     last commit may have finished without its report getting out).
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "killed_writer.hpp"
#include "sk/store/store.hpp"
#include "store_fixture.hpp"

namespace sk::store {
namespace {

using testing::KillPoint;
using testing::TempDir;

constexpr int kMaxWrites = 1'000'000;  // far more than any kill point allows

std::string crash_id(int i) {
  std::array<char, 32> buf{};
  std::snprintf(buf.data(), buf.size(), "crash-%07d", i);
  return buf.data();
}

// Bodies of varied size, some spilling onto overflow pages, so a torn write would show.
EventRecord crash_event(int i) {
  EventRecord e = testing::local_event(crash_id(i), "case-1", 1'700'000'000'000 + i);
  e.body_json = R"({"n":)" + std::to_string(i) + R"(,"pad":")" +
                std::string(static_cast<std::size_t>(50 + (i * 397) % 6000), 'x') + R"("})";
  return e;
}

[[noreturn]] void record_forever(const std::filesystem::path& db, int report_fd) {
  auto store = Store::open(db);
  if (!store) _exit(2);
  for (int i = 0; i < kMaxWrites; ++i) {
    if (!store->record_local_event(crash_event(i))) _exit(3);
    if (!testing::report(report_fd, crash_id(i))) _exit(4);
  }
  _exit(0);
}

std::int64_t scalar(SQLite::Database& db, const std::string& sql) {
  return db.execAndGet(sql).getInt64();
}

class KillDuringWrites : public ::testing::TestWithParam<KillPoint> {};

TEST_P(KillDuringWrites, LeavesEveryCommittedEventWithItsOutboxEntryAndNoHalfRows) {
  TempDir dir;
  { Store setup = testing::open_with_case(dir.db()); }  // closed before fork: no shared handle

  testing::KilledWriter run =
      testing::run_and_kill(GetParam(), [&](int fd) { record_forever(dir.db(), fd); });
  ASSERT_TRUE(run.killed) << "the writer stopped by itself (exit status " << run.exit_status
                          << ") instead of being killed mid-loop";
  ASSERT_GE(static_cast<int>(run.reported.size()), GetParam().reports);

  SQLite::Database raw(dir.db().string(), SQLite::OPEN_READWRITE);
  EXPECT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok");
  SQLite::Statement fk(raw, "PRAGMA foreign_key_check");
  EXPECT_FALSE(fk.executeStep()) << "foreign key violation in " << fk.getColumn(0).getString();
  EXPECT_EQ(scalar(raw,
                   "SELECT count(*) FROM events e LEFT JOIN outbox o USING (event_id) "
                   "WHERE o.event_id IS NULL"),
            0)
      << "event without outbox entry";
  EXPECT_EQ(scalar(raw,
                   "SELECT count(*) FROM outbox o LEFT JOIN events e USING (event_id) "
                   "WHERE e.event_id IS NULL"),
            0)
      << "outbox entry without event";

  auto stored = static_cast<std::size_t>(scalar(raw, "SELECT count(*) FROM events"));
  EXPECT_GE(stored, run.reported.size()) << "an acknowledged write was lost";
  EXPECT_LE(stored, run.reported.size() + 1);
  for (std::size_t i = 0; i < run.reported.size(); ++i) {
    EXPECT_EQ(run.reported[i], crash_id(static_cast<int>(i))) << "reports arrive in loop order";
  }

  auto store = Store::open(dir.db());
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto pending = store->next_pending(kMaxWrites);
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), stored);
  for (std::size_t i = 0; i < pending->size(); ++i) {
    const OutboxEntry& entry = (*pending)[i];
    ASSERT_EQ(entry.event, crash_event(static_cast<int>(i)))
        << "row " << i << " differs from what was written";
    EXPECT_EQ(entry.state, OutboxState::kPending);
    EXPECT_EQ(entry.attempts, 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Store, KillDuringWrites, ::testing::ValuesIn(testing::kill_points("AfterCommit")),
                         [](const ::testing::TestParamInfo<KillPoint>& kill_point) {
                           return kill_point.param.name;
                         });

}  // namespace
}  // namespace sk::store
