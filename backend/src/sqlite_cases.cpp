// SqliteStorage, second half: cases, key directory and the mailbox (see sqlite_storage.hpp).
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "ids.hpp"
#include "sqlite_reader.hpp"
#include "sqlite_storage.hpp"

namespace sk::backend {

namespace {

Bytes blob(const SQLite::Column& c) {
  const auto* p = static_cast<const std::uint8_t*>(c.getBlob());
  return Bytes(p, p + c.getBytes());
}

}  // namespace

Result<std::string> SqliteStorage::create_case(const CodeIssue& code, std::int64_t now) {
  return storage_guard([&]() -> Result<std::string> {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(*main_);
    const auto case_id = new_id();
    SQLite::Statement c(*main_, "INSERT INTO cases(id, org_id, created_at) VALUES (?, ?, ?)");
    c.bind(1, case_id);
    c.bind(2, code.org_id);
    c.bind(3, now);
    c.exec();
    SQLite::Statement m(*main_, "INSERT INTO case_contacts(case_id, principal_id) VALUES (?, ?)");
    m.bind(1, case_id);
    m.bind(2, code.issuer_principal);
    m.exec();
    if (auto inserted = insert_code(code, case_id, now); !inserted) return Unexpected{inserted.error()};
    tx.commit();
    return case_id;
  });
}

std::optional<CaseInfo> SqliteStorage::load_case(Reader& r, const std::string& case_id) {
  // Every case route starts here: both statements are prepared once.
  auto& s = r.case_info;
  s.reset();
  s.bind(1, case_id);
  if (!s.executeStep()) {
    s.reset();
    return std::nullopt;
  }
  CaseInfo c;
  c.id = case_id;
  c.org_id = s.getColumn(0).getString();
  c.youth_principal = s.getColumn(1).isNull() ? "" : s.getColumn(1).getString();
  c.youth_consent = s.getColumn(2).getInt() != 0;
  c.directory_version = s.getColumn(3).getInt64();
  s.reset();
  auto& m = r.case_contacts;
  m.reset();
  m.bind(1, case_id);
  while (m.executeStep()) c.contacts.push_back(m.getColumn(0).getString());
  m.reset();
  return c;
}

SqliteStorage::DirectoryBump SqliteStorage::bump_directory(const std::string& case_id) {
  SQLite::Statement s(*main_, "UPDATE cases SET directory_version = directory_version + 1 WHERE id = ?");
  s.bind(1, case_id);
  s.exec();
  return {{case_id}, false};
}

SqliteStorage::DirectoryBump SqliteStorage::bump_directories_of(const std::string& principal_id, Role role,
                                                                const std::string& org_id) {
  if (role == Role::kSupervisor) {
    SQLite::Statement s(*main_, "UPDATE orgs SET directory_version = directory_version + 1 WHERE id = ?");
    s.bind(1, org_id);
    s.exec();
    return {{}, true};
  }
  SQLite::Statement s(*main_,
                      role == Role::kYouth
                          ? "UPDATE cases SET directory_version = directory_version + 1 "
                            "WHERE youth_principal = ?1 RETURNING id"
                          : "UPDATE cases SET directory_version = directory_version + 1 WHERE id IN "
                            "(SELECT case_id FROM case_contacts WHERE principal_id = ?1) RETURNING id");
  s.bind(1, principal_id);
  DirectoryBump out;
  while (s.executeStep()) out.cases.push_back(s.getColumn(0).getString());
  return out;
}

void SqliteStorage::forget(const DirectoryBump& bump) {
  if (bump.whole_org) return case_cache_.clear();
  for (const auto& c : bump.cases) case_cache_.forget(c);
}

Result<std::optional<CaseInfo>> SqliteStorage::find_case(const std::string& case_id) {
  if (auto cached = case_cache_.find(case_id)) return cached;
  const auto generation = case_cache_.generation();
  auto loaded = storage_guard([&] {
    return with_reader([&](Reader& r) -> Result<std::optional<CaseInfo>> { return load_case(r, case_id); });
  });
  if (loaded && loaded->has_value()) case_cache_.remember(**loaded, generation);
  return loaded;
}

Result<std::vector<CaseInfo>> SqliteStorage::list_cases(const Caller& caller) {
  return storage_guard([&] {
    return with_reader([&](Reader& r) -> Result<std::vector<CaseInfo>> {
      auto& s = caller.role == Role::kSupervisor ? r.cases_of_org
                : caller.role == Role::kContact  ? r.cases_of_contact
                                                 : r.cases_of_youth;
      s.reset();
      s.bind(1, caller.org_id);
      if (caller.role != Role::kSupervisor) s.bind(2, caller.principal_id);
      std::vector<std::string> ids;
      while (s.executeStep()) ids.push_back(s.getColumn(0).getString());
      s.reset();
      std::vector<CaseInfo> out;
      out.reserve(ids.size());
      // Through the case cache: a waiting sync lists its cases at every wake-up.
      for (const auto& id : ids) {
        if (auto cached = case_cache_.find(id)) {
          out.push_back(std::move(*cached));
          continue;
        }
        const auto generation = case_cache_.generation();
        if (auto c = load_case(r, id)) {
          case_cache_.remember(*c, generation);
          out.push_back(std::move(*c));
        }
      }
      return out;
    });
  });
}

Result<void> SqliteStorage::add_contact(const std::string& case_id, const std::string& principal_id) {
  return storage_guard([&]() -> Result<void> {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(*main_);
    SQLite::Statement s(*main_, "INSERT OR IGNORE INTO case_contacts(case_id, principal_id) VALUES (?, ?)");
    s.bind(1, case_id);
    s.bind(2, principal_id);
    if (s.exec() == 1) bump_directory(case_id);
    tx.commit();
    case_cache_.forget(case_id);
    return {};
  });
}

Result<void> SqliteStorage::set_consent(const std::string& case_id, bool supervisors_may_read) {
  return storage_guard([&]() -> Result<void> {
    std::lock_guard lock(mutex_);
    SQLite::Statement s(*main_,
                        "UPDATE cases SET youth_consent = ?1, directory_version = directory_version + 1 "
                        "WHERE id = ?2 AND youth_consent != ?1");
    s.bind(1, supervisors_may_read ? 1 : 0);
    s.bind(2, case_id);
    s.exec();
    case_cache_.forget(case_id);
    return {};
  });
}

Result<std::vector<KeyDirectoryMember>> SqliteStorage::key_directory(const CaseInfo& c) {
  return storage_guard([&]() -> Result<std::vector<KeyDirectoryMember>> {
    std::lock_guard lock(mutex_);
    std::vector<KeyDirectoryMember> out;
    if (!c.youth_principal.empty())
      out.push_back({c.youth_principal, Role::kYouth, load_devices_of(c.youth_principal)});
    for (const auto& p : c.contacts) out.push_back({p, Role::kContact, load_devices_of(p)});
    SQLite::Statement s(
        *main_, "SELECT id FROM principals WHERE org_id = ? AND role = 'supervisor' ORDER BY created_at");
    s.bind(1, c.org_id);
    std::vector<std::string> supervisors;
    while (s.executeStep()) supervisors.push_back(s.getColumn(0).getString());
    for (const auto& p : supervisors) out.push_back({p, Role::kSupervisor, load_devices_of(p)});
    return out;
  });
}

// --- mailbox

std::int64_t SqliteStorage::next_seq(const std::string& case_id) {
  auto it = last_seq_.find(case_id);
  if (it == last_seq_.end()) {
    // Prepared once: after a restart every case's first append comes here.
    auto& s = *last_seq_stmt_;
    s.reset();
    s.bind(1, case_id);
    s.executeStep();
    it = last_seq_.emplace(case_id, s.getColumn(0).getInt64()).first;
    s.reset();
  }
  return ++it->second;
}

std::vector<Result<AppendAck>> SqliteStorage::append_batch(std::span<const AppendRequest> batch) {
  std::vector<Result<AppendAck>> out;
  out.reserve(batch.size());
  try {
    SQLite::Transaction tx(*writer_);
    for (const auto& a : batch) {
      // Insert first: a repeated event id is rare, and the unique index finds it anyway.
      const auto seq = next_seq(a.case_id);
      auto& ins = *insert_event_stmt_;
      ins.reset();
      ins.bind(1, a.case_id);
      ins.bind(2, seq);
      ins.bind(3, a.event_id);
      ins.bind(4, audience_column(a.audience));
      ins.bind(5, a.author_device);
      ins.bind(6, a.received_at);
      ins.bindNoCopy(7, a.envelope.data(), static_cast<int>(a.envelope.size()));
      if (ins.exec() == 1) {
        out.emplace_back(AppendAck{seq, a.received_at, false});
        continue;
      }
      last_seq_[a.case_id] = seq - 1;  // not used after all
      auto& find = *find_event_stmt_;
      find.reset();
      find.bind(1, a.event_id);
      if (!find.executeStep()) throw std::runtime_error("an event id conflicted but cannot be found");
      if (find.getColumn(0).getString() != a.case_id) {
        out.emplace_back(sk::fail("conflict", "This event id is used in another case."));
      } else {
        out.emplace_back(AppendAck{find.getColumn(1).getInt64(), find.getColumn(2).getInt64(), true});
      }
      find.reset();
    }
    tx.commit();
    committed_id_.store(writer_->getLastInsertRowid(), std::memory_order_release);
  } catch (const std::exception& e) {
    // The whole group is rolled back; the cached sequence numbers may be ahead of the file.
    spdlog::error("storage: append batch of {} rolled back: {}", batch.size(), e.what());
    last_seq_.clear();
    out.clear();
    for (std::size_t i = 0; i < batch.size(); ++i) {
      out.emplace_back(sk::fail("storage", "The database operation failed."));
    }
  }
  return out;
}

Result<void> SqliteStorage::make_durable() {
  // After a failed flush the kernel may have dropped the unwritten pages and a later flush would
  // "succeed" without them: nothing is acknowledged until a restart recovers from the files.
  if (flush_failed_) return sk::fail("storage", "The database operation failed.");
  const auto target = committed_id_.load(std::memory_order_acquire);
  if (target <= durable_id_.load(std::memory_order_relaxed)) return {};
  // Flushes the WAL's data, so every transaction committed before this call survives power loss.
  if (::fdatasync(wal_fd_) != 0) {
    flush_failed_ = true;
    spdlog::critical(
        "storage: fdatasync of the write-ahead log failed ({}); appends are refused until "
        "the server is restarted",
        std::strerror(errno));
    return sk::fail("storage", "The database operation failed.");
  }
  durable_id_.store(target, std::memory_order_release);
  return {};
}

Result<std::vector<StoredEvent>> SqliteStorage::fetch_events(const std::string& case_id, std::int64_t after,
                                                             AudienceMask visible, int limit) {
  return storage_guard([&] {
    return with_reader([&](Reader& r) -> Result<std::vector<StoredEvent>> {
      auto& s = r.fetch;
      s.reset();
      s.bind(1, case_id);
      s.bind(2, after);
      s.bind(3, static_cast<std::int64_t>(visible));
      s.bind(4, limit);
      s.bind(5, durable_id_.load(std::memory_order_acquire));
      std::vector<StoredEvent> out;
      while (s.executeStep()) {
        StoredEvent e;
        e.seq = s.getColumn(0).getInt64();
        e.event_id = s.getColumn(1).getString();
        e.audience = audience_from_column(s.getColumn(2).getInt());
        e.author_device = s.getColumn(3).getString();
        e.received_at = s.getColumn(4).getInt64();
        e.envelope = blob(s.getColumn(5));
        out.push_back(std::move(e));
      }
      s.reset();
      return out;
    });
  });
}

}  // namespace sk::backend
