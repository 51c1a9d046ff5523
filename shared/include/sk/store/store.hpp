#pragma once
// Store: the device's local SQLite database, one file per device profile.
//
// Rules:
//  - One Store per thread. The UI thread and the sync thread each open their own connection;
//    a busy timeout lets them wait for each other instead of failing. View models may use a
//    read-only Store.
//  - Every write is one IMMEDIATE transaction and is durable when the call returns
//    (WAL + synchronous=FULL): an acknowledged write survives a crash or a power cut.
//  - An own event and its outbox entry are written together or not at all.
//  - No exception leaves the store: every failure is an Error whose code starts with "store."
//    and whose message names the operation (never event content or secrets).
//
// Error codes: store.open, store.schema_too_new, store.schema_outdated, store.migration,
// store.busy, store.read_only, store.constraint, store.corrupt, store.io, store.not_found,
// store.conflict, store.invalid_argument, store.sqlite (anything else).

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sk/core/result.hpp"
#include "sk/store/records.hpp"

namespace sk::store {

struct OpenOptions {
  int busy_timeout_ms = 5000;  // how long a writer waits for the other connection's transaction
};

struct Statements;  // the prepared statements, defined in the implementation

class Store {
 public:
  // Opens (creating if needed) and migrates the database to the latest schema.
  static Result<Store> open(const std::filesystem::path& path, OpenOptions options = {});
  // Opens an existing database at the latest schema for reading only; writes fail with store.read_only.
  static Result<Store> open_read_only(const std::filesystem::path& path, OpenOptions options = {});

  Store(Store&&) noexcept;
  Store& operator=(Store&&) = delete;  // statements must die before their database
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();

  // --- Events -----------------------------------------------------------------------------
  // Writes an own, not yet sent event (server_seq unset) and its pending outbox entry in one
  // transaction.
  Result<void> record_local_event(const EventRecord& event);
  // Stores a pulled batch for `case_id` and advances its cursor to at least `new_cursor`, in one
  // transaction. Idempotent on event_id: an event already stored only gets its server_seq and
  // received_at filled in (and, if it is our own, its outbox entry marked sent).
  Result<void> apply_remote_events(std::string_view case_id, std::span<const EventRecord> batch,
                                   std::int64_t new_cursor);
  // The case's events whose change_seq is above `cursor`, at most `limit` of them, for an
  // incremental fold. Order: synced events by server_seq, then pending ones by local_seq. A row
  // comes back once more when its server_seq is filled in (docs/store.md, "Reading for folds").
  Result<EventPage> events_after(std::string_view case_id, std::int64_t cursor, std::int64_t limit = 1000);
  Result<std::optional<StoredEvent>> find_event(std::string_view event_id);

  // --- Outbox (used by the sync engine) ----------------------------------------------------
  Result<std::vector<OutboxEntry>> next_pending(std::int64_t limit);  // pending, in enqueue order
  // pending -> in_flight; entries in any other state are left as they are.
  Result<void> mark_in_flight(std::span<const std::string> event_ids);
  // Push acknowledged: outbox entry -> sent, event gets its server_seq and received_at.
  Result<void> mark_sent(std::string_view event_id, std::int64_t server_seq, std::int64_t received_at_ms);
  // Push failed: entry back to pending, attempts + 1, error remembered.
  Result<void> mark_failed(std::string_view event_id, std::string_view error);
  // After a restart nothing is in flight any more: in_flight -> pending. Returns how many.
  Result<std::int64_t> requeue_in_flight();
  Result<std::optional<OutboxEntry>> find_outbox_entry(std::string_view event_id);

  // --- Sync cursors (last server_seq pulled, per case; 0 before the first pull) ------------
  Result<std::int64_t> cursor(std::string_view case_id);
  Result<void> set_cursor(std::string_view case_id, std::int64_t server_seq);

  // --- Identity, peers, cases --------------------------------------------------------------
  Result<std::optional<Identity>> identity();
  Result<void> set_identity(const Identity& identity);  // insert or replace the one row

  Result<void> upsert_peer(const Peer& peer);
  Result<std::optional<Peer>> find_peer(std::string_view device_id);
  Result<std::vector<Peer>> peers();  // by device_id
  Result<void> revoke_peer(std::string_view device_id);

  Result<void> upsert_case(const CaseRecord& record);  // replaces its membership too
  Result<std::optional<CaseRecord>> find_case(std::string_view case_id);
  Result<std::vector<CaseRecord>> cases();  // by case_id

  // --- Sync state (used by the sync engine; docs/store.md "Sync state") ---------------------
  Result<std::optional<OrgKeys>> org_keys();
  Result<void> set_org_keys(const OrgKeys& keys);
  Result<void> put_pending_code(const PendingCode& code);  // insert or replace by lookup
  Result<std::vector<PendingCode>> pending_codes();        // oldest first
  Result<void> set_pending_code_state(std::string_view lookup, std::string_view state);
  // The key directory version last seen for a case (0 before the first look).
  Result<std::int64_t> directory_version(std::string_view case_id);
  Result<void> set_directory_version(std::string_view case_id, std::int64_t version);
  Result<void> put_quarantine(const QuarantineEntry& entry);  // idempotent on (case, seq)
  Result<std::vector<QuarantineEntry>> quarantine();          // by case, then seq
  Result<void> remove_quarantine(std::string_view case_id, std::int64_t seq);

  // --- UI settings (free-form key/value) ----------------------------------------------------
  Result<std::optional<std::string>> setting(std::string_view key);
  Result<void> set_setting(std::string_view key, std::string_view value);
  Result<void> erase_setting(std::string_view key);

 private:
  explicit Store(SQLite::Database db);

  Result<void> apply_one_remote(std::string_view case_id, const EventRecord& event);
  Result<CaseRecord> load_members(CaseRecord record);

  SQLite::Database db_;
  std::unique_ptr<Statements> st_;  // declared after db_: destroyed first
};

}  // namespace sk::store
