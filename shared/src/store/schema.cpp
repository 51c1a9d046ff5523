#include "sk/store/schema.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <array>
#include <string>

#include "guard.hpp"

namespace sk::store::schema {
namespace {

// Tables are STRICT so a wrong type is an error instead of a silent conversion.
constexpr std::string_view kV1DevicesAndCases = R"sql(
CREATE TABLE identity (
  singleton     INTEGER PRIMARY KEY CHECK (singleton = 1),
  org_id        TEXT NOT NULL,
  principal_id  TEXT NOT NULL,
  device_id     TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('youth', 'contact', 'supervisor')),
  key_file      BLOB NOT NULL,
  nickname      TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE peers (
  device_id            TEXT PRIMARY KEY NOT NULL,
  principal_id         TEXT NOT NULL,
  role                 TEXT NOT NULL CHECK (role IN ('youth', 'contact', 'supervisor')),
  sign_public_key      BLOB NOT NULL CHECK (length(sign_public_key) = 32),
  box_public_key       BLOB NOT NULL CHECK (length(box_public_key) = 32),
  verified_by          TEXT NOT NULL CHECK (verified_by IN ('code', 'vouched')),
  vouched_by_device_id TEXT,
  revoked              INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
  added_at_ms          INTEGER NOT NULL,
  CHECK ((verified_by = 'code') = (vouched_by_device_id IS NULL))
) STRICT;
CREATE INDEX peers_by_principal ON peers (principal_id);

CREATE TABLE cases (
  case_id            TEXT PRIMARY KEY NOT NULL,
  org_id             TEXT NOT NULL,
  youth_principal_id TEXT NOT NULL,
  label              TEXT NOT NULL,
  checkin_consent    INTEGER NOT NULL DEFAULT 0 CHECK (checkin_consent IN (0, 1))
) STRICT;

CREATE TABLE case_members (
  case_id      TEXT NOT NULL REFERENCES cases (case_id) ON DELETE CASCADE,
  principal_id TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('youth', 'contact', 'supervisor')),
  PRIMARY KEY (case_id, principal_id)
) STRICT, WITHOUT ROWID;
)sql";

constexpr std::string_view kV2EventsOutboxCursors = R"sql(
CREATE TABLE events (
  event_id            TEXT PRIMARY KEY NOT NULL,
  case_id             TEXT NOT NULL REFERENCES cases (case_id),
  kind                TEXT NOT NULL,
  author_principal_id TEXT NOT NULL,
  author_device_id    TEXT NOT NULL,
  audience            TEXT NOT NULL,
  created_at_ms       INTEGER NOT NULL,
  server_seq          INTEGER CHECK (server_seq > 0),
  received_at_ms      INTEGER,
  body_json           TEXT NOT NULL,
  local_seq           INTEGER NOT NULL UNIQUE,
  change_seq          INTEGER NOT NULL UNIQUE,
  UNIQUE (case_id, server_seq)
) STRICT;
CREATE INDEX events_by_case_change ON events (case_id, change_seq);
CREATE INDEX events_by_case_local ON events (case_id, local_seq);

CREATE TABLE outbox (
  outbox_seq INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id   TEXT NOT NULL UNIQUE REFERENCES events (event_id),
  state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'in_flight', 'sent')),
  attempts   INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error TEXT
) STRICT;
CREATE INDEX outbox_by_state ON outbox (state, outbox_seq);

CREATE TABLE sync_cursors (
  case_id    TEXT PRIMARY KEY NOT NULL REFERENCES cases (case_id),
  server_seq INTEGER NOT NULL CHECK (server_seq >= 0)
) STRICT;
)sql";

constexpr std::string_view kV3UiSettings = R"sql(
CREATE TABLE ui_settings (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;
)sql";

// What the sync engine keeps besides events: the organisation's recovery key (a recipient of
// team events, confirmed by the supervisor's enrollment code), one-time codes whose key
// confirmation is not finished yet, the directory version last seen per case, and the envelopes
// this device refused or could not open yet (sealed, as the server sent them: never opened content).
constexpr std::string_view kV4SyncState = R"sql(
CREATE TABLE org_keys (
  singleton       INTEGER PRIMARY KEY CHECK (singleton = 1),
  org_id          TEXT NOT NULL,
  recovery_x25519 BLOB NOT NULL CHECK (length(recovery_x25519) = 32)
) STRICT;

CREATE TABLE pending_codes (
  lookup        TEXT PRIMARY KEY NOT NULL,
  code          TEXT NOT NULL,
  side          TEXT NOT NULL CHECK (side IN ('issuer', 'redeemer')),
  peer_role     TEXT NOT NULL CHECK (peer_role IN ('youth', 'contact', 'supervisor')),
  case_id       TEXT NOT NULL,
  label         TEXT NOT NULL,
  expires_at_ms INTEGER NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('waiting', 'confirmed', 'mismatch', 'expired')),
  created_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE case_directory (
  case_id TEXT PRIMARY KEY NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 0)
) STRICT;

CREATE TABLE quarantine (
  case_id        TEXT NOT NULL,
  seq            INTEGER NOT NULL,
  event_id       TEXT NOT NULL,
  audience       TEXT NOT NULL,
  author_device  TEXT NOT NULL,
  received_at_ms INTEGER NOT NULL,
  envelope       BLOB NOT NULL,
  reason         TEXT NOT NULL,
  retry          INTEGER NOT NULL CHECK (retry IN (0, 1)),
  at_ms          INTEGER NOT NULL,
  PRIMARY KEY (case_id, seq)
) STRICT, WITHOUT ROWID;
)sql";

constexpr std::array kMigrations{
    Migration{1, "identity, peers, cases and case members", kV1DevicesAndCases},
    Migration{2, "events, outbox and sync cursors", kV2EventsOutboxCursors},
    Migration{3, "ui settings", kV3UiSettings},
    Migration{4, "sync state: org keys, pending codes, directory versions, quarantine", kV4SyncState},
};

std::string describe(const Migration& m) {
  return "migration " + std::to_string(m.version) + " (" + std::string(m.summary) + ")";
}

Result<void> apply(SQLite::Database& db, const Migration& m) {
  return detail::guarded(describe(m), [&]() -> Result<void> {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another connection may have migrated while we waited for the write lock.
    if (db.execAndGet("PRAGMA user_version").getInt() >= m.version) return {};
    db.exec(std::string(m.sql));
    SQLite::Statement fk_check(db, "PRAGMA foreign_key_check");
    if (fk_check.executeStep()) {
      return fail("store.migration", describe(m) + " leaves foreign key violations");
    }
    db.exec("PRAGMA user_version = " + std::to_string(m.version));
    tx.commit();
    return {};
  });
}

}  // namespace

std::span<const Migration> migrations() {
  return kMigrations;
}

int latest_version() {
  return kMigrations.back().version;
}

Result<int> version_of(SQLite::Database& db) {
  return detail::guarded("read schema version",
                         [&]() -> Result<int> { return db.execAndGet("PRAGMA user_version").getInt(); });
}

Result<int> supported_version_of(SQLite::Database& db) {
  auto version = version_of(db);
  if (version && *version > latest_version()) {
    return fail("store.schema_too_new", "database schema version " + std::to_string(*version) +
                                            " is newer than this app understands (" +
                                            std::to_string(latest_version()) + "); update the app");
  }
  return version;
}

Result<void> migrate(SQLite::Database& db, int target_version) {
  auto current = supported_version_of(db);
  if (!current) return Unexpected{current.error()};
  if (target_version < *current || target_version > latest_version()) {
    return fail("store.invalid_argument", "cannot migrate from schema version " + std::to_string(*current) +
                                              " to " + std::to_string(target_version));
  }
  for (const Migration& m : kMigrations) {
    if (m.version <= *current || m.version > target_version) continue;
    if (auto applied = apply(db, m); !applied) return applied;
  }
  return {};
}

Result<void> migrate(SQLite::Database& db) {
  return migrate(db, latest_version());
}

}  // namespace sk::store::schema
