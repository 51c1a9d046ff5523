#include "support/org_fixture.hpp"

#include <stdexcept>

#include "sk/core/encoding.hpp"
#include "support/event_records.hpp"

namespace sk::integration {

using backend::test::Scenario;
using backend::test::TestDevice;

void must(Result<void> r, const std::string& what) {
  if (!r) throw std::runtime_error(what + ": " + r.error().code + " " + r.error().message);
}

model::Event act(DeviceProfile& who, const std::string& case_id, model::Event::Body body) {
  return must(record_action(who.store(), case_id, who.principal_id(), who.device_id(), std::move(body)),
              who.role() + " records an event");
}

Result<std::unique_ptr<DeviceProfile>> enroll_supervisor(Scenario& s, const std::string& code_text,
                                                         const std::filesystem::path& db) {
  auto code = crypto::OneTimeCode::parse(code_text);
  if (!code) return Unexpected{code.error()};
  TestDevice device = s.enroll(code_text);
  auto recovery = check_org_keys(*code, device.enroll_response);
  if (!recovery) return Unexpected{recovery.error()};
  auto profile = DeviceProfile::create(db, s.server().base_url(), std::move(device));
  if (!profile) return Unexpected{profile.error()};
  (*profile)->trust_org_recovery_key(*recovery);
  return profile;
}

Result<std::unique_ptr<DeviceProfile>> enroll_with(Scenario& s, const crypto::OneTimeCode& code,
                                                   const std::filesystem::path& db) {
  return DeviceProfile::create(db, s.server().base_url(), s.enroll(code.display()));
}

Result<std::unique_ptr<DeviceProfile>> redeem_pairing(Scenario& s, const crypto::OneTimeCode& code,
                                                      const std::filesystem::path& db) {
  TestDevice y;
  y.identity = std::make_shared<crypto::DeviceIdentity>(crypto::DeviceIdentity::generate());
  const auto& keys = y.identity->public_keys();
  auto r = s.http().post("/v1/pairing/redeem", {{"lookup", code.lookup()},
                                                {"ed25519", base64url_encode(keys.signing.view())},
                                                {"x25519", base64url_encode(keys.encryption.view())},
                                                {"device_name", "youth PC"}});
  if (r.status != 201) return fail("e2e.http", "redeem: " + std::to_string(r.status) + " " + r.body);
  y.device_id = r.json["device_id"];
  y.principal_id = r.json["principal_id"];
  y.org_id = r.json["org_id"];
  y.role = r.json["role"];
  y.enroll_response = r.json;
  s.login(y);
  return DeviceProfile::create(db, s.server().base_url(), std::move(y));
}

crypto::OneTimeCode issue_code(DeviceProfile& issuer, const std::string& path, const nlohmann::json& extra,
                               nlohmann::json* response) {
  for (;;) {
    auto code = crypto::OneTimeCode::generate();
    auto body = extra.is_object() ? extra : nlohmann::json::object();
    body["lookup"] = code.lookup();
    auto r = issuer.http().post(path, body, issuer.token());
    if (r.status == 409) continue;  // lookup id in use: draw another code
    if (r.status != 201) throw std::runtime_error("issue code: " + std::to_string(r.status) + " " + r.body);
    if (response) *response = r.json;
    return code;
  }
}

Result<void> vouch(DeviceProfile& voucher, DeviceProfile& to, const std::string& device_id) {
  auto known = voucher.trusted(device_id);
  if (!known) return Unexpected{known.error()};
  if (!known->has_value()) return fail("e2e.not_trusted", "the voucher does not trust " + device_id);
  return to.trust_vouched(**known, voucher.device_id());
}

Org::Org() {
  const auto& dir = profiles_.path();
  supervisor_ =
      must(enroll_supervisor(scenario_, scenario_.supervisor_code, dir / "supervisor.db"), "supervisor");

  const auto contact_code = issue_code(*supervisor_, "/v1/enroll-codes", {{"role", "contact"}});
  contact_ = must(enroll_with(scenario_, contact_code, dir / "contact.db"), "contact enrolls");
  const auto sup_seen = must(redeemer_announce(*contact_, contact_code, kContactCode), "contact announces");
  must(issuer_confirm(*supervisor_, contact_code, kContactCode), "supervisor confirms contact");
  must(redeemer_confirm(*contact_, contact_code, kContactCode, sup_seen), "contact confirms supervisor");

  nlohmann::json created;
  const auto pairing_code = issue_code(*contact_, "/v1/cases", nlohmann::json::object(), &created);
  case_id_ = created["case_id"].get<std::string>();
  youth_ = must(redeem_pairing(scenario_, pairing_code, dir / "youth.db"), "youth redeems");
  const auto contact_seen = must(redeemer_announce(*youth_, pairing_code, kPairingCode), "youth announces");
  must(issuer_confirm(*contact_, pairing_code, kPairingCode), "contact confirms youth");
  must(redeemer_confirm(*youth_, pairing_code, kPairingCode, contact_seen), "youth confirms contact");

  must(vouch(*contact_, *supervisor_, youth_->device_id()), "contact vouches for youth");
  must(vouch(*contact_, *youth_, supervisor_->device_id()), "contact vouches for supervisor");
  contact_->trust_org_recovery_key(*supervisor_->org_recovery_key());  // vouched by the supervisor
  refresh_case();
}

void Org::refresh_case() {
  for (auto* p : {supervisor_.get(), contact_.get(), youth_.get()})
    must(p->refresh_case(case_id_), "refresh case");
}

}  // namespace sk::integration
