// What the sync engine keeps besides events: org keys, pending codes, directory versions and the
// quarantine (docs/store.md, "Sync state").
#include <SQLiteCpp/Transaction.h>

#include "guard.hpp"
#include "rows.hpp"
#include "sk/store/store.hpp"
#include "statements.hpp"

namespace sk::store {

using detail::guarded;
using detail::Rewind;

namespace {

PendingCode read_code(SQLite::Statement& s) {
  return PendingCode{s.getColumn(0).getString(), s.getColumn(1).getString(), s.getColumn(2).getString(),
                     s.getColumn(3).getString(), s.getColumn(4).getString(), s.getColumn(5).getString(),
                     s.getColumn(6).getInt64(),  s.getColumn(7).getString(), s.getColumn(8).getInt64()};
}

Bytes read_blob(const SQLite::Column& c) {
  const auto* p = static_cast<const std::uint8_t*>(c.getBlob());
  return Bytes(p, p + c.getBytes());
}

}  // namespace

Result<std::optional<OrgKeys>> Store::org_keys() {
  return guarded("read org keys", [&]() -> Result<std::optional<OrgKeys>> {
    Rewind rewind(st_->org_keys_get);
    if (!st_->org_keys_get.executeStep()) return std::optional<OrgKeys>{};
    return std::optional<OrgKeys>{
        OrgKeys{st_->org_keys_get.getColumn(0).getString(), read_blob(st_->org_keys_get.getColumn(1))}};
  });
}

Result<void> Store::set_org_keys(const OrgKeys& keys) {
  if (keys.recovery_x25519.size() != 32)
    return fail("store.invalid_argument", "write org keys: the recovery key must be 32 bytes");
  return guarded("write org keys", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    Rewind rewind(st_->org_keys_put);
    st_->org_keys_put.bind(1, keys.org_id);
    detail::bind_blob(st_->org_keys_put, 2, keys.recovery_x25519);
    st_->org_keys_put.exec();
    tx.commit();
    return {};
  });
}

Result<void> Store::put_pending_code(const PendingCode& code) {
  return guarded("write pending code", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    Rewind rewind(st_->code_put);
    auto& s = st_->code_put;
    s.bind(1, code.lookup);
    s.bind(2, code.code);
    s.bind(3, code.side);
    s.bind(4, code.peer_role);
    s.bind(5, code.case_id);
    s.bind(6, code.label);
    s.bind(7, code.expires_at_ms);
    s.bind(8, code.state);
    s.bind(9, code.created_at_ms);
    s.exec();
    tx.commit();
    return {};
  });
}

Result<std::vector<PendingCode>> Store::pending_codes() {
  return guarded("read pending codes", [&]() -> Result<std::vector<PendingCode>> {
    std::vector<PendingCode> out;
    Rewind rewind(st_->codes_all);
    while (st_->codes_all.executeStep()) out.push_back(read_code(st_->codes_all));
    return out;
  });
}

Result<void> Store::set_pending_code_state(std::string_view lookup, std::string_view state) {
  return guarded("write pending code state", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    Rewind rewind(st_->code_state);
    detail::bind_text(st_->code_state, 1, lookup);
    detail::bind_text(st_->code_state, 2, state);
    if (st_->code_state.exec() == 0)
      return fail("store.not_found", "write pending code state: no code " + std::string(lookup));
    tx.commit();
    return {};
  });
}

Result<std::int64_t> Store::directory_version(std::string_view case_id) {
  return guarded("read directory version", [&]() -> Result<std::int64_t> {
    Rewind rewind(st_->directory_get);
    detail::bind_text(st_->directory_get, 1, case_id);
    if (!st_->directory_get.executeStep()) return std::int64_t{0};
    return st_->directory_get.getColumn(0).getInt64();
  });
}

Result<void> Store::set_directory_version(std::string_view case_id, std::int64_t version) {
  return guarded("write directory version", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    Rewind rewind(st_->directory_put);
    detail::bind_text(st_->directory_put, 1, case_id);
    st_->directory_put.bind(2, version);
    st_->directory_put.exec();
    tx.commit();
    return {};
  });
}

Result<void> Store::put_quarantine(const QuarantineEntry& entry) {
  return guarded("write quarantine", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    Rewind rewind(st_->quarantine_put);
    auto& s = st_->quarantine_put;
    s.bind(1, entry.case_id);
    s.bind(2, entry.seq);
    s.bind(3, entry.event_id);
    s.bind(4, entry.audience);
    s.bind(5, entry.author_device);
    s.bind(6, entry.received_at_ms);
    detail::bind_blob(s, 7, entry.envelope);
    s.bind(8, entry.reason);
    s.bind(9, entry.retry ? 1 : 0);
    s.bind(10, entry.at_ms);
    s.exec();
    tx.commit();
    return {};
  });
}

Result<std::vector<QuarantineEntry>> Store::quarantine() {
  return guarded("read quarantine", [&]() -> Result<std::vector<QuarantineEntry>> {
    std::vector<QuarantineEntry> out;
    Rewind rewind(st_->quarantine_all);
    auto& s = st_->quarantine_all;
    while (s.executeStep()) {
      out.push_back(QuarantineEntry{s.getColumn(0).getString(), s.getColumn(1).getInt64(),
                                    s.getColumn(2).getString(), s.getColumn(3).getString(),
                                    s.getColumn(4).getString(), s.getColumn(5).getInt64(),
                                    read_blob(s.getColumn(6)), s.getColumn(7).getString(),
                                    s.getColumn(8).getInt() != 0, s.getColumn(9).getInt64()});
    }
    return out;
  });
}

Result<void> Store::remove_quarantine(std::string_view case_id, std::int64_t seq) {
  return guarded("remove quarantine", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    Rewind rewind(st_->quarantine_remove);
    detail::bind_text(st_->quarantine_remove, 1, case_id);
    st_->quarantine_remove.bind(2, seq);
    st_->quarantine_remove.exec();
    tx.commit();
    return {};
  });
}

}  // namespace sk::store
