#include "statements.hpp"

#include <string>
#include <string_view>

namespace sk::store {
namespace {

constexpr std::string_view kEventColumns =
    "e.event_id, e.case_id, e.kind, e.author_principal_id, e.author_device_id, e.audience, "
    "e.created_at_ms, e.server_seq, e.received_at_ms, e.body_json, e.local_seq, e.change_seq";
constexpr std::string_view kOutboxColumns = "o.outbox_seq, o.state, o.attempts, o.last_error, ";

std::string select_events(std::string_view rest) {
  return "SELECT " + std::string(kEventColumns) + " FROM events e " + std::string(rest);
}
std::string select_outbox(std::string_view rest) {
  return "SELECT " + std::string(kOutboxColumns) + std::string(kEventColumns) +
         " FROM outbox o JOIN events e USING (event_id) " + std::string(rest);
}

}  // namespace

Statements::Statements(SQLite::Database& db)
    : insert_event(db,
                   "INSERT INTO events (event_id, case_id, kind, author_principal_id, "
                   "author_device_id, audience, created_at_ms, server_seq, received_at_ms, "
                   "body_json, local_seq, change_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                   "?10, (SELECT coalesce(max(local_seq), 0) + 1 FROM events), "
                   "(SELECT coalesce(max(change_seq), 0) + 1 FROM events))"),
      find_event(db, select_events("WHERE e.event_id = ?1")),
      fill_server_seq(db,
                      "UPDATE events SET server_seq = ?2, received_at_ms = ?3, "
                      "change_seq = (SELECT max(change_seq) + 1 FROM events) WHERE event_id = ?1"),
      // A contiguous window in change order, so the highest change_seq returned is a safe cursor.
      events_page(db, select_events("WHERE e.case_id = ?1 AND e.change_seq > ?2 "
                                    "ORDER BY e.change_seq LIMIT ?3")),
      insert_outbox(db, "INSERT INTO outbox (event_id) VALUES (?1)"),
      find_outbox(db, select_outbox("WHERE o.event_id = ?1")),
      next_pending(db, select_outbox("WHERE o.state = 'pending' ORDER BY o.outbox_seq LIMIT ?1")),
      outbox_in_flight(db, "UPDATE outbox SET state = 'in_flight' WHERE event_id = ?1 AND state = 'pending'"),
      outbox_sent(db, "UPDATE outbox SET state = 'sent', last_error = NULL WHERE event_id = ?1"),
      outbox_failed(db,
                    "UPDATE outbox SET state = 'pending', attempts = attempts + 1, last_error = ?2 "
                    "WHERE event_id = ?1 AND state <> 'sent'"),
      outbox_requeue(db, "UPDATE outbox SET state = 'pending' WHERE state = 'in_flight'"),
      cursor_get(db, "SELECT server_seq FROM sync_cursors WHERE case_id = ?1"),
      cursor_set(db,
                 "INSERT INTO sync_cursors (case_id, server_seq) VALUES (?1, ?2) "
                 "ON CONFLICT (case_id) DO UPDATE SET server_seq = excluded.server_seq"),
      cursor_advance(db,
                     "INSERT INTO sync_cursors (case_id, server_seq) VALUES (?1, ?2) "
                     "ON CONFLICT (case_id) DO UPDATE "
                     "SET server_seq = max(server_seq, excluded.server_seq)"),
      identity_get(db,
                   "SELECT org_id, principal_id, device_id, role, key_file, nickname, created_at_ms "
                   "FROM identity WHERE singleton = 1"),
      identity_put(db,
                   "INSERT OR REPLACE INTO identity (singleton, org_id, principal_id, device_id, "
                   "role, key_file, nickname, created_at_ms) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
      peer_upsert(db,
                  "INSERT INTO peers (device_id, principal_id, role, sign_public_key, "
                  "box_public_key, verified_by, vouched_by_device_id, revoked, added_at_ms) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (device_id) DO UPDATE SET "
                  "principal_id = excluded.principal_id, role = excluded.role, "
                  "sign_public_key = excluded.sign_public_key, "
                  "box_public_key = excluded.box_public_key, verified_by = excluded.verified_by, "
                  "vouched_by_device_id = excluded.vouched_by_device_id, "
                  // Revocation is one-way: a later upsert cannot bring a revoked device back.
                  "revoked = max(revoked, excluded.revoked), added_at_ms = excluded.added_at_ms"),
      peer_get(db,
               "SELECT device_id, principal_id, role, sign_public_key, box_public_key, verified_by, "
               "vouched_by_device_id, revoked, added_at_ms FROM peers WHERE device_id = ?1"),
      peers_all(db,
                "SELECT device_id, principal_id, role, sign_public_key, box_public_key, verified_by, "
                "vouched_by_device_id, revoked, added_at_ms FROM peers ORDER BY device_id"),
      peer_revoke(db, "UPDATE peers SET revoked = 1 WHERE device_id = ?1"),
      case_upsert(db,
                  "INSERT INTO cases (case_id, org_id, youth_principal_id, label, checkin_consent) "
                  "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (case_id) DO UPDATE SET "
                  "org_id = excluded.org_id, youth_principal_id = excluded.youth_principal_id, "
                  "label = excluded.label, checkin_consent = excluded.checkin_consent"),
      case_get(db,
               "SELECT case_id, org_id, youth_principal_id, label, checkin_consent FROM cases "
               "WHERE case_id = ?1"),
      cases_all(db,
                "SELECT case_id, org_id, youth_principal_id, label, checkin_consent FROM cases "
                "ORDER BY case_id"),
      members_clear(db, "DELETE FROM case_members WHERE case_id = ?1"),
      member_insert(db, "INSERT INTO case_members (case_id, principal_id, role) VALUES (?1, ?2, ?3)"),
      members_get(db,
                  "SELECT principal_id, role FROM case_members WHERE case_id = ?1 "
                  "ORDER BY principal_id"),
      setting_get(db, "SELECT value FROM ui_settings WHERE key = ?1"),
      setting_put(db,
                  "INSERT INTO ui_settings (key, value) VALUES (?1, ?2) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
      setting_erase(db, "DELETE FROM ui_settings WHERE key = ?1"),
      org_keys_get(db, "SELECT org_id, recovery_x25519 FROM org_keys WHERE singleton = 1"),
      org_keys_put(db,
                   "INSERT OR REPLACE INTO org_keys (singleton, org_id, recovery_x25519) VALUES (1, ?1, ?2)"),
      code_put(db,
               "INSERT OR REPLACE INTO pending_codes (lookup, code, side, peer_role, case_id, label, "
               "expires_at_ms, state, created_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
      codes_all(db,
                "SELECT lookup, code, side, peer_role, case_id, label, expires_at_ms, state, created_at_ms "
                "FROM pending_codes ORDER BY created_at_ms, lookup"),
      code_state(db, "UPDATE pending_codes SET state = ?2 WHERE lookup = ?1"),
      directory_get(db, "SELECT version FROM case_directory WHERE case_id = ?1"),
      directory_put(db, "INSERT OR REPLACE INTO case_directory (case_id, version) VALUES (?1, ?2)"),
      quarantine_put(db,
                     "INSERT OR REPLACE INTO quarantine (case_id, seq, event_id, audience, author_device, "
                     "received_at_ms, envelope, reason, retry, at_ms) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
      quarantine_all(
          db,
          "SELECT case_id, seq, event_id, audience, author_device, received_at_ms, envelope, reason, "
          "retry, at_ms FROM quarantine ORDER BY case_id, seq"),
      quarantine_remove(db, "DELETE FROM quarantine WHERE case_id = ?1 AND seq = ?2") {}

}  // namespace sk::store
