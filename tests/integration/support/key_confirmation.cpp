#include "support/key_confirmation.hpp"

#include "sk/core/encoding.hpp"

namespace sk::integration {

namespace {

std::optional<RelayedDevice> device_from_json(const nlohmann::json& j, const std::string& role) {
  if (!j.is_object()) return std::nullopt;
  auto keys = keys_from_json(j);
  if (!keys) return std::nullopt;
  return RelayedDevice{j["device_id"].get<std::string>(), j["principal_id"].get<std::string>(), role, *keys};
}

Bytes blob_from_json(const nlohmann::json& j) {
  if (!j.is_string()) return {};
  return base64url_decode(j.get<std::string>()).value_or(Bytes{});
}

Result<void> upload(DeviceProfile& me, const crypto::OneTimeCode& code, ByteView transcript) {
  auto r = me.http().put("/v1/codes/" + code.lookup() + "/confirmation",
                         {{"confirmation", base64url_encode(code.key_confirmation(transcript))}}, me.token());
  if (r.status != 200)
    return fail("e2e.http", "upload confirmation: " + std::to_string(r.status) + " " + r.body);
  return {};
}

}  // namespace

Result<RelayedCode> fetch_code(DeviceProfile& me, const std::string& lookup, const CodeRoles& roles) {
  auto r = me.http().get("/v1/codes/" + lookup, me.token());
  if (r.status != 200) return fail("e2e.http", "code status: " + std::to_string(r.status) + " " + r.body);
  RelayedCode out;
  out.status = r.json["status"].get<std::string>();
  out.issuer = device_from_json(r.json["issuer"], roles.issuer);
  out.redeemer = device_from_json(r.json["redeemer"], roles.redeemer);
  out.issuer_confirmation = blob_from_json(r.json["issuer_confirmation"]);
  out.redeemer_confirmation = blob_from_json(r.json["redeemer_confirmation"]);
  return out;
}

bool confirms(const crypto::OneTimeCode& code, std::string_view sender_role,
              const crypto::DevicePublicKeys& sender, const crypto::DevicePublicKeys& receiver,
              ByteView confirmation) {
  return code.verify_key_confirmation(crypto::pairing_transcript(sender_role, sender, receiver),
                                      confirmation);
}

Bytes org_transcript(std::string_view org_id, const crypto::X25519PublicKey& recovery) {
  const std::string_view label = "spillkontakt/enroll/org/v1";
  Bytes out(label.begin(), label.end());
  out.push_back(0);
  out.insert(out.end(), org_id.begin(), org_id.end());
  out.push_back(0);
  out.insert(out.end(), recovery.bytes.begin(), recovery.bytes.end());
  return out;
}

Result<crypto::X25519PublicKey> check_org_keys(const crypto::OneTimeCode& code,
                                               const nlohmann::json& enrolled) {
  const auto recovery = crypto::X25519PublicKey::from(blob_from_json(enrolled["org"]["recovery_x25519"]));
  if (!recovery) return fail("e2e.code", "the enroll response lacks the organisation's recovery key");
  const auto org_id = enrolled["org_id"].get<std::string>();
  if (!code.verify_key_confirmation(org_transcript(org_id, *recovery),
                                    blob_from_json(enrolled["issuer_confirmation"]))) {
    return fail("e2e.key_substitution", "the organisation's keys are not the ones the admin's code confirms");
  }
  return *recovery;
}

Result<RelayedDevice> redeemer_announce(DeviceProfile& redeemer, const crypto::OneTimeCode& code,
                                        const CodeRoles& roles) {
  auto seen = fetch_code(redeemer, code.lookup(), roles);
  if (!seen) return Unexpected{seen.error()};
  if (!seen->issuer) return fail("e2e.code", "the code has no issuing device");
  const auto transcript =
      crypto::pairing_transcript(roles.redeemer, redeemer.public_keys(), seen->issuer->keys);
  if (auto up = upload(redeemer, code, transcript); !up) return Unexpected{up.error()};
  return *seen->issuer;
}

Result<RelayedDevice> issuer_confirm(DeviceProfile& issuer, const crypto::OneTimeCode& code,
                                     const CodeRoles& roles) {
  auto seen = fetch_code(issuer, code.lookup(), roles);
  if (!seen) return Unexpected{seen.error()};
  if (!seen->redeemer) return fail("e2e.code", "the code was not redeemed yet");
  if (!confirms(code, roles.redeemer, seen->redeemer->keys, issuer.public_keys(),
                seen->redeemer_confirmation)) {
    return fail("e2e.key_substitution", "the redeemer's keys are not the ones the code holder sent");
  }
  if (auto t = issuer.trust_confirmed(*seen->redeemer); !t) return Unexpected{t.error()};
  const auto transcript =
      crypto::pairing_transcript(roles.issuer, issuer.public_keys(), seen->redeemer->keys);
  if (auto up = upload(issuer, code, transcript); !up) return Unexpected{up.error()};
  return *seen->redeemer;
}

Result<void> redeemer_confirm(DeviceProfile& redeemer, const crypto::OneTimeCode& code,
                              const CodeRoles& roles, const RelayedDevice& issuer) {
  auto seen = fetch_code(redeemer, code.lookup(), roles);
  if (!seen) return Unexpected{seen.error()};
  // Verify against the keys learned in step 1 (the ones this device sealed its confirmation to).
  if (!confirms(code, roles.issuer, issuer.keys, redeemer.public_keys(), seen->issuer_confirmation)) {
    return fail("e2e.key_substitution", "the issuer's keys are not the ones the code holder sent");
  }
  return redeemer.trust_confirmed(issuer);
}

}  // namespace sk::integration
