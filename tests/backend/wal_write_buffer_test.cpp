// The WAL write-gathering VFS (backend/src/wal_write_buffer.hpp): what a commit wrote is in the
// log file when the commit returns, other connections see it at once, a transaction larger than
// every buffer and write limit survives intact, and a commit's writes really are gathered.

#include "wal_write_buffer.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "harness/server_process.hpp"
#include "sk/core/random.hpp"

namespace sk::backend {
namespace {

namespace fs = std::filesystem;

class WalWriteBuffer : public ::testing::Test {
 protected:
  static std::unique_ptr<SQLite::Database> open(const fs::path& file) {
    auto db = std::make_unique<SQLite::Database>(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                                 5000, wal_write_buffer_vfs());
    db->exec("PRAGMA journal_mode=WAL");
    db->exec("PRAGMA synchronous=NORMAL");
    db->exec("PRAGMA wal_autocheckpoint=0");  // keep everything in the log
    return db;
  }

  // The first connection: it creates the table the tests fill.
  std::unique_ptr<SQLite::Database> create() const {
    auto db = open(file());
    db->exec("CREATE TABLE t(id INTEGER PRIMARY KEY, data BLOB NOT NULL)");
    return db;
  }

  static void insert_rows(SQLite::Database& db, int first, int count, std::size_t bytes) {
    SQLite::Statement insert(db, "INSERT INTO t(id, data) VALUES (?, ?)");
    for (int i = first; i < first + count; ++i) {
      const auto data = random_bytes(bytes);
      insert.reset();
      insert.bind(1, i);
      insert.bind(2, data.data(), static_cast<int>(data.size()));
      insert.exec();
    }
  }

  // insert_rows in one transaction of its own.
  static void commit_rows(SQLite::Database& db, int first, int count, std::size_t bytes) {
    SQLite::Transaction tx(db);
    insert_rows(db, first, count, bytes);
    tx.commit();
  }

  static std::int64_t rows(SQLite::Database& db) {
    return db.execAndGet("SELECT COUNT(*) FROM t").getInt64();
  }

  static std::string integrity(SQLite::Database& db) {
    return db.execAndGet("PRAGMA integrity_check").getString();
  }

  fs::path file() const { return dir_.path() / "test.db"; }

  test::TempDir dir_;
};

TEST_F(WalWriteBuffer, OtherConnectionsSeeEachCommitAtOnce) {
  auto writer = create();
  auto reader = open(file());
  for (int round = 0; round < 20; ++round) {
    commit_rows(*writer, round * 30, 30, 1000);
    EXPECT_EQ(rows(*reader), (round + 1) * 30) << "after commit " << round;
  }
}

TEST_F(WalWriteBuffer, GathersTheWritesOfOneCommit) {
  auto db = create();
  const auto before = wal_write_counts();
  commit_rows(*db, 0, 40, 1000);  // about ten 4 KiB frames, two writes each from SQLite
  const auto after = wal_write_counts();
  const auto made = after.made - before.made;
  const auto passed_down = after.passed_down - before.passed_down;
  EXPECT_GE(made, 20u);
  EXPECT_EQ(passed_down, 1u) << "one commit of " << made << " writes, under 96 KiB";
}

TEST_F(WalWriteBuffer, CommittedBytesAreInTheFileWhenCommitReturns) {
  auto db = create();
  commit_rows(*db, 0, 500, 1500);  // about 1 MiB: several pieces
  // A copy of the files taken now, with the writer still open and nothing checkpointed, is what
  // a crash at this moment would leave behind: it holds the whole commit.
  const auto copy = dir_.path() / "copy";
  fs::create_directories(copy);
  fs::copy_file(file(), copy / "test.db");
  fs::copy_file(fs::path(file().string() + "-wal"), copy / "test.db-wal");
  auto recovered = open(copy / "test.db");
  EXPECT_EQ(rows(*recovered), 500);
  EXPECT_EQ(integrity(*recovered), "ok");
}

TEST_F(WalWriteBuffer, HugeSpilledAndRolledBackTransactionsStayConsistent) {
  auto db = create();
  db->exec("PRAGMA cache_size=20");               // a few pages: a big transaction spills frames mid-way
  db->exec("CREATE INDEX t_by_data ON t(data)");  // random index pages: frames get rewritten
  auto reader = open(file());
  commit_rows(*db, 0, 3000, 2000);  // ~6 MiB: more than the gathering limit
  EXPECT_EQ(rows(*reader), 3000);
  {
    SQLite::Transaction tx(*db);
    insert_rows(*db, 3000, 2000, 2000);
    // rolled back when tx goes out of scope, after spilling uncommitted frames
  }
  EXPECT_EQ(rows(*reader), 3000);
  commit_rows(*db, 5000, 100, 2000);
  EXPECT_EQ(rows(*reader), 3100);
  EXPECT_EQ(integrity(*reader), "ok");
  reader.reset();
  db.reset();
  auto reopened = open(file());
  EXPECT_EQ(rows(*reopened), 3100);
  EXPECT_EQ(integrity(*reopened), "ok");
}

TEST_F(WalWriteBuffer, CheckpointsAndLogRestartsKeepEveryCommit) {
  auto db = create();
  auto checkpointer = open(file());
  for (int round = 0; round < 30; ++round) {
    commit_rows(*db, round * 50, 50, 1200);
    if (round % 5 == 4)
      checkpointer->exec("PRAGMA wal_checkpoint(PASSIVE)");  // the next commit restarts the log
  }
  EXPECT_EQ(rows(*checkpointer), 1500);
  EXPECT_EQ(integrity(*checkpointer), "ok");
}

}  // namespace
}  // namespace sk::backend
