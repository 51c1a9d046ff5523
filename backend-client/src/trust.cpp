#include "trust.hpp"

#include <algorithm>
#include <chrono>
#include <set>

#include "sk/client/event_records.hpp"
#include "sk/core/encoding.hpp"
#include "sk/model/rules.hpp"

namespace sk::client {

namespace {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Bytes to_bytes(ByteView v) {
  return {v.begin(), v.end()};
}

}  // namespace

Result<std::optional<TrustedDevice>> trusted(store::Store& store, const Self& self,
                                             const std::string& device_id) {
  if (device_id == self.device_id)
    return std::optional<TrustedDevice>(
        TrustedDevice{self.device_id, self.principal_id, self.role, self.keys});
  auto peer = store.find_peer(device_id);
  if (!peer) return Unexpected{peer.error()};
  if (!peer->has_value() || (*peer)->revoked) return std::optional<TrustedDevice>{};
  const auto& p = **peer;
  auto signing = crypto::Ed25519PublicKey::from(p.sign_public_key);
  auto encryption = crypto::X25519PublicKey::from(p.box_public_key);
  if (!signing || !encryption) return fail("client.bad_peer", "stored peer keys have the wrong size");
  return std::optional<TrustedDevice>(
      TrustedDevice{p.device_id, p.principal_id, p.role, {*signing, *encryption}});
}

Result<void> trust_confirmed(store::Store& store, const api::RelayedDevice& device, const std::string& role) {
  store::Peer p;
  p.device_id = device.device_id;
  p.principal_id = device.principal_id;
  p.role = role;
  p.sign_public_key = to_bytes(device.keys.signing.view());
  p.box_public_key = to_bytes(device.keys.encryption.view());
  p.verified_by = store::Verification::kCode;
  p.revoked = device.revoked;
  p.added_at_ms = now_ms();
  return store.upsert_peer(p);
}

Result<std::vector<crypto::DevicePublicKeys>> recipients(store::Store& store, const Self& self,
                                                         const model::Case& c, model::Audience audience) {
  auto members = c.members_of(audience);
  // The youth may read their own check-ins (docs/api.md, audiences), though the model's
  // members_of(youth_consented) lists only who else may.
  if (audience == model::Audience::kYouthConsented) members.push_back(c.youth);
  auto peers = store.peers();
  if (!peers) return Unexpected{peers.error()};
  std::vector<crypto::DevicePublicKeys> out{self.keys};
  std::set<crypto::KeyId> ids{crypto::key_id(self.keys.encryption)};
  auto add = [&](const crypto::DevicePublicKeys& keys) {
    if (ids.insert(crypto::key_id(keys.encryption)).second) out.push_back(keys);
  };
  for (const auto& p : *peers) {
    if (p.revoked) continue;
    const bool member = p.principal_id == self.principal_id ||
                        std::any_of(members.begin(), members.end(),
                                    [&](const model::PrincipalId& m) { return m.str() == p.principal_id; });
    if (!member) continue;
    add({*crypto::Ed25519PublicKey::from(p.sign_public_key),
         *crypto::X25519PublicKey::from(p.box_public_key)});
  }
  if (audience == model::Audience::kTeam) {
    auto org = store.org_keys();
    if (!org) return Unexpected{org.error()};
    // The recovery key has no signing half; seal() uses only the X25519 key of a recipient.
    if (*org) add({crypto::Ed25519PublicKey{}, *crypto::X25519PublicKey::from((*org)->recovery_x25519)});
  }
  return out;
}

Result<bool> absorb_vouch(store::Store& store, const model::Case& c, const model::KeyVouch& vouch,
                          const std::string& voucher_device_id, std::vector<std::string>& warnings) {
  bool added = false;
  for (const auto& d : vouch.devices) {
    const auto role = c.role_of(d.principal);
    if (!role || *role != d.role) continue;  // only members of this case, in their own role
    const auto ed = base64url_decode(d.ed25519);
    const auto x = base64url_decode(d.x25519);
    if (!ed || !x) continue;  // validate_event checked them; belt and braces
    auto known = store.find_peer(d.device.str());
    if (!known) return Unexpected{known.error()};
    if (known->has_value()) {
      if ((*known)->sign_public_key != *ed || (*known)->box_public_key != *x)
        warnings.push_back("a vouch names new keys for a device already trusted; they are not trusted");
      continue;
    }
    store::Peer p;
    p.device_id = d.device.str();
    p.principal_id = d.principal.str();
    p.role = std::string(model::to_string(d.role));
    p.sign_public_key = *ed;
    p.box_public_key = *x;
    p.verified_by = store::Verification::kVouched;
    p.vouched_by_device_id = voucher_device_id;
    p.added_at_ms = now_ms();
    if (auto up = store.upsert_peer(p); !up) return Unexpected{up.error()};
    added = true;
  }
  return added;
}

Result<VouchPlan> plan_vouches(store::Store& store, const Self& self, const model::Case& c,
                               const std::set<std::string>& already_case,
                               const std::set<std::string>& already_team) {
  VouchPlan plan;
  if (self.role == "youth") return plan;
  bool case_grew = false;
  bool team_grew = false;
  auto peers = store.peers();
  if (!peers) return Unexpected{peers.error()};
  for (const auto& p : *peers) {
    if (p.revoked) continue;
    const model::PrincipalId principal(p.principal_id);
    const auto role = c.role_of(principal);
    if (!role || std::string(model::to_string(*role)) != p.role) continue;
    const model::VouchedDevice d{model::DeviceId(p.device_id), principal, *role,
                                 base64url_encode(p.sign_public_key), base64url_encode(p.box_public_key)};
    if (self.role == "contact") {
      plan.for_case.push_back(d);
      case_grew |= !already_case.contains(p.device_id);
    }
    plan.for_team.push_back(d);
    team_grew |= !already_team.contains(p.device_id);
  }
  if (!case_grew) plan.for_case.clear();
  if (!team_grew) plan.for_team.clear();
  return plan;
}

Result<std::vector<std::string>> apply_directory(store::Store& store, const api::KeyDirectory& directory,
                                                 const std::string& label) {
  store::CaseRecord record;
  record.case_id = directory.case_id;
  record.org_id = directory.org_id;
  record.label = label;
  record.checkin_consent = directory.youth_consent;
  std::vector<std::string> warnings;
  for (const auto& m : directory.members) {
    if (m.role == "youth") record.youth_principal_id = m.principal_id;
    record.members.push_back({m.principal_id, m.role});
    for (const auto& d : m.devices) {
      auto known = store.find_peer(d.device_id);
      if (!known) return Unexpected{known.error()};
      if (!known->has_value()) continue;
      const auto& p = **known;
      if (p.sign_public_key != to_bytes(d.keys.signing.view()) ||
          p.box_public_key != to_bytes(d.keys.encryption.view())) {
        warnings.push_back("the server shows new keys for a device of a " + m.role +
                           " in this case; they are not trusted");
      } else if (d.revoked && !p.revoked) {
        if (auto r = store.revoke_peer(d.device_id); !r) return Unexpected{r.error()};
      }
    }
  }
  if (auto ok = store.upsert_case(record); !ok) return Unexpected{ok.error()};
  return warnings;
}

Result<model::Case> case_of(store::Store& store, const std::string& case_id) {
  auto record = store.find_case(case_id);
  if (!record) return Unexpected{record.error()};
  if (!record->has_value()) return fail("client.unknown_case", "case " + case_id + " is not in the store");
  const auto& r = **record;
  model::Case c;
  c.id = model::CaseId(r.case_id);
  c.organisation = model::OrganisationId(r.org_id);
  c.youth = model::PrincipalId(r.youth_principal_id);
  c.check_in_consent = r.checkin_consent;
  for (const auto& m : r.members) {
    if (m.role == "contact") c.contacts.emplace_back(m.principal_id);
    if (m.role == "supervisor") c.supervisors.emplace_back(m.principal_id);
  }
  if (auto ok = model::validate(c); !ok) return Unexpected{ok.error()};
  return c;
}

Result<model::CaseState> fold_case(store::Store& store, const std::string& case_id) {
  auto c = case_of(store, case_id);
  if (!c) return Unexpected{c.error()};
  model::CaseState state(*c);
  std::int64_t cursor = 0;
  for (;;) {
    auto page = store.events_after(case_id, cursor, 1000);
    if (!page) return Unexpected{page.error()};
    if (page->events.empty()) return state;
    for (const auto& row : page->events) {
      auto event = to_event(row.event);
      if (!event) return Unexpected{event.error()};
      state.apply(*event, row.event.server_seq);
    }
    cursor = page->next_cursor;
  }
}

}  // namespace sk::client
