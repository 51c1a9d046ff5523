#include "support/sync_step.hpp"

#include <algorithm>
#include <set>

#include "sk/core/encoding.hpp"
#include "sk/model/codec.hpp"
#include "sk/model/rules.hpp"
#include "support/event_records.hpp"

namespace sk::integration {

namespace {

Error http_error(std::string_view what, const backend::test::HttpResult& r) {
  return Error{"e2e.http",
               std::string(what) + ": " + std::to_string(r.status) + " " + r.body + r.transport_error};
}

// The devices that may read `audience`: every trusted, unrevoked device of a member, the author's
// own devices (this one included, so a restored profile can read its history back), and for team
// events the organisation's recovery key.
// LAYER MISMATCH: model::Case::members_of(kYouthConsented) leaves the youth out, while the backend
// (docs/api.md) lets the youth fetch its own check-ins; adding the author's devices covers it.
Result<std::vector<crypto::DevicePublicKeys>> recipients_for(DeviceProfile& me, const model::Case& c,
                                                             model::Audience audience) {
  const auto members = c.members_of(audience);
  auto peers = me.store().peers();
  if (!peers) return Unexpected{peers.error()};
  std::vector<crypto::DevicePublicKeys> out{me.public_keys()};
  std::set<crypto::KeyId> ids{crypto::key_id(me.public_keys().encryption)};
  auto add = [&](const crypto::DevicePublicKeys& keys) {
    if (ids.insert(crypto::key_id(keys.encryption)).second) out.push_back(keys);
  };
  for (const auto& p : *peers) {
    if (p.revoked) continue;
    const bool member = p.principal_id == me.principal_id() ||
                        std::any_of(members.begin(), members.end(),
                                    [&](const model::PrincipalId& m) { return m.str() == p.principal_id; });
    if (!member) continue;
    add(crypto::DevicePublicKeys{*crypto::Ed25519PublicKey::from(p.sign_public_key),
                                 *crypto::X25519PublicKey::from(p.box_public_key)});
  }
  if (audience == model::Audience::kTeam && me.org_recovery_key()) {
    // LAYER GAP: seal() takes DevicePublicKeys although it uses only the X25519 half; the
    // recovery key has no Ed25519 key, so the signing half is left zero.
    add(crypto::DevicePublicKeys{crypto::Ed25519PublicKey{}, *me.org_recovery_key()});
  }
  return out;
}

// Why a fetched, opened event may not be stored: it must be exactly what its routing metadata
// says, and its author must be allowed to write it in this case.
std::optional<std::string> misplaced(const model::Event& e, const nlohmann::json& routed,
                                     const RelayedDevice& author, const model::Case& c) {
  if (e.id.str() != routed["event_id"].get<std::string>()) return "event id differs from the routed one";
  if (e.device.str() != author.device_id) return "author device differs from the sealing device";
  if (e.author.str() != author.principal_id) return "author principal does not own the sealing device";
  const auto audience = model::audience_of(e.kind());
  if (!audience || model::to_string(*audience) != routed["audience"].get<std::string>())
    return "audience differs";
  if (auto ok = model::check_author(e, c); !ok) return ok.error().message;
  return std::nullopt;
}

struct Opened {
  std::optional<store::EventRecord> record;
  bool not_for_me = false;
  std::string rejected;
};

Opened open_one(DeviceProfile& me, const model::Case& c, const std::string& case_id,
                const nlohmann::json& routed) {
  const std::string event_id = routed["event_id"].get<std::string>();
  const std::string audience = routed["audience"].get<std::string>();
  auto author = me.trusted(routed["author_device"].get<std::string>());
  if (!author) return {{}, false, author.error().message};
  if (!author->has_value()) return {{}, false, "author device is not trusted"};
  const auto envelope = base64url_decode(routed["envelope"].get<std::string>());
  if (!envelope) return {{}, false, "envelope is not base64url"};

  const auto context = envelope_context(case_id, event_id, audience);
  const crypto::Expectation expect{(*author)->keys, envelope_kind_for(audience), context};
  auto opened = crypto::open(*envelope, me.identity(), expect, me.cache());
  if (!opened) {
    if (opened.error() == crypto::OpenError::not_recipient) return {{}, true, {}};
    return {{}, false, std::string(crypto::error_code(opened.error()))};
  }
  auto event = model::decode_event(to_string(opened->plaintext.view()));
  if (!event) return {{}, false, event.error().message};
  if (auto why = misplaced(*event, routed, **author, c)) return {{}, false, *why};
  auto record = to_record(*event);
  if (!record) return {{}, false, record.error().message};
  record->server_seq = routed["seq"].get<std::int64_t>();
  record->received_at_ms = routed["received_at"].get<std::int64_t>();
  return {std::move(*record), false, {}};
}

}  // namespace

Bytes envelope_context(std::string_view case_id, std::string_view event_id, std::string_view audience) {
  Bytes out(case_id.begin(), case_id.end());
  out.push_back(0);
  out.insert(out.end(), event_id.begin(), event_id.end());
  out.push_back(0);
  out.insert(out.end(), audience.begin(), audience.end());
  return out;
}

crypto::EnvelopeKind envelope_kind_for(std::string_view audience) {
  return audience == model::to_string(model::Audience::kTeam) ? crypto::EnvelopeKind::record
                                                              : crypto::EnvelopeKind::chat;
}

Result<Acknowledged> push_one(DeviceProfile& me, const store::EventRecord& record) {
  const auto audience = model::audience_from_string(record.audience);
  if (!audience)
    return fail("e2e.bad_record", "event " + record.event_id + ": unknown audience " + record.audience);
  auto c = case_of(me.store(), record.case_id);
  if (!c) return Unexpected{c.error()};
  auto recipients = recipients_for(me, *c, *audience);
  if (!recipients) return Unexpected{recipients.error()};
  // Re-encode through the model so the sealed bytes are the canonical event, whatever the row holds.
  auto event = to_event(record);
  if (!event) return Unexpected{event.error()};
  auto plaintext = model::encode_event(*event);
  if (!plaintext) return Unexpected{plaintext.error()};

  auto envelope = crypto::seal(me.identity(), *recipients, envelope_kind_for(record.audience),
                               envelope_context(record.case_id, record.event_id, record.audience),
                               as_bytes(*plaintext), me.cache());
  if (!envelope) return Unexpected{envelope.error()};
  auto r = me.http().post("/v1/cases/" + record.case_id + "/events",
                          {{"event_id", record.event_id},
                           {"audience", record.audience},
                           {"envelope", base64url_encode(*envelope)}},
                          me.token());
  if (r.status != 201 && r.status != 200) return Unexpected{http_error("append", r)};
  return Acknowledged{r.json["seq"].get<std::int64_t>(), r.json["received_at"].get<std::int64_t>(),
                      r.json.value("duplicate", false)};
}

Result<std::size_t> push_pending(DeviceProfile& me) {
  auto pending = me.store().next_pending(100);
  if (!pending) return Unexpected{pending.error()};
  std::vector<std::string> ids;
  for (const auto& entry : *pending) ids.push_back(entry.event.event_id);
  if (auto m = me.store().mark_in_flight(ids); !m) return Unexpected{m.error()};
  std::size_t sent = 0;
  for (const auto& entry : *pending) {
    auto ack = push_one(me, entry.event);
    if (!ack) {
      // Keeps its place in the queue; the sync engine would back off and retry.
      (void)me.store().mark_failed(entry.event.event_id, ack.error().code);
      return Unexpected{ack.error()};
    }
    if (auto m = me.store().mark_sent(entry.event.event_id, ack->seq, ack->received_at_ms); !m) {
      return Unexpected{m.error()};
    }
    ++sent;
  }
  return sent;
}

Result<PullReport> pull(DeviceProfile& me, const std::string& case_id, int wait_seconds, int page_limit) {
  auto c = case_of(me.store(), case_id);
  if (!c) return Unexpected{c.error()};
  PullReport report;
  for (bool first = true;; first = false) {
    auto cursor = me.store().cursor(case_id);
    if (!cursor) return Unexpected{cursor.error()};
    auto r = me.http().get("/v1/cases/" + case_id + "/events?after=" + std::to_string(*cursor) +
                               "&limit=" + std::to_string(page_limit) +
                               "&wait=" + std::to_string(first ? wait_seconds : 0),
                           me.token());
    if (r.status != 200) return Unexpected{http_error("fetch", r)};
    std::vector<store::EventRecord> batch;
    for (const auto& routed : r.json["events"]) {
      ++report.fetched;
      auto one = open_one(me, *c, case_id, routed);
      if (one.record) {
        batch.push_back(std::move(*one.record));
      } else if (one.not_for_me) {
        ++report.not_for_me;
      } else {
        report.rejected.push_back(routed["event_id"].get<std::string>() + ": " + one.rejected);
      }
    }
    // Envelopes this device can't or won't store are passed over: the cursor moves past them.
    auto applied = me.store().apply_remote_events(case_id, batch, r.json["next_after"].get<std::int64_t>());
    if (!applied) return Unexpected{applied.error()};
    report.applied += batch.size();
    if (!r.json["more"].get<bool>()) return report;
  }
}

Result<model::Case> case_of(store::Store& store, const std::string& case_id) {
  auto record = store.find_case(case_id);
  if (!record) return Unexpected{record.error()};
  if (!record->has_value()) return fail("e2e.unknown_case", "case " + case_id + " is not in the store");
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

}  // namespace sk::integration
