#pragma once
// DeviceProfile: what one installed app holds — its identity, its SQLite store, an HTTP client
// with a login token, and a PairwiseCache — plus the trust decisions the sync step relies on.
//
// Trust lives in the store's `peers` table: a device's keys are used (sealed to, or accepted as
// an author) only after a code confirmed them or a code-confirmed device vouched for them.
// The organisation's recovery key has no place in the store (see org_recovery_key below).

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "harness/http_client.hpp"
#include "harness/scenario.hpp"
#include "sk/core/result.hpp"
#include "sk/crypto/envelope.hpp"
#include "sk/crypto/identity.hpp"
#include "sk/store/store.hpp"

namespace sk::integration {

// Another device as the server relayed it: ids and public keys, not yet trusted.
struct RelayedDevice {
  std::string device_id;
  std::string principal_id;
  std::string role;  // "youth", "contact" or "supervisor"
  crypto::DevicePublicKeys keys;
};

class DeviceProfile {
 public:
  // Opens (creating) the store at `db_path` and writes the enrolled device's identity into it.
  static Result<std::unique_ptr<DeviceProfile>> create(const std::filesystem::path& db_path,
                                                       const std::string& base_url,
                                                       backend::test::TestDevice account);

  const backend::test::TestDevice& account() const { return account_; }
  const std::string& device_id() const { return account_.device_id; }
  const std::string& principal_id() const { return account_.principal_id; }
  const std::string& role() const { return account_.role; }
  const std::string& token() const { return account_.token; }
  const crypto::DeviceIdentity& identity() const { return *account_.identity; }
  const crypto::DevicePublicKeys& public_keys() const { return identity().public_keys(); }

  store::Store& store() { return *store_; }
  backend::test::HttpClient& http() { return http_; }
  crypto::PairwiseCache& cache() { return cache_; }

  // Simulates the app dying and starting again: the connection is dropped without any further
  // write, the file is reopened, and whatever was in flight is pending again.
  Result<void> restart();

  // Trusts `device` because this device checked its key confirmation against a code.
  Result<void> trust_confirmed(const RelayedDevice& device);
  // Trusts `device` because `voucher` (itself code-confirmed) vouched for it. The vouch travels
  // out of band in these tests: no layer has a vouch event yet.
  Result<void> trust_vouched(const RelayedDevice& device, const std::string& voucher_device_id);
  // The keys this device trusts for `device_id` (its own included); nullopt when not trusted.
  Result<std::optional<RelayedDevice>> trusted(const std::string& device_id);

  // LAYER GAP: sk_store's schema has no column or table for the organisation's recovery key, so
  // the profile keeps it in memory. The sync engine will need a place for it (identity row or a
  // `peers`-like row without a signing key).
  const std::optional<crypto::X25519PublicKey>& org_recovery_key() const { return recovery_key_; }
  void trust_org_recovery_key(const crypto::X25519PublicKey& key) { recovery_key_ = key; }

  // GET /v1/cases/{id}/keys → the case and its membership in the store (upsert_case). Keys from
  // the directory are NOT trusted by this; they only tell who is a member.
  Result<void> refresh_case(const std::string& case_id);

 private:
  struct Opened {};  // only create() can make one
 public:
  DeviceProfile(Opened, std::filesystem::path db_path, store::Store store, const std::string& base_url,
                backend::test::TestDevice account);

 private:
  std::filesystem::path db_path_;
  std::unique_ptr<store::Store> store_;
  backend::test::HttpClient http_;
  backend::test::TestDevice account_;
  crypto::PairwiseCache cache_;
  std::optional<crypto::X25519PublicKey> recovery_key_;
};

// Reads an {"ed25519","x25519"} pair of base64url members; nullopt when malformed.
std::optional<crypto::DevicePublicKeys> keys_from_json(const nlohmann::json& j);

}  // namespace sk::integration
