#pragma once
// SqliteStorage: the embedded Storage (one file, DATA_DIR/spillkontakt.db), WAL with
// synchronous=FULL, so an acknowledged append survives power loss.
//
// Connections: `main_` (guarded by a mutex) serves the rare calls; the reads of every request
// (authenticate, find_case, fetch_events, list_cases) use a small pool of read-only
// connections with their statements prepared once, so event loops on several threads do not
// queue behind one another; append_batch runs on the append writer's thread with its own
// connection `writer_`. WAL lets all reads proceed while the writer commits. Checkpoints (copying the WAL
// into the database file, with its own fsync) run on a third connection in a background thread, so neither a
// commit nor a request ever waits for one. Implementation split: sqlite_storage.cpp (organisations, codes,
// devices, tokens), sqlite_cases.cpp (cases, key directory, mailbox), sqlite_audit.cpp.

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "caches.hpp"
#include "storage.hpp"

namespace sk::backend {

class SqliteStorage final : public Storage {
 public:
  // Creates the database and its schema when absent.
  static Result<std::unique_ptr<SqliteStorage>> open(const std::filesystem::path& data_dir);
  static std::filesystem::path database_path(const std::filesystem::path& data_dir);
  ~SqliteStorage() override;
  SqliteStorage(const SqliteStorage&) = delete;
  SqliteStorage& operator=(const SqliteStorage&) = delete;

  Result<Org> create_org(const std::string& name, const Bytes& recovery_x25519) override;
  Result<std::optional<Org>> find_org(const std::string& org_id) override;
  Result<std::vector<Org>> list_orgs() override;

  Result<void> issue_code(const CodeIssue& code, std::int64_t now) override;
  Result<std::string> create_case(const CodeIssue& code, std::int64_t now) override;
  Result<void> issue_pairing_code(const CodeIssue& code, const std::string& case_id,
                                  std::int64_t now) override;
  Result<Redeemed> redeem_code(CodeKind kind, const Redemption& r, std::int64_t now) override;
  Result<CodeStatus> code_status(const std::string& lookup, const std::string& principal_id, std::int64_t now,
                                 CodeParty* party) override;
  Result<void> set_confirmation(const std::string& lookup, const std::string& principal_id,
                                const Bytes& confirmation) override;

  Result<std::optional<Device>> find_device(const std::string& device_id) override;
  Result<std::vector<Device>> list_devices() override;
  Result<bool> revoke_device(const std::string& device_id, std::int64_t now) override;
  Result<void> store_token(const Bytes& token_hash, const std::string& device_id,
                           std::int64_t expires_at) override;
  Result<std::optional<Caller>> authenticate(const Bytes& token_hash, std::int64_t now) override;
  Result<std::optional<Role>> principal_role(const std::string& org_id,
                                             const std::string& principal_id) override;

  Result<std::optional<CaseInfo>> find_case(const std::string& case_id) override;
  Result<std::vector<CaseInfo>> list_cases(const Caller& caller) override;
  Result<void> add_contact(const std::string& case_id, const std::string& principal_id) override;
  Result<void> set_consent(const std::string& case_id, bool supervisors_may_read) override;
  Result<std::vector<KeyDirectoryMember>> key_directory(const CaseInfo& c) override;

  std::vector<Result<AppendAck>> append_batch(std::span<const AppendRequest> batch) override;
  Result<void> make_durable() override;
  Result<std::vector<StoredEvent>> fetch_events(const std::string& case_id, std::int64_t after,
                                                AudienceMask visible, int limit) override;

  Result<void> audit(const AuditEntry& entry) override;
  Result<std::vector<AuditEntry>> audit_since(std::int64_t since) override;

  // Counts revocations by every process on this data directory (the admin CLI's too): the
  // server wakes its waiters when it changes (serve.cpp).
  std::uint64_t revocation_count() const { return revocations_.load(); }

 private:
  SqliteStorage(const std::filesystem::path& file, std::unique_ptr<SQLite::Database> main,
                std::unique_ptr<SQLite::Database> writer, std::unique_ptr<SQLite::Database> checkpointer,
                int wal_fd, SharedCounter revocations);
  void run_checkpoints();
  // The WAL hook of `main_` and `writer_` (sqlite3_wal_hook): runs after each of their commits.
  static int restart_wal_if_due(void* self, sqlite3* db, const char* schema, int frames);

  // Helpers that expect `mutex_` held (main_) or the writer thread (writer_).
  // Errors: "conflict" (the lookup id is held by a live code).
  Result<void> insert_code(const CodeIssue& code, const std::string& case_id, std::int64_t now);
  std::optional<Device> load_device(const std::string& device_id);
  std::vector<Device> load_devices_of(const std::string& principal_id);
  struct Reader;
  template <class F>
  auto with_reader(F&& body) -> decltype(body(std::declval<Reader&>()));
  static std::optional<CaseInfo> load_case(Reader& r, const std::string& case_id);
  void insert_audit(const AuditEntry& entry);
  // Directory versions (CaseInfo::directory_version) = the case's own counter + its
  // organisation's, which counts supervisors' device changes so that they touch one row.
  // Expect `mutex_` held, inside the change's transaction; forget() the result after COMMIT.
  struct DirectoryBump {
    std::vector<std::string> cases;
    bool whole_org = false;
  };
  DirectoryBump bump_directory(const std::string& case_id);
  DirectoryBump bump_directories_of(const std::string& principal_id, Role role, const std::string& org_id);
  void forget(const DirectoryBump& bump);
  void insert_device(const std::string& device_id, const std::string& principal_id, const Redemption& r,
                     std::int64_t now);
  std::int64_t next_seq(const std::string& case_id);

  std::mutex mutex_;
  std::unique_ptr<SQLite::Database> main_;
  std::unique_ptr<SQLite::Database> writer_;
  std::vector<std::unique_ptr<Reader>> readers_;
  SharedCounter revocations_;  // DATA_DIR/revocations: bumped by every revoke_device, in any process
  CaseCache case_cache_{revocations_};
  TokenCache token_cache_{revocations_};
  std::unique_ptr<SQLite::Statement> find_event_stmt_;
  std::unique_ptr<SQLite::Statement> insert_event_stmt_;
  std::unique_ptr<SQLite::Statement> last_seq_stmt_;
  std::unordered_map<std::string, std::int64_t> last_seq_;  // writer thread only
  // Group commit in two stages (storage.hpp): `writer_` commits with synchronous=NORMAL (no
  // flush), make_durable flushes the WAL file through its own descriptor, and readers only see
  // events up to the last flushed row id. Row ids grow with every append, like each case's seq.
  int wal_fd_;
  std::atomic<std::int64_t> committed_id_{0};  // highest row id committed
  std::atomic<std::int64_t> durable_id_{0};    // highest row id flushed: visible to fetch_events
  bool flush_failed_ = false;                  // append writer thread only
  unsigned token_writes_ = 0;

  // The WAL only starts over when a write transaction begins with every frame checkpointed, which
  // a busy writer never sees while checkpoints run beside it; then it would grow without bound.
  // So at every background checkpoint that finds a long WAL, the next commit of either writing
  // connection copies what is left, and the write after it starts over (if a reader is still on
  // an older snapshot, the next round asks again).
  static constexpr int kWalRestartFrames = 2048;  // 8 MiB of 4 KiB pages
  std::atomic<bool> wal_restart_due_{false};
  std::unique_ptr<SQLite::Database> checkpointer_;
  std::mutex checkpoint_mutex_;
  std::condition_variable checkpoint_wake_;
  bool closing_ = false;
  std::thread checkpoint_thread_;  // last: starts once everything above exists
};

// Runs `body` and turns a library exception into an Error (code "storage").
template <class F>
auto storage_guard(F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const std::exception&) {
    return sk::fail("storage", "The database operation failed.");
  }
}

}  // namespace sk::backend
