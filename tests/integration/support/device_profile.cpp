#include "support/device_profile.hpp"

#include <chrono>

#include "sk/core/encoding.hpp"
#include "sk/crypto/key_file.hpp"

namespace sk::integration {

namespace {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Bytes to_bytes(ByteView v) {
  return {v.begin(), v.end()};
}

store::Peer to_peer(const RelayedDevice& device) {
  store::Peer p;
  p.device_id = device.device_id;
  p.principal_id = device.principal_id;
  p.role = device.role;
  p.sign_public_key = to_bytes(device.keys.signing.view());
  p.box_public_key = to_bytes(device.keys.encryption.view());
  p.added_at_ms = now_ms();
  return p;
}

}  // namespace

std::optional<crypto::DevicePublicKeys> keys_from_json(const nlohmann::json& j) {
  if (!j.is_object() || !j.contains("ed25519") || !j.contains("x25519")) return std::nullopt;
  if (!j["ed25519"].is_string() || !j["x25519"].is_string()) return std::nullopt;
  const auto ed = base64url_decode(j["ed25519"].get<std::string>());
  const auto x = base64url_decode(j["x25519"].get<std::string>());
  if (!ed || !x) return std::nullopt;
  auto signing = crypto::Ed25519PublicKey::from(*ed);
  auto encryption = crypto::X25519PublicKey::from(*x);
  if (!signing || !encryption) return std::nullopt;
  return crypto::DevicePublicKeys{*signing, *encryption};
}

DeviceProfile::DeviceProfile(Opened /*unused*/, std::filesystem::path db_path, store::Store store,
                             const std::string& base_url, backend::test::TestDevice account)
    : db_path_(std::move(db_path)),
      store_(std::make_unique<store::Store>(std::move(store))),
      http_(base_url),
      account_(std::move(account)) {}

Result<std::unique_ptr<DeviceProfile>> DeviceProfile::create(const std::filesystem::path& db_path,
                                                             const std::string& base_url,
                                                             backend::test::TestDevice account) {
  auto opened = store::Store::open(db_path);
  if (!opened) return Unexpected{opened.error()};
  // The weak KDF cost keeps the suite fast; real profiles use KdfCost::owasp.
  auto key_file = crypto::seal_key_file(*account.identity, "e2e passphrase", crypto::KdfCost::test_only_weak);
  if (!key_file) return Unexpected{key_file.error()};
  store::Identity me;
  me.org_id = account.org_id;
  me.principal_id = account.principal_id;
  me.device_id = account.device_id;
  me.role = account.role;
  me.key_file = std::move(*key_file);
  me.nickname = account.role + " device";
  me.created_at_ms = now_ms();
  if (auto set = opened->set_identity(me); !set) return Unexpected{set.error()};
  return std::make_unique<DeviceProfile>(Opened{}, db_path, std::move(*opened), base_url, std::move(account));
}

Result<void> DeviceProfile::restart() {
  store_.reset();
  cache_.clear();
  auto reopened = store::Store::open(db_path_);
  if (!reopened) return Unexpected{reopened.error()};
  store_ = std::make_unique<store::Store>(std::move(*reopened));
  auto requeued = store_->requeue_in_flight();
  if (!requeued) return Unexpected{requeued.error()};
  return {};
}

Result<void> DeviceProfile::trust_confirmed(const RelayedDevice& device) {
  auto peer = to_peer(device);
  peer.verified_by = store::Verification::kCode;
  return store_->upsert_peer(peer);
}

Result<void> DeviceProfile::trust_vouched(const RelayedDevice& device, const std::string& voucher_device_id) {
  auto peer = to_peer(device);
  peer.verified_by = store::Verification::kVouched;
  peer.vouched_by_device_id = voucher_device_id;
  return store_->upsert_peer(peer);
}

Result<std::optional<RelayedDevice>> DeviceProfile::trusted(const std::string& device_id) {
  if (device_id == account_.device_id) {
    return std::optional<RelayedDevice>(
        RelayedDevice{device_id, account_.principal_id, account_.role, public_keys()});
  }
  auto peer = store_->find_peer(device_id);
  if (!peer) return Unexpected{peer.error()};
  if (!peer->has_value() || (*peer)->revoked) return std::optional<RelayedDevice>{};
  const auto& p = **peer;
  auto signing = crypto::Ed25519PublicKey::from(p.sign_public_key);
  auto encryption = crypto::X25519PublicKey::from(p.box_public_key);
  if (!signing || !encryption) return fail("e2e.bad_peer", "stored peer keys have the wrong size");
  return std::optional<RelayedDevice>(
      RelayedDevice{p.device_id, p.principal_id, p.role, crypto::DevicePublicKeys{*signing, *encryption}});
}

Result<void> DeviceProfile::refresh_case(const std::string& case_id) {
  auto dir = http_.get("/v1/cases/" + case_id + "/keys", account_.token);
  if (dir.status != 200)
    return fail("e2e.http", "key directory: " + std::to_string(dir.status) + " " + dir.body);
  store::CaseRecord record;
  record.case_id = case_id;
  record.org_id = dir.json["org"]["org_id"].get<std::string>();
  record.label = "case";
  record.checkin_consent = dir.json["youth_consent"].get<bool>();
  for (const auto& m : dir.json["members"]) {
    store::CaseMember member{m["principal_id"].get<std::string>(), m["role"].get<std::string>()};
    if (member.role == "youth") record.youth_principal_id = member.principal_id;
    record.members.push_back(std::move(member));
  }
  return store_->upsert_case(record);
}

}  // namespace sk::integration
