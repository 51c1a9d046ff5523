#include "sqlite_storage.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "ids.hpp"
#include "sqlite_reader.hpp"
#include "wal_write_buffer.hpp"

namespace sk::backend {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS orgs(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, recovery_x25519 BLOB NOT NULL, created_at INTEGER NOT NULL,
  directory_version INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS principals(
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id), role TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS principals_by_org ON principals(org_id, role);
CREATE TABLE IF NOT EXISTS devices(
  id TEXT PRIMARY KEY, principal_id TEXT NOT NULL REFERENCES principals(id), ed25519 BLOB NOT NULL,
  x25519 BLOB NOT NULL, name TEXT NOT NULL, created_at INTEGER NOT NULL, revoked_at INTEGER);
CREATE INDEX IF NOT EXISTS devices_by_principal ON devices(principal_id);
CREATE TABLE IF NOT EXISTS codes(
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, lookup TEXT NOT NULL, org_id TEXT NOT NULL, role TEXT NOT NULL,
  case_id TEXT, issuer_principal TEXT NOT NULL, issuer_device TEXT NOT NULL, issuer_confirmation BLOB,
  created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, live INTEGER NOT NULL,
  used_at INTEGER, redeemer_principal TEXT, redeemer_device TEXT, redeemer_confirmation BLOB);
CREATE UNIQUE INDEX IF NOT EXISTS codes_live_lookup ON codes(lookup) WHERE live = 1;
CREATE INDEX IF NOT EXISTS codes_by_lookup ON codes(lookup);
CREATE INDEX IF NOT EXISTS codes_by_case ON codes(case_id);
CREATE TABLE IF NOT EXISTS tokens(
  hash BLOB PRIMARY KEY, device_id TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tokens_by_device ON tokens(device_id);
CREATE TABLE IF NOT EXISTS cases(
  id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id), youth_principal TEXT,
  youth_consent INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,
  directory_version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS cases_by_org ON cases(org_id);
CREATE INDEX IF NOT EXISTS cases_by_youth ON cases(youth_principal);
CREATE TABLE IF NOT EXISTS case_contacts(
  case_id TEXT NOT NULL, principal_id TEXT NOT NULL, PRIMARY KEY(case_id, principal_id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS case_contacts_by_principal ON case_contacts(principal_id);
CREATE TABLE IF NOT EXISTS events(
  id INTEGER PRIMARY KEY, case_id TEXT NOT NULL, seq INTEGER NOT NULL, event_id TEXT NOT NULL UNIQUE,
  audience INTEGER NOT NULL, author_device TEXT NOT NULL, received_at INTEGER NOT NULL, envelope BLOB NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_case ON events(case_id, seq);
CREATE TABLE IF NOT EXISTS audit(
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, kind TEXT NOT NULL, org_id TEXT NOT NULL,
  principal_id TEXT NOT NULL, device_id TEXT NOT NULL, detail TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_by_time ON audit(at);
)sql";

constexpr int kBusyTimeoutMs = 5000;
constexpr auto kCheckpointEvery = std::chrono::milliseconds(250);
constexpr unsigned kTokenSweepEvery = 256;
constexpr std::int64_t kWalSizeLimitBytes = 64 * 1024 * 1024;
// The append writer's page cache: the recently written leaves of the mailbox indexes.
constexpr int kWriterCacheKiB = 16 * 1024;
// Read connections of the request path: more than the event loops of a small server.
constexpr std::size_t kReaders = 4;

Bytes blob(const SQLite::Column& c) {
  const auto* p = static_cast<const std::uint8_t*>(c.getBlob());
  return Bytes(p, p + c.getBytes());
}

void bind_blob(SQLite::Statement& s, int index, const Bytes& b) {
  s.bind(index, b.data(), static_cast<int>(b.size()));
}

// Columns added after the first release: a database created before gets them when opened.
void add_column_if_missing(SQLite::Database& db, const char* table, const char* column, const char* type) {
  SQLite::Statement has(db, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
  has.bind(1, table);
  has.bind(2, column);
  if (has.executeStep()) return;
  db.exec(std::string("ALTER TABLE ") + table + " ADD COLUMN " + column + " " + type);
}

std::string_view kind_name(CodeKind k) {
  return k == CodeKind::enroll ? "enroll" : "pair";
}

}  // namespace

std::unique_ptr<SQLite::Database> open_sqlite_connection(const std::filesystem::path& file) {
  auto db = std::make_unique<SQLite::Database>(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                                               kBusyTimeoutMs, wal_write_buffer_vfs());
  db->exec("PRAGMA journal_mode=WAL");
  db->exec("PRAGMA synchronous=FULL");
  db->exec("PRAGMA foreign_keys=ON");
  db->exec("PRAGMA wal_autocheckpoint=0");  // the checkpoint thread does it
  // When the WAL starts over, a log grown long (by a burst of enrollments, say) shrinks again.
  db->exec("PRAGMA journal_size_limit=" + std::to_string(kWalSizeLimitBytes));
  return db;
}

SqliteStorage::SqliteStorage(const std::filesystem::path& file, std::unique_ptr<SQLite::Database> main,
                             std::unique_ptr<SQLite::Database> writer,
                             std::unique_ptr<SQLite::Database> checkpointer, int wal_fd,
                             SharedCounter revocations)
    : main_(std::move(main)),
      writer_(std::move(writer)),
      revocations_(std::move(revocations)),
      wal_fd_(wal_fd),
      checkpointer_(std::move(checkpointer)) {
  for (std::size_t i = 0; i < kReaders; ++i) readers_.push_back(std::make_unique<Reader>(file));
  find_event_stmt_ = std::make_unique<SQLite::Statement>(
      *writer_, "SELECT case_id, seq, received_at FROM events WHERE event_id = ?");
  last_seq_stmt_ = std::make_unique<SQLite::Statement>(
      *writer_, "SELECT COALESCE(MAX(seq), 0) FROM events WHERE case_id = ?");
  insert_event_stmt_ = std::make_unique<SQLite::Statement>(
      *writer_,
      "INSERT INTO events(case_id, seq, event_id, audience, author_device, received_at, envelope) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(event_id) DO NOTHING");
  // After every commit of the two connections that write (replacing SQLite's own checkpointing
  // hook, which wal_autocheckpoint=0 turned off).
  sqlite3_wal_hook(main_->getHandle(), &SqliteStorage::restart_wal_if_due, this);
  sqlite3_wal_hook(writer_->getHandle(), &SqliteStorage::restart_wal_if_due, this);
  const auto last = main_->execAndGet("SELECT COALESCE(MAX(id), 0) FROM events").getInt64();
  committed_id_ = last;
  durable_id_ = last;  // what is in the files after opening (and any recovery) is on disk
}

SqliteStorage::~SqliteStorage() {
  {
    std::lock_guard lock(checkpoint_mutex_);
    closing_ = true;
  }
  checkpoint_wake_.notify_one();
  if (checkpoint_thread_.joinable()) checkpoint_thread_.join();
  try {
    checkpointer_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
  } catch (const std::exception& e) {
    spdlog::warn("storage: final checkpoint failed: {}", e.what());
  }
  ::close(wal_fd_);
}

void SqliteStorage::run_checkpoints() {
  std::unique_lock lock(checkpoint_mutex_);
  while (!checkpoint_wake_.wait_for(lock, kCheckpointEvery, [&] { return closing_; })) {
    lock.unlock();
    // PASSIVE copies what it can without blocking the writer or readers.
    int log_frames = 0;
    const int rc = sqlite3_wal_checkpoint_v2(checkpointer_->getHandle(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                             &log_frames, nullptr);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
      spdlog::warn("storage: checkpoint failed: {}", sqlite3_errstr(rc));
    } else if (log_frames >= kWalRestartFrames) {
      // Even when a reader's snapshot kept the last frames from being copied: asked at every
      // round, the writing connections catch up and start the log over as soon as no reader is
      // left on an old snapshot. Waiting for a round that copies everything could wait forever
      // under a steady stream of short reads (the log once grew to 700 MB in a benchmark).
      wal_restart_due_ = true;
    }
    lock.lock();
  }
}

int SqliteStorage::restart_wal_if_due(void* self, sqlite3* db, const char* /*schema*/, int /*frames*/) {
  auto& due = static_cast<SqliteStorage*>(self)->wal_restart_due_;
  if (!due.exchange(false)) return SQLITE_OK;
  // Copies what was committed since the background checkpoint, so that the next write
  // transaction starts the WAL over. If another connection commits in between, the WAL simply
  // goes on growing until the next background checkpoint asks again.
  const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  if (rc == SQLITE_LOCKED) {
    due = true;  // a statement of this connection is still reading: its next commit tries again
  } else if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
    spdlog::warn("storage: checkpoint failed: {}", sqlite3_errstr(rc));
  }
  return SQLITE_OK;
}

std::filesystem::path SqliteStorage::database_path(const std::filesystem::path& data_dir) {
  return data_dir / "spillkontakt.db";
}

Result<std::unique_ptr<SqliteStorage>> SqliteStorage::open(const std::filesystem::path& data_dir) {
  try {
    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    std::filesystem::permissions(data_dir, std::filesystem::perms::owner_all, ec);
    const auto file = database_path(data_dir);
    auto revocations = SharedCounter::open(data_dir / "revocations");
    if (!revocations) return sk::fail(revocations.error().code, revocations.error().message);
    auto main = open_sqlite_connection(file);
    main->exec(kSchema);
    add_column_if_missing(*main, "orgs", "directory_version", "INTEGER NOT NULL DEFAULT 0");
    add_column_if_missing(*main, "cases", "directory_version", "INTEGER NOT NULL DEFAULT 1");
    auto writer = open_sqlite_connection(file);
    writer->exec("PRAGMA cache_size=-" + std::to_string(kWriterCacheKiB));
    writer->exec("PRAGMA synchronous=NORMAL");  // make_durable flushes instead
    auto checkpointer = open_sqlite_connection(file);
    // The WAL file exists while connections are open (the schema statement opened it), and
    // SQLite only deletes it when the last one closes: this descriptor stays on it.
    auto wal = file;
    wal += "-wal";
    const int wal_fd = ::open(wal.c_str(), O_RDWR | O_CLOEXEC);
    if (wal_fd < 0) {
      spdlog::error("storage: cannot open the write-ahead log {}: {}", wal.string(), std::strerror(errno));
      return sk::fail("storage", "The database cannot be opened.");
    }
    std::unique_ptr<SqliteStorage> storage(new SqliteStorage(
        file, std::move(main), std::move(writer), std::move(checkpointer), wal_fd, std::move(*revocations)));
    storage->checkpoint_thread_ = std::thread([s = storage.get()] { s->run_checkpoints(); });
    return storage;
  } catch (const std::exception& e) {
    spdlog::error("storage: cannot open database: {}", e.what());
    return sk::fail("storage", "The database cannot be opened.");
  }
}

// --- organisations

Result<Org> SqliteStorage::create_org(const std::string& name, const Bytes& recovery_x25519) {
  return storage_guard([&]() -> Result<Org> {
    std::lock_guard lock(mutex_);
    Org org{new_id(), name, recovery_x25519};
    SQLite::Statement s(*main_,
                        "INSERT INTO orgs(id, name, recovery_x25519, created_at) VALUES (?, ?, ?, ?)");
    s.bind(1, org.id);
    s.bind(2, org.name);
    bind_blob(s, 3, org.recovery_x25519);
    s.bind(4, now_ms());
    s.exec();
    return org;
  });
}

Result<std::optional<Org>> SqliteStorage::find_org(const std::string& org_id) {
  return storage_guard([&]() -> Result<std::optional<Org>> {
    std::lock_guard lock(mutex_);
    SQLite::Statement s(*main_, "SELECT name, recovery_x25519 FROM orgs WHERE id = ?");
    s.bind(1, org_id);
    if (!s.executeStep()) return std::optional<Org>{};
    return std::optional<Org>(Org{org_id, s.getColumn(0).getString(), blob(s.getColumn(1))});
  });
}

Result<std::vector<Org>> SqliteStorage::list_orgs() {
  return storage_guard([&]() -> Result<std::vector<Org>> {
    std::lock_guard lock(mutex_);
    SQLite::Statement s(*main_, "SELECT id, name, recovery_x25519 FROM orgs ORDER BY created_at");
    std::vector<Org> out;
    while (s.executeStep())
      out.push_back({s.getColumn(0).getString(), s.getColumn(1).getString(), blob(s.getColumn(2))});
    return out;
  });
}

// --- one-time codes

Result<void> SqliteStorage::insert_code(const CodeIssue& code, const std::string& case_id, std::int64_t now) {
  // An expired code no longer holds its lookup id.
  SQLite::Statement expire(*main_,
                           "UPDATE codes SET live = 0 WHERE lookup = ? AND live = 1 AND expires_at <= ?");
  expire.bind(1, code.lookup);
  expire.bind(2, now);
  expire.exec();
  SQLite::Statement s(
      *main_,
      "INSERT INTO codes(kind, lookup, org_id, role, case_id, issuer_principal, issuer_device, "
      "issuer_confirmation, created_at, expires_at, live) VALUES (?,?,?,?,?,?,?,?,?,?,1)");
  s.bind(1, std::string(kind_name(code.kind)));
  s.bind(2, code.lookup);
  s.bind(3, code.org_id);
  s.bind(4, std::string(model::to_string(code.role)));
  if (case_id.empty())
    s.bind(5);
  else
    s.bind(5, case_id);
  s.bind(6, code.issuer_principal);
  s.bind(7, code.issuer_device);
  if (code.confirmation.empty())
    s.bind(8);
  else
    bind_blob(s, 8, code.confirmation);
  s.bind(9, now);
  s.bind(10, code.expires_at);
  try {
    s.exec();
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_CONSTRAINT) return sk::fail("conflict", "This lookup id is in use.");
    throw;
  }
  return {};
}

Result<void> SqliteStorage::issue_code(const CodeIssue& code, std::int64_t now) {
  return issue_pairing_code(code, "", now);  // the same insert, for no case
}

Result<void> SqliteStorage::issue_pairing_code(const CodeIssue& code, const std::string& case_id,
                                               std::int64_t now) {
  return storage_guard([&]() -> Result<void> {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(*main_);
    if (auto inserted = insert_code(code, case_id, now); !inserted) return inserted;
    tx.commit();
    return {};
  });
}

Result<Redeemed> SqliteStorage::redeem_code(CodeKind kind, const Redemption& r, std::int64_t now) {
  return storage_guard([&]() -> Result<Redeemed> {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(*main_);
    SQLite::Statement find(*main_,
                           "SELECT id, org_id, role, case_id, issuer_device, issuer_confirmation, expires_at "
                           "FROM codes WHERE lookup = ? AND kind = ? AND live = 1");
    find.bind(1, r.lookup);
    find.bind(2, std::string(kind_name(kind)));
    if (!find.executeStep()) {
      SQLite::Statement any(*main_, "SELECT 1 FROM codes WHERE lookup = ? AND kind = ? LIMIT 1");
      any.bind(1, r.lookup);
      any.bind(2, std::string(kind_name(kind)));
      if (any.executeStep()) return sk::fail("code_expired", "This code has expired or was already used.");
      return sk::fail("not_found", "No such code.");
    }
    const auto code_id = find.getColumn(0).getInt64();
    if (find.getColumn(6).getInt64() <= now) {
      SQLite::Statement dead(*main_, "UPDATE codes SET live = 0 WHERE id = ?");
      dead.bind(1, code_id);
      dead.exec();
      tx.commit();
      return sk::fail("code_expired", "This code has expired or was already used.");
    }
    Redeemed out;
    out.org_id = find.getColumn(1).getString();
    out.role = model::role_from_string(find.getColumn(2).getString()).value_or(Role::kYouth);
    out.case_id = find.getColumn(3).isNull() ? "" : find.getColumn(3).getString();
    const auto issuer_device = find.getColumn(4).getString();
    if (!find.getColumn(5).isNull()) out.issuer_confirmation = blob(find.getColumn(5));
    out.device_id = new_id();
    // A pairing code of a case that has its youth already enrolls another device of that youth.
    if (!out.case_id.empty()) {
      SQLite::Statement youth(*main_, "SELECT youth_principal FROM cases WHERE id = ?");
      youth.bind(1, out.case_id);
      if (youth.executeStep() && !youth.getColumn(0).isNull())
        out.principal_id = youth.getColumn(0).getString();
    }
    const bool new_principal = out.principal_id.empty();
    if (new_principal) {
      out.principal_id = new_id();
      SQLite::Statement p(*main_, "INSERT INTO principals(id, org_id, role, created_at) VALUES (?, ?, ?, ?)");
      p.bind(1, out.principal_id);
      p.bind(2, out.org_id);
      p.bind(3, std::string(model::to_string(out.role)));
      p.bind(4, now);
      p.exec();
    }
    insert_device(out.device_id, out.principal_id, r, now);
    DirectoryBump bump;
    if (!out.case_id.empty()) {
      if (new_principal) {
        SQLite::Statement c(*main_,
                            "UPDATE cases SET youth_principal = ? WHERE id = ? AND youth_principal IS NULL");
        c.bind(1, out.principal_id);
        c.bind(2, out.case_id);
        if (c.exec() != 1) return sk::fail("code_expired", "This code has expired or was already used.");
      }
      bump = bump_directories_of(out.principal_id, Role::kYouth, out.org_id);
    } else if (out.role == Role::kSupervisor) {
      bump = bump_directories_of(out.principal_id, out.role, out.org_id);  // a member of every case
    }
    SQLite::Statement used(
        *main_,
        "UPDATE codes SET live = 0, used_at = ?, redeemer_device = ?, redeemer_confirmation = ?, "
        "redeemer_principal = ? WHERE id = ?");
    used.bind(1, now);
    used.bind(2, out.device_id);
    if (r.confirmation.empty())
      used.bind(3);
    else
      bind_blob(used, 3, r.confirmation);
    used.bind(4, out.principal_id);
    used.bind(5, code_id);
    used.exec();
    if (!issuer_device.empty()) out.issuer_device = load_device(issuer_device);
    tx.commit();
    forget(bump);
    return out;
  });
}

Result<CodeStatus> SqliteStorage::code_status(const std::string& lookup, const std::string& principal_id,
                                              std::int64_t now, CodeParty* party) {
  return storage_guard([&]() -> Result<CodeStatus> {
    std::lock_guard lock(mutex_);
    SQLite::Statement s(
        *main_,
        "SELECT kind, case_id, used_at, expires_at, issuer_device, issuer_confirmation, redeemer_device, "
        "redeemer_confirmation, issuer_principal = ?2 FROM codes WHERE lookup = ?1 AND "
        "(issuer_principal = ?2 OR redeemer_principal = ?2) ORDER BY id DESC LIMIT 1");
    s.bind(1, lookup);
    s.bind(2, principal_id);
    if (!s.executeStep()) return sk::fail("not_found", "No such code.");
    CodeStatus st;
    st.lookup = lookup;
    st.kind = s.getColumn(0).getString() == "pair" ? CodeKind::pair : CodeKind::enroll;
    st.case_id = s.getColumn(1).isNull() ? "" : s.getColumn(1).getString();
    if (!s.getColumn(2).isNull()) {
      st.state = CodeState::used;
    } else if (s.getColumn(3).getInt64() <= now) {
      st.state = CodeState::expired;
    }
    const auto issuer = s.getColumn(4).getString();
    if (!issuer.empty()) st.issuer = load_device(issuer);
    if (!s.getColumn(5).isNull()) st.issuer_confirmation = blob(s.getColumn(5));
    if (!s.getColumn(6).isNull()) st.redeemer = load_device(s.getColumn(6).getString());
    if (!s.getColumn(7).isNull()) st.redeemer_confirmation = blob(s.getColumn(7));
    if (party != nullptr) *party = s.getColumn(8).getInt() != 0 ? CodeParty::issuer : CodeParty::redeemer;
    return st;
  });
}

Result<void> SqliteStorage::set_confirmation(const std::string& lookup, const std::string& principal_id,
                                             const Bytes& confirmation) {
  return storage_guard([&]() -> Result<void> {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(*main_);
    SQLite::Statement s(
        *main_,
        "SELECT id, issuer_principal = ?2, issuer_confirmation IS NULL, redeemer_confirmation IS NULL "
        "FROM codes WHERE lookup = ?1 AND (issuer_principal = ?2 OR redeemer_principal = ?2) "
        "ORDER BY id DESC LIMIT 1");
    s.bind(1, lookup);
    s.bind(2, principal_id);
    if (!s.executeStep()) return sk::fail("not_found", "No such code.");
    const auto id = s.getColumn(0).getInt64();
    const bool issuer = s.getColumn(1).getInt() != 0;
    const bool unset = (issuer ? s.getColumn(2) : s.getColumn(3)).getInt() != 0;
    if (!unset) return sk::fail("conflict", "This confirmation was already uploaded.");
    SQLite::Statement u(*main_, issuer ? "UPDATE codes SET issuer_confirmation = ? WHERE id = ?"
                                       : "UPDATE codes SET redeemer_confirmation = ? WHERE id = ?");
    bind_blob(u, 1, confirmation);
    u.bind(2, id);
    u.exec();
    tx.commit();
    return {};
  });
}

// --- devices and tokens

void SqliteStorage::insert_device(const std::string& device_id, const std::string& principal_id,
                                  const Redemption& r, std::int64_t now) {
  SQLite::Statement d(
      *main_,
      "INSERT INTO devices(id, principal_id, ed25519, x25519, name, created_at) VALUES (?,?,?,?,?,?)");
  d.bind(1, device_id);
  d.bind(2, principal_id);
  bind_blob(d, 3, r.keys.ed25519);
  bind_blob(d, 4, r.keys.x25519);
  d.bind(5, r.device_name);
  d.bind(6, now);
  d.exec();
}

std::optional<Device> SqliteStorage::load_device(const std::string& device_id) {
  SQLite::Statement s(
      *main_,
      "SELECT d.principal_id, p.org_id, p.role, d.ed25519, d.x25519, d.name, d.created_at, "
      "d.revoked_at FROM devices d JOIN principals p ON p.id = d.principal_id WHERE d.id = ?");
  s.bind(1, device_id);
  if (!s.executeStep()) return std::nullopt;
  Device d;
  d.id = device_id;
  d.principal_id = s.getColumn(0).getString();
  d.org_id = s.getColumn(1).getString();
  d.role = model::role_from_string(s.getColumn(2).getString()).value_or(Role::kYouth);
  d.keys = {blob(s.getColumn(3)), blob(s.getColumn(4))};
  d.name = s.getColumn(5).getString();
  d.created_at = s.getColumn(6).getInt64();
  d.revoked = !s.getColumn(7).isNull();
  return d;
}

std::vector<Device> SqliteStorage::load_devices_of(const std::string& principal_id) {
  SQLite::Statement s(*main_, "SELECT id FROM devices WHERE principal_id = ? ORDER BY created_at");
  s.bind(1, principal_id);
  std::vector<std::string> ids;
  while (s.executeStep()) ids.push_back(s.getColumn(0).getString());
  std::vector<Device> out;
  for (const auto& id : ids) {
    if (auto d = load_device(id)) out.push_back(std::move(*d));
  }
  return out;
}

Result<std::optional<Device>> SqliteStorage::find_device(const std::string& device_id) {
  return storage_guard([&]() -> Result<std::optional<Device>> {
    std::lock_guard lock(mutex_);
    return load_device(device_id);
  });
}

Result<std::vector<Device>> SqliteStorage::list_devices() {
  return storage_guard([&]() -> Result<std::vector<Device>> {
    std::lock_guard lock(mutex_);
    SQLite::Statement s(*main_, "SELECT id FROM devices ORDER BY created_at");
    std::vector<std::string> ids;
    while (s.executeStep()) ids.push_back(s.getColumn(0).getString());
    std::vector<Device> out;
    for (const auto& id : ids) {
      if (auto d = load_device(id)) out.push_back(std::move(*d));
    }
    return out;
  });
}

Result<bool> SqliteStorage::revoke_device(const std::string& device_id, std::int64_t now) {
  return storage_guard([&]() -> Result<bool> {
    std::lock_guard lock(mutex_);
    SQLite::Transaction tx(*main_);
    SQLite::Statement s(*main_, "UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
    s.bind(1, now);
    s.bind(2, device_id);
    const bool changed = s.exec() == 1;
    SQLite::Statement t(*main_, "DELETE FROM tokens WHERE device_id = ?");
    t.bind(1, device_id);
    t.exec();
    DirectoryBump bump;
    if (changed) {
      if (const auto d = load_device(device_id))
        bump = bump_directories_of(d->principal_id, d->role, d->org_id);
    }
    tx.commit();
    forget(bump);
    // After COMMIT: every token and case cache, in any process, reloads from what is now stored.
    revocations_.increment();
    return changed;
  });
}

Result<void> SqliteStorage::store_token(const Bytes& token_hash, const std::string& device_id,
                                        std::int64_t expires_at) {
  return storage_guard([&]() -> Result<void> {
    std::lock_guard lock(mutex_);
    if (++token_writes_ % kTokenSweepEvery == 0) {
      SQLite::Statement sweep(*main_, "DELETE FROM tokens WHERE expires_at <= ?");
      sweep.bind(1, now_ms());
      sweep.exec();
    }
    SQLite::Statement s(*main_, "INSERT INTO tokens(hash, device_id, expires_at) VALUES (?, ?, ?)");
    bind_blob(s, 1, token_hash);
    s.bind(2, device_id);
    s.bind(3, expires_at);
    s.exec();
    return {};
  });
}

Result<std::optional<Caller>> SqliteStorage::authenticate(const Bytes& token_hash, std::int64_t now) {
  TokenCache::Hash key{};
  if (token_hash.size() != key.size()) return std::optional<Caller>{};
  std::copy(token_hash.begin(), token_hash.end(), key.begin());
  if (auto cached = token_cache_.find(key, now)) return cached;
  const auto generation = token_cache_.generation();
  return storage_guard([&] {
    return with_reader([&](Reader& r) -> Result<std::optional<Caller>> {
      auto& s = r.authenticate;
      s.reset();
      bind_blob(s, 1, token_hash);
      s.bind(2, now);
      std::optional<Caller> out;
      if (s.executeStep()) {
        out = Caller{s.getColumn(2).getString(), s.getColumn(1).getString(), s.getColumn(0).getString(),
                     model::role_from_string(s.getColumn(3).getString()).value_or(Role::kYouth)};
        token_cache_.remember(key, *out, s.getColumn(4).getInt64(), generation);
      }
      s.reset();
      s.clearBindings();
      return out;
    });
  });
}

Result<std::optional<Role>> SqliteStorage::principal_role(const std::string& org_id,
                                                          const std::string& principal_id) {
  return storage_guard([&]() -> Result<std::optional<Role>> {
    std::lock_guard lock(mutex_);
    SQLite::Statement s(*main_, "SELECT role FROM principals WHERE id = ? AND org_id = ?");
    s.bind(1, principal_id);
    s.bind(2, org_id);
    if (!s.executeStep()) return std::optional<Role>{};
    return model::role_from_string(s.getColumn(0).getString());
  });
}

}  // namespace sk::backend
