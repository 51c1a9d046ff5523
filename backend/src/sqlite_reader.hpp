#pragma once
// Private to the SQLite storage: the pooled read connections of the request path.

#include <functional>
#include <thread>

#include "sqlite_storage.hpp"

namespace sk::backend {

// The `events.audience` column: a small integer, so that the fetch selects by the bit
// `1 << audience` of the caller's AudienceMask. Fixed forever: stored rows keep their numbers.
constexpr int audience_column(Audience a) {
  switch (a) {
    case Audience::kCase:
      return 0;
    case Audience::kTeam:
      return 1;
    case Audience::kYouthConsented:
      return 2;
  }
  return 0;
}
static_assert(audience_bit(Audience::kCase) == 1u << audience_column(Audience::kCase));
static_assert(audience_bit(Audience::kTeam) == 1u << audience_column(Audience::kTeam));
static_assert(audience_bit(Audience::kYouthConsented) == 1u << audience_column(Audience::kYouthConsented));
constexpr Audience audience_from_column(int column) {
  return column == 1 ? Audience::kTeam : column == 2 ? Audience::kYouthConsented : Audience::kCase;
}

// Opens a connection to the database file with the server's settings (WAL, synchronous=FULL).
std::unique_ptr<SQLite::Database> open_sqlite_connection(const std::filesystem::path& file);

// A read-only connection with the statements of every request prepared once.
struct SqliteStorage::Reader {
  explicit Reader(const std::filesystem::path& file)
      : db(open_sqlite_connection(file)),
        authenticate(*db,
                     "SELECT d.id, p.id, p.org_id, p.role, t.expires_at FROM tokens t JOIN devices d ON d.id "
                     "= t.device_id "
                     "JOIN principals p ON p.id = d.principal_id "
                     "WHERE t.hash = ? AND t.expires_at > ? AND d.revoked_at IS NULL"),
        fetch(*db,
              "SELECT seq, event_id, audience, author_device, received_at, envelope FROM events "
              "WHERE case_id = ?1 AND seq > ?2 AND ((?3 >> audience) & 1) = 1 AND id <= ?5 ORDER BY seq "
              "LIMIT ?4"),
        case_info(
            *db,
            "SELECT c.org_id, c.youth_principal, c.youth_consent, c.directory_version + o.directory_version "
            "FROM cases c JOIN orgs o ON o.id = c.org_id WHERE c.id = ?"),
        case_contacts(*db, "SELECT principal_id FROM case_contacts WHERE case_id = ? ORDER BY principal_id"),
        cases_of_org(*db, "SELECT id FROM cases WHERE org_id = ?1 ORDER BY created_at"),
        // CROSS JOIN: from the contact's few memberships, not through every case of the
        // organisation, which the planner otherwise picks (cases_by_org): with 10,000 cases a
        // waiting sync paid that scan at every wake-up (docs/benchmarks.md, sync run).
        cases_of_contact(*db,
                         "SELECT c.id FROM case_contacts m CROSS JOIN cases c ON c.id = m.case_id "
                         "WHERE m.principal_id = ?2 AND c.org_id = ?1 ORDER BY c.created_at"),
        // "+org_id": by the youth's index, never by the organisation's (same reason).
        cases_of_youth(*db, "SELECT id FROM cases WHERE youth_principal = ?2 AND +org_id = ?1") {
    db->exec("PRAGMA query_only=1");
  }
  std::mutex mutex;
  std::unique_ptr<SQLite::Database> db;
  SQLite::Statement authenticate;
  SQLite::Statement fetch;
  SQLite::Statement case_info;
  SQLite::Statement case_contacts;
  // The cases a caller sees (list_cases), by role.
  SQLite::Statement cases_of_org;
  SQLite::Statement cases_of_contact;
  SQLite::Statement cases_of_youth;
};

template <class F>
auto SqliteStorage::with_reader(F&& body) -> decltype(body(std::declval<Reader&>())) {
  // Start from a slot that depends on the thread, so each event loop tends to keep its own, and
  // take the first free one; when all are busy, wait for that first slot.
  const auto n = readers_.size();
  const auto start = std::hash<std::thread::id>{}(std::this_thread::get_id()) % n;
  for (std::size_t i = 0; i < n; ++i) {
    auto& r = *readers_[(start + i) % n];
    std::unique_lock lock(r.mutex, std::try_to_lock);
    if (lock.owns_lock()) return body(r);
  }
  auto& r = *readers_[start];
  std::lock_guard lock(r.mutex);
  return body(r);
}

}  // namespace sk::backend
