#pragma once
// The store's schema history: an ordered list of migrations, one per PRAGMA user_version step.
// Store::open runs the missing ones; tests also use migrate() to build an older schema.
//
// Rules:
//  - Append only. A released migration is never edited; a change is a new step.
//  - Each step runs in its own IMMEDIATE transaction together with its user_version bump, and
//    must leave `PRAGMA foreign_key_check` clean.
//  - docs/store.md lists every step; keep it true.

#include <SQLiteCpp/Database.h>

#include <span>
#include <string_view>

#include "sk/core/result.hpp"

namespace sk::store::schema {

struct Migration {
  int version;  // user_version after this step
  std::string_view summary;
  std::string_view sql;
};

std::span<const Migration> migrations();
int latest_version();

// The database's PRAGMA user_version.
Result<int> version_of(SQLite::Database& db);
// The same, or store.schema_too_new when this code is older than the database.
Result<int> supported_version_of(SQLite::Database& db);

// Runs the steps between the database's version and `target_version` (latest when omitted).
// Refuses a database newer than this code (store.schema_too_new) and never migrates down.
Result<void> migrate(SQLite::Database& db, int target_version);
Result<void> migrate(SQLite::Database& db);

}  // namespace sk::store::schema
