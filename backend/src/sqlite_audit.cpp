// SqliteStorage, third part: the audit log (see sqlite_storage.hpp).
#include "sqlite_storage.hpp"

namespace sk::backend {

void SqliteStorage::insert_audit(const AuditEntry& e) {
  SQLite::Statement s(
      *main_, "INSERT INTO audit(at, kind, org_id, principal_id, device_id, detail) VALUES (?,?,?,?,?,?)");
  s.bind(1, e.at);
  s.bind(2, e.kind);
  s.bind(3, e.org_id);
  s.bind(4, e.principal_id);
  s.bind(5, e.device_id);
  s.bind(6, e.detail);
  s.exec();
}

Result<void> SqliteStorage::audit(const AuditEntry& entry) {
  return storage_guard([&]() -> Result<void> {
    std::lock_guard lock(mutex_);
    insert_audit(entry);
    return {};
  });
}

Result<std::vector<AuditEntry>> SqliteStorage::audit_since(std::int64_t since) {
  return storage_guard([&]() -> Result<std::vector<AuditEntry>> {
    std::lock_guard lock(mutex_);
    SQLite::Statement s(
        *main_,
        "SELECT at, kind, org_id, principal_id, device_id, detail FROM audit WHERE at >= ? ORDER BY id");
    s.bind(1, since);
    std::vector<AuditEntry> out;
    while (s.executeStep()) {
      out.push_back({s.getColumn(0).getInt64(), s.getColumn(1).getString(), s.getColumn(2).getString(),
                     s.getColumn(3).getString(), s.getColumn(4).getString(), s.getColumn(5).getString()});
    }
    return out;
  });
}

}  // namespace sk::backend
