// Schema migrations: every step from an empty database and from the previous version with data
// in it, a database from a newer app refused, and a failed step leaving the old version intact.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "sk/store/schema.hpp"
#include "sk/store/store.hpp"
#include "store_fixture.hpp"

namespace sk::store {
namespace {

using testing::TempDir;

// What each migration adds, and how to put a row in each of those tables with plain SQL (so the
// seed does not depend on today's Store code, which only speaks the latest schema).
struct Step {
  std::vector<std::string> tables;
  std::function<void(SQLite::Database&)> seed;
};

const std::map<int, Step>& steps() {
  static const std::map<int, Step> kSteps{
      {1,
       {{"identity", "peers", "cases", "case_members"},
        [](SQLite::Database& db) {
          db.exec(
              "INSERT INTO identity VALUES (1, 'org-1', 'contact-1', 'dev-1', 'contact', x'0102', "
              "'Kari', 5);"
              "INSERT INTO peers VALUES ('dev-2', 'youth-1', 'youth', zeroblob(32), zeroblob(32), "
              "'code', NULL, 0, 6);"
              "INSERT INTO cases VALUES ('case-1', 'org-1', 'youth-1', 'Mika', 1);"
              "INSERT INTO case_members VALUES ('case-1', 'youth-1', 'youth');");
        }}},
      {2,
       {{"events", "outbox", "sync_cursors"},
        [](SQLite::Database& db) {
          db.exec(
              "INSERT INTO events VALUES ('ev-1', 'case-1', 'chat.message', 'contact-1', 'dev-1', "
              "'case', 7, NULL, NULL, '{}', 1, 1);"
              "INSERT INTO outbox (event_id) VALUES ('ev-1');"
              "INSERT INTO sync_cursors VALUES ('case-1', 0);");
        }}},
      {3,
       {{"ui_settings"},
        [](SQLite::Database& db) { db.exec("INSERT INTO ui_settings VALUES ('ui.scale', '1.25');"); }}},
      {4,
       {{"org_keys", "pending_codes", "case_directory", "quarantine"},
        [](SQLite::Database& db) {
          db.exec(
              "INSERT INTO org_keys VALUES (1, 'org-1', zeroblob(32));"
              "INSERT INTO pending_codes VALUES ('lk-1', 'ABCD-EFGH', 'issuer', 'youth', 'case-1', "
              "'Mika', 9, 'waiting', 1);"
              "INSERT INTO case_directory VALUES ('case-1', 3);"
              "INSERT INTO quarantine VALUES ('case-1', 8, 'ev-2', 'case', 'dev-2', 2, x'00', "
              "'signature', 1, 3);");
        }}},
  };
  return kSteps;
}

bool table_exists(SQLite::Database& db, const std::string& table) {
  return db.tableExists(table);
}

std::string integrity(SQLite::Database& db) {
  return db.execAndGet("PRAGMA integrity_check").getString();
}

// Every row of every table, as text: equal signatures mean equal contents.
std::string signature(SQLite::Database& db, int up_to_version) {
  std::string out;
  for (const auto& [version, step] : steps()) {
    if (version > up_to_version) break;
    for (const std::string& table : step.tables) {
      SQLite::Statement rows(db, "SELECT * FROM " + table + " ORDER BY 1, 2");
      out += table + ":";
      while (rows.executeStep()) {
        for (int c = 0; c < rows.getColumnCount(); ++c) {
          out += rows.getColumn(c).isNull() ? std::string("NULL") : rows.getColumn(c).getString();
          out += '|';
        }
        out += ';';
      }
    }
  }
  return out;
}

SQLite::Database open_raw(const TempDir& dir) {
  return {dir.db().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
}

TEST(Schema, EveryMigrationHasATestStep) {
  ASSERT_EQ(steps().size(), schema::migrations().size());
  int expected = 1;
  for (const schema::Migration& m : schema::migrations()) {
    EXPECT_EQ(m.version, expected++) << "versions must be consecutive from 1";
    EXPECT_TRUE(steps().contains(m.version)) << "add migration " << m.version << " to steps()";
  }
}

class EachMigration : public ::testing::TestWithParam<int> {};

TEST_P(EachMigration, AppliesToAnEmptyDatabase) {
  int version = GetParam();
  TempDir dir;
  SQLite::Database db = open_raw(dir);
  ASSERT_TRUE(schema::migrate(db, version).ok());
  EXPECT_EQ(*schema::version_of(db), version);
  for (const auto& [v, step] : steps()) {
    for (const std::string& table : step.tables) {
      EXPECT_EQ(table_exists(db, table), v <= version) << table;
    }
  }
  for (int v = 1; v <= version; ++v) steps().at(v).seed(db);
  EXPECT_EQ(integrity(db), "ok");
}

TEST_P(EachMigration, KeepsEveryRowOfThePreviousVersion) {
  int version = GetParam();
  TempDir dir;
  SQLite::Database db = open_raw(dir);
  db.exec("PRAGMA foreign_keys = ON");
  ASSERT_TRUE(schema::migrate(db, version - 1).ok());
  for (int v = 1; v < version; ++v) steps().at(v).seed(db);
  std::string before = signature(db, version - 1);

  auto migrated = schema::migrate(db, version);
  ASSERT_TRUE(migrated.ok()) << migrated.error().message;

  EXPECT_EQ(*schema::version_of(db), version);
  EXPECT_EQ(signature(db, version - 1), before);
  steps().at(version).seed(db);  // the new tables take rows that refer to the old ones
  EXPECT_EQ(integrity(db), "ok");
  SQLite::Statement fk(db, "PRAGMA foreign_key_check");
  EXPECT_FALSE(fk.executeStep()) << "foreign key violation in " << fk.getColumn(0).getString();
}

std::vector<int> all_versions() {
  std::vector<int> out;
  for (const schema::Migration& m : schema::migrations()) out.push_back(m.version);
  return out;
}

INSTANTIATE_TEST_SUITE_P(Schema, EachMigration, ::testing::ValuesIn(all_versions()),
                         [](const ::testing::TestParamInfo<int>& version) {
                           return "ToVersion_" + std::to_string(version.param);
                         });

TEST(Schema, StoreOpenMigratesAnOldDatabaseAndKeepsItsData) {
  TempDir dir;
  {
    SQLite::Database db = open_raw(dir);
    ASSERT_TRUE(schema::migrate(db, 1).ok());
    steps().at(1).seed(db);
  }
  auto store = Store::open(dir.db());
  ASSERT_TRUE(store.ok()) << store.error().message;
  auto found = store->find_case("case-1");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->label, "Mika");
  EXPECT_TRUE((*found)->checkin_consent);
  SQLite::Database check(dir.db().string());
  EXPECT_EQ(*schema::version_of(check), schema::latest_version());
}

TEST(Schema, ReopeningALatestDatabaseChangesNothing) {
  TempDir dir;
  ASSERT_TRUE(testing::open_with_case(dir.db()).set_setting("ui.scale", "1.5").ok());
  auto again = Store::open(dir.db());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again->setting("ui.scale"), std::optional<std::string>("1.5"));
}

TEST(Schema, DatabaseFromANewerAppIsRefusedAndLeftUntouched) {
  TempDir dir;
  int newer = schema::latest_version() + 1;
  {
    SQLite::Database db = open_raw(dir);
    ASSERT_TRUE(schema::migrate(db).ok());
    db.exec("PRAGMA user_version = " + std::to_string(newer));
  }
  auto writable = Store::open(dir.db());
  ASSERT_FALSE(writable.ok());
  EXPECT_EQ(writable.error().code, "store.schema_too_new");
  EXPECT_NE(writable.error().message.find("newer"), std::string::npos);

  auto read_only = Store::open_read_only(dir.db());
  ASSERT_FALSE(read_only.ok());
  EXPECT_EQ(read_only.error().code, "store.schema_too_new");

  SQLite::Database check(dir.db().string());
  EXPECT_EQ(*schema::version_of(check), newer);
}

TEST(Schema, ReadOnlyOpenRefusesAnOutdatedDatabase) {
  TempDir dir;
  {
    SQLite::Database db = open_raw(dir);
    ASSERT_TRUE(schema::migrate(db, 1).ok());
  }
  auto read_only = Store::open_read_only(dir.db());
  ASSERT_FALSE(read_only.ok());
  EXPECT_EQ(read_only.error().code, "store.schema_outdated");
}

TEST(Schema, FailedMigrationStepLeavesThePreviousVersionIntact) {
  TempDir dir;
  int last = schema::latest_version();
  {
    SQLite::Database db = open_raw(dir);
    ASSERT_TRUE(schema::migrate(db, last - 1).ok());
    // A stray table with the name the last step creates makes that step fail half-way.
    for (const std::string& table : steps().at(last).tables) {
      db.exec("CREATE TABLE " + table + " (x INTEGER)");
    }
  }
  auto store = Store::open(dir.db());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, "store.sqlite");
  EXPECT_NE(store.error().message.find("migration " + std::to_string(last)), std::string::npos)
      << store.error().message;
  SQLite::Database check(dir.db().string());
  EXPECT_EQ(*schema::version_of(check), last - 1);
}

TEST(Schema, MigratingDownIsRefused) {
  TempDir dir;
  SQLite::Database db = open_raw(dir);
  ASSERT_TRUE(schema::migrate(db).ok());
  auto down = schema::migrate(db, 1);
  ASSERT_FALSE(down.ok());
  EXPECT_EQ(down.error().code, "store.invalid_argument");
}

TEST(Schema, OpenOfAFileThatIsNotADatabaseFailsWithACode) {
  TempDir dir;
  std::ofstream(dir.db()) << "this is not a database, just text long enough to look like a header";
  auto store = Store::open(dir.db());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, "store.corrupt");
  EXPECT_NE(store.error().message.find("open "), std::string::npos);
}

}  // namespace
}  // namespace sk::store
