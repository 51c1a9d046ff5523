// Who is who: this device's identity, the peers it trusts, and the cases it takes part in.
#include <SQLiteCpp/Transaction.h>

#include <string>

#include "guard.hpp"
#include "rows.hpp"
#include "sk/store/store.hpp"
#include "statements.hpp"

namespace sk::store {

using detail::guarded;
using detail::Rewind;

// --- Identity --------------------------------------------------------------------------------

Result<std::optional<Identity>> Store::identity() {
  return guarded("read identity", [&]() -> Result<std::optional<Identity>> {
    Rewind rewind(st_->identity_get);
    if (!st_->identity_get.executeStep()) return std::optional<Identity>{};
    return std::optional<Identity>{detail::read_identity(st_->identity_get)};
  });
}

Result<void> Store::set_identity(const Identity& identity) {
  return guarded("write identity", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    Rewind rewind(st_->identity_put);
    auto& s = st_->identity_put;
    s.bind(1, identity.org_id);
    s.bind(2, identity.principal_id);
    s.bind(3, identity.device_id);
    s.bind(4, identity.role);
    detail::bind_blob(s, 5, identity.key_file);
    s.bind(6, identity.nickname);
    s.bind(7, identity.created_at_ms);
    s.exec();
    tx.commit();
    return {};
  });
}

// --- Peers -----------------------------------------------------------------------------------

Result<void> Store::upsert_peer(const Peer& peer) {
  return guarded("write peer", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    Rewind rewind(st_->peer_upsert);
    auto& s = st_->peer_upsert;
    s.bind(1, peer.device_id);
    s.bind(2, peer.principal_id);
    s.bind(3, peer.role);
    detail::bind_blob(s, 4, peer.sign_public_key);
    detail::bind_blob(s, 5, peer.box_public_key);
    detail::bind_text(s, 6, detail::to_text(peer.verified_by));
    detail::bind_optional(s, 7, peer.vouched_by_device_id);
    s.bind(8, peer.revoked ? 1 : 0);
    s.bind(9, peer.added_at_ms);
    s.exec();
    tx.commit();
    return {};
  });
}

Result<std::optional<Peer>> Store::find_peer(std::string_view device_id) {
  return guarded("read peer", [&]() -> Result<std::optional<Peer>> {
    Rewind rewind(st_->peer_get);
    detail::bind_text(st_->peer_get, 1, device_id);
    if (!st_->peer_get.executeStep()) return std::optional<Peer>{};
    return std::optional<Peer>{detail::read_peer(st_->peer_get)};
  });
}

Result<std::vector<Peer>> Store::peers() {
  return guarded("read peers", [&]() -> Result<std::vector<Peer>> {
    std::vector<Peer> out;
    Rewind rewind(st_->peers_all);
    while (st_->peers_all.executeStep()) out.push_back(detail::read_peer(st_->peers_all));
    return out;
  });
}

Result<void> Store::revoke_peer(std::string_view device_id) {
  return guarded("revoke peer", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    Rewind rewind(st_->peer_revoke);
    detail::bind_text(st_->peer_revoke, 1, device_id);
    if (st_->peer_revoke.exec() == 0) {
      return fail("store.not_found", "revoke peer: no device " + std::string(device_id));
    }
    tx.commit();
    return {};
  });
}

// --- Cases -----------------------------------------------------------------------------------

Result<void> Store::upsert_case(const CaseRecord& record) {
  return guarded("write case", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    {
      Rewind rewind(st_->case_upsert);
      auto& s = st_->case_upsert;
      s.bind(1, record.case_id);
      s.bind(2, record.org_id);
      s.bind(3, record.youth_principal_id);
      s.bind(4, record.label);
      s.bind(5, record.checkin_consent ? 1 : 0);
      s.exec();
    }
    {
      Rewind rewind(st_->members_clear);
      st_->members_clear.bind(1, record.case_id);
      st_->members_clear.exec();
    }
    for (const CaseMember& m : record.members) {
      Rewind rewind(st_->member_insert);
      st_->member_insert.bind(1, record.case_id);
      st_->member_insert.bind(2, m.principal_id);
      st_->member_insert.bind(3, m.role);
      st_->member_insert.exec();
    }
    tx.commit();
    return {};
  });
}

// Inside a read transaction opened by the caller, so the case and its members agree.
Result<CaseRecord> Store::load_members(CaseRecord record) {
  Rewind rewind(st_->members_get);
  st_->members_get.bind(1, record.case_id);
  while (st_->members_get.executeStep()) {
    record.members.push_back(
        CaseMember{st_->members_get.getColumn(0).getString(), st_->members_get.getColumn(1).getString()});
  }
  return record;
}

Result<std::optional<CaseRecord>> Store::find_case(std::string_view case_id) {
  return guarded("read case", [&]() -> Result<std::optional<CaseRecord>> {
    SQLite::Transaction snapshot(db_);
    std::optional<CaseRecord> found;
    {
      Rewind rewind(st_->case_get);
      detail::bind_text(st_->case_get, 1, case_id);
      if (!st_->case_get.executeStep()) return found;
      found = detail::read_case(st_->case_get);
    }
    auto full = load_members(std::move(*found));
    if (!full) return Unexpected{full.error()};
    return std::optional<CaseRecord>{std::move(*full)};
  });
}

Result<std::vector<CaseRecord>> Store::cases() {
  return guarded("read cases", [&]() -> Result<std::vector<CaseRecord>> {
    SQLite::Transaction snapshot(db_);
    std::vector<CaseRecord> out;
    {
      Rewind rewind(st_->cases_all);
      while (st_->cases_all.executeStep()) out.push_back(detail::read_case(st_->cases_all));
    }
    for (CaseRecord& record : out) {
      auto full = load_members(std::move(record));
      if (!full) return Unexpected{full.error()};
      record = std::move(*full);
    }
    return out;
  });
}

}  // namespace sk::store
