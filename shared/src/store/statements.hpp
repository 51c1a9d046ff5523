#pragma once
// Private: every statement the Store runs, prepared once when the Store opens.
// Each use binds all of its parameters, steps, and is reset by detail::Rewind.

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace sk::store {

// Column order read by read_event() and read_outbox() (rows.cpp): keep them in step.
inline constexpr int kEventColumnCount = 12;
inline constexpr int kOutboxColumnCount = 4;  // followed by the event columns

struct Statements {
  explicit Statements(SQLite::Database& db);

  // events
  SQLite::Statement insert_event;
  SQLite::Statement find_event;
  SQLite::Statement fill_server_seq;
  SQLite::Statement events_page;
  // outbox
  SQLite::Statement insert_outbox;
  SQLite::Statement find_outbox;
  SQLite::Statement next_pending;
  SQLite::Statement outbox_in_flight;
  SQLite::Statement outbox_sent;
  SQLite::Statement outbox_failed;
  SQLite::Statement outbox_requeue;
  // cursors
  SQLite::Statement cursor_get;
  SQLite::Statement cursor_set;
  SQLite::Statement cursor_advance;
  // identity, peers, cases
  SQLite::Statement identity_get;
  SQLite::Statement identity_put;
  SQLite::Statement peer_upsert;
  SQLite::Statement peer_get;
  SQLite::Statement peers_all;
  SQLite::Statement peer_revoke;
  SQLite::Statement case_upsert;
  SQLite::Statement case_get;
  SQLite::Statement cases_all;
  SQLite::Statement members_clear;
  SQLite::Statement member_insert;
  SQLite::Statement members_get;
  // settings
  SQLite::Statement setting_get;
  SQLite::Statement setting_put;
  SQLite::Statement setting_erase;
  // sync state (sync_state.cpp)
  SQLite::Statement org_keys_get;
  SQLite::Statement org_keys_put;
  SQLite::Statement code_put;
  SQLite::Statement codes_all;
  SQLite::Statement code_state;
  SQLite::Statement directory_get;
  SQLite::Statement directory_put;
  SQLite::Statement quarantine_put;
  SQLite::Statement quarantine_all;
  SQLite::Statement quarantine_remove;
};

}  // namespace sk::store
