#include "support/server_db.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <stdexcept>

#include "sk/crypto/envelope.hpp"

namespace sk::integration {

namespace {

SQLite::Database open_db(const std::filesystem::path& file, bool write) {
  SQLite::Database db(file.string(), write ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY);
  db.setBusyTimeout(5000);
  return db;
}

Bytes blob(const SQLite::Column& c) {
  const auto* p = static_cast<const std::uint8_t*>(c.getBlob());
  return Bytes(p, p + c.getBytes());
}

}  // namespace

std::vector<StoredEnvelope> ServerDb::envelopes(const std::string& case_id, std::int64_t after) const {
  auto db = open_db(file_, false);
  SQLite::Statement q(
      db, "SELECT seq, event_id, envelope FROM events WHERE case_id = ? AND seq > ? ORDER BY seq");
  q.bind(1, case_id);
  q.bind(2, static_cast<std::int64_t>(after));
  std::vector<StoredEnvelope> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), blob(q.getColumn(2))});
  return out;
}

std::int64_t ServerDb::last_seq(const std::string& case_id) const {
  auto db = open_db(file_, false);
  SQLite::Statement q(db, "SELECT COALESCE(MAX(seq), 0) FROM events WHERE case_id = ?");
  q.bind(1, case_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::vector<crypto::KeyId> ServerDb::recipients(const StoredEnvelope& e) {
  auto info = crypto::peek(e.envelope);
  if (!info) throw std::runtime_error("a stored envelope does not parse: " + std::to_string(e.seq));
  return info->recipients;
}

crypto::KeyId ServerDb::device_key_id(const std::string& device_id) const {
  auto db = open_db(file_, false);
  SQLite::Statement q(db, "SELECT x25519 FROM devices WHERE id = ?");
  q.bind(1, device_id);
  if (!q.executeStep()) throw std::runtime_error("no device " + device_id + " on the server");
  auto key = crypto::X25519PublicKey::from(blob(q.getColumn(0)));
  if (!key) throw std::runtime_error("the server's key of " + device_id + " is malformed");
  return crypto::key_id(*key);
}

void ServerDb::set_envelope(const std::string& case_id, std::int64_t seq, const Bytes& envelope) const {
  auto db = open_db(file_, true);
  SQLite::Statement u(db, "UPDATE events SET envelope = ? WHERE case_id = ? AND seq = ?");
  u.bind(1, envelope.data(), static_cast<int>(envelope.size()));
  u.bind(2, case_id);
  u.bind(3, static_cast<std::int64_t>(seq));
  if (u.exec() != 1) throw std::runtime_error("no envelope " + std::to_string(seq) + " to replace");
}

void ServerDb::swap_encryption_key(const std::string& case_id, const std::string& device_id,
                                   const crypto::X25519PublicKey& key) const {
  auto db = open_db(file_, true);
  SQLite::Transaction tx(db);
  SQLite::Statement u(db, "UPDATE devices SET x25519 = ? WHERE id = ?");
  u.bind(1, key.bytes.data(), static_cast<int>(key.bytes.size()));
  u.bind(2, device_id);
  if (u.exec() != 1) throw std::runtime_error("no device " + device_id + " to swap");
  SQLite::Statement v(db, "UPDATE cases SET directory_version = directory_version + 1 WHERE id = ?");
  v.bind(1, case_id);
  if (v.exec() != 1) throw std::runtime_error("no case " + case_id);
  tx.commit();
}

}  // namespace sk::integration
