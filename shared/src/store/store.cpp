// Opening the store, and the small key/value parts: sync cursors and UI settings.
#include "sk/store/store.hpp"

#include <SQLiteCpp/Transaction.h>

#include <string>

#include "guard.hpp"
#include "rows.hpp"
#include "sk/store/schema.hpp"
#include "statements.hpp"

namespace sk::store {
namespace {

using detail::guarded;
using detail::Rewind;

// Settings every connection needs; WAL is a property of the file and was set by the writer.
void configure_connection(SQLite::Database& db) {
  db.exec("PRAGMA foreign_keys = ON");
  // FULL: the WAL is synced on every commit, so a call that returned ok survives power loss.
  db.exec("PRAGMA synchronous = FULL");
}

Result<void> enable_wal(SQLite::Database& db) {
  if (db.execAndGet("PRAGMA journal_mode = WAL").getString() != "wal") {
    return fail("store.open", "the database file refused write-ahead logging");
  }
  return {};
}

Error in_context(std::string_view operation, Error error) {
  error.message = std::string(operation) + ": " + error.message;
  return error;
}

std::string open_label(const std::filesystem::path& path, bool read_only) {
  return std::string(read_only ? "open read-only " : "open ") + path.string();
}

}  // namespace

Result<Store> Store::open(const std::filesystem::path& path, OpenOptions options) {
  std::string label = open_label(path, false);
  return guarded(label, [&]() -> Result<Store> {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, options.busy_timeout_ms);
    // Refuse a newer database before touching it at all, even its journal mode.
    if (auto fits = schema::supported_version_of(db); !fits) {
      return Unexpected{in_context(label, fits.error())};
    }
    if (auto wal = enable_wal(db); !wal) return Unexpected{in_context(label, wal.error())};
    configure_connection(db);
    if (auto migrated = schema::migrate(db); !migrated) {
      return Unexpected{in_context(label, migrated.error())};
    }
    return Store(std::move(db));
  });
}

Result<Store> Store::open_read_only(const std::filesystem::path& path, OpenOptions options) {
  std::string label = open_label(path, true);
  return guarded(label, [&]() -> Result<Store> {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY, options.busy_timeout_ms);
    configure_connection(db);
    auto version = schema::supported_version_of(db);
    if (!version) return Unexpected{in_context(label, version.error())};
    if (*version < schema::latest_version()) {
      return fail("store.schema_outdated", label + ": database schema version " + std::to_string(*version) +
                                               " must be migrated by a writable open first");
    }
    return Store(std::move(db));
  });
}

Store::Store(SQLite::Database db) : db_(std::move(db)), st_(std::make_unique<Statements>(db_)) {}

Store::Store(Store&&) noexcept = default;
Store::~Store() = default;

// --- Sync cursors --------------------------------------------------------------------------

Result<std::int64_t> Store::cursor(std::string_view case_id) {
  return guarded("read sync cursor", [&]() -> Result<std::int64_t> {
    Rewind rewind(st_->cursor_get);
    detail::bind_text(st_->cursor_get, 1, case_id);
    if (!st_->cursor_get.executeStep()) return std::int64_t{0};
    return st_->cursor_get.getColumn(0).getInt64();
  });
}

Result<void> Store::set_cursor(std::string_view case_id, std::int64_t server_seq) {
  return guarded("set sync cursor", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    Rewind rewind(st_->cursor_set);
    detail::bind_text(st_->cursor_set, 1, case_id);
    st_->cursor_set.bind(2, server_seq);
    st_->cursor_set.exec();
    tx.commit();
    return {};
  });
}

// --- UI settings ---------------------------------------------------------------------------

Result<std::optional<std::string>> Store::setting(std::string_view key) {
  return guarded("read setting", [&]() -> Result<std::optional<std::string>> {
    Rewind rewind(st_->setting_get);
    detail::bind_text(st_->setting_get, 1, key);
    if (!st_->setting_get.executeStep()) return std::optional<std::string>{};
    return std::optional<std::string>{st_->setting_get.getColumn(0).getString()};
  });
}

Result<void> Store::set_setting(std::string_view key, std::string_view value) {
  return guarded("write setting", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    Rewind rewind(st_->setting_put);
    detail::bind_text(st_->setting_put, 1, key);
    detail::bind_text(st_->setting_put, 2, value);
    st_->setting_put.exec();
    tx.commit();
    return {};
  });
}

Result<void> Store::erase_setting(std::string_view key) {
  return guarded("erase setting", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    Rewind rewind(st_->setting_erase);
    detail::bind_text(st_->setting_erase, 1, key);
    st_->setting_erase.exec();
    tx.commit();
    return {};
  });
}

}  // namespace sk::store
