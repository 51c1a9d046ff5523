// Fault: the app is killed (SIGKILL, no chance to clean up) in the middle of writing events.
//
// A forked child opens the store and records events in a loop; after each record_local_event
// returns ok it reports the event id through a pipe. The parent kills it with SIGKILL, then
// reopens the database and checks what survived.
//
// Cases (each one kill point):
//   KillDuringWrites/After_<N>ms      kill N ms after the fork (0 ms lands during open)
//   KillDuringWrites/AfterCommit_<K>  kill as soon as the K-th commit has been reported, so the
//                                     kill lands while the next transaction is being written
// After every kill:
//   - PRAGMA integrity_check is "ok" and foreign_key_check is empty;
//   - every reported id is stored, byte for byte, with its pending outbox entry;
//   - no event without an outbox entry and no outbox entry without its event;
//   - the stored ids are exactly the first n of the loop, n = reported or reported + 1 (the
//     last commit may have finished without its report getting out).
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include "sk/store/store.hpp"
#include "store_fixture.hpp"

namespace sk::store {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
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

[[noreturn]] void run_writer(const std::filesystem::path& db, int report_fd) {
  auto store = Store::open(db);
  if (!store) _exit(2);
  for (int i = 0; i < kMaxWrites; ++i) {
    if (!store->record_local_event(crash_event(i))) _exit(3);
    std::string line = crash_id(i) + "\n";  // shorter than PIPE_BUF: written whole
    if (write(report_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(4);
  }
  _exit(0);
}

struct KillPoint {
  std::string name;
  std::chrono::milliseconds after{0};  // used when commits == 0
  int commits = 0;                     // kill once this many commits were reported
};

// Reads whatever the child reported so far into `reported` (whole lines only).
void drain(int fd, std::string& buffer, std::vector<std::string>& reported, int timeout_ms) {
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, timeout_ms) <= 0) return;
  std::array<char, 4096> chunk{};
  ssize_t n = read(fd, chunk.data(), chunk.size());
  if (n <= 0) return;
  buffer.append(chunk.data(), static_cast<std::size_t>(n));
  for (std::size_t nl; (nl = buffer.find('\n')) != std::string::npos;) {
    reported.push_back(buffer.substr(0, nl));
    buffer.erase(0, nl + 1);
  }
}

std::int64_t scalar(SQLite::Database& db, const std::string& sql) {
  return db.execAndGet(sql).getInt64();
}

class KillDuringWrites : public ::testing::TestWithParam<KillPoint> {};

TEST_P(KillDuringWrites, LeavesEveryCommittedEventWithItsOutboxEntryAndNoHalfRows) {
  const KillPoint& point = GetParam();
  TempDir dir;
  { Store setup = testing::open_with_case(dir.db()); }  // closed before fork: no shared handle

  std::array<int, 2> fds{};
  ASSERT_EQ(pipe(fds.data()), 0);
  pid_t child = fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    close(fds[0]);
    run_writer(dir.db(), fds[1]);
  }
  close(fds[1]);

  std::vector<std::string> reported;
  std::string partial;
  auto deadline = Clock::now() + point.after;
  auto give_up = Clock::now() + 20s;
  while (Clock::now() < give_up) {
    if (point.commits > 0 && static_cast<int>(reported.size()) >= point.commits) break;
    if (point.commits == 0 && Clock::now() >= deadline) break;
    drain(fds[0], partial, reported, 1);
  }
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  while (true) {  // the rest of the reports, up to EOF now that the writer is gone
    std::size_t before = reported.size() + partial.size();
    drain(fds[0], partial, reported, 0);
    if (reported.size() + partial.size() == before) break;
  }
  close(fds[0]);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "the writer stopped by itself (exit status " << WEXITSTATUS(status)
      << ") instead of being killed mid-loop";
  if (point.commits > 0) {
    ASSERT_GE(static_cast<int>(reported.size()), point.commits);
  }

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
  EXPECT_GE(stored, reported.size()) << "an acknowledged write was lost";
  EXPECT_LE(stored, reported.size() + 1);
  for (std::size_t i = 0; i < reported.size(); ++i) {
    EXPECT_EQ(reported[i], crash_id(static_cast<int>(i))) << "reports arrive in loop order";
  }

  auto store = Store::open(dir.db());
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto pending = store->next_pending(kMaxWrites);
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), stored);
  for (std::size_t i = 0; i < pending->size(); ++i) {
    const OutboxEntry& entry = (*pending)[i];
    EventRecord expected = crash_event(static_cast<int>(i));
    ASSERT_EQ(entry.event, expected) << "stored row " << i << " differs from what was written";
    EXPECT_EQ(entry.state, OutboxState::kPending);
    EXPECT_EQ(entry.attempts, 0);
  }
  ::testing::Test::RecordProperty("reported_commits", static_cast<int>(reported.size()));
}

std::vector<KillPoint> kill_points() {
  std::vector<KillPoint> out;
  for (int ms : {0, 2, 5, 13, 30, 80}) {
    out.push_back({"After_" + std::to_string(ms) + "ms", std::chrono::milliseconds(ms), 0});
  }
  for (int k : {1, 7, 25, 60}) out.push_back({"AfterCommit_" + std::to_string(k), {}, k});
  return out;
}

INSTANTIATE_TEST_SUITE_P(Store, KillDuringWrites, ::testing::ValuesIn(kill_points()),
                         [](const ::testing::TestParamInfo<KillPoint>& kill_point) {
                           return kill_point.param.name;
                         });

}  // namespace
}  // namespace sk::store
