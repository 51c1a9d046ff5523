#include "core/feed/event_bridge.hpp"

#include <nlohmann/json.hpp>

#include "sk/model/codec.hpp"
#include "sk/model/rules.hpp"

namespace sk::app {

Result<model::Event> to_event(const store::EventRecord& r) {
  nlohmann::json j;
  try {
    j = nlohmann::json{{"author", {{"device", r.author_device_id}, {"principal", r.author_principal_id}}},
                       {"body", nlohmann::json::parse(r.body_json)},
                       {"case_id", r.case_id},
                       {"created_at", r.created_at_ms},
                       {"id", r.event_id},
                       {"kind", r.kind}};
  } catch (const nlohmann::json::exception&) {
    return fail("model.invalid", "event " + r.event_id + ": body is not JSON");
  }
  return model::decode_event(j.dump());
}

Result<store::EventRecord> to_record(const model::Event& event) {
  auto audience = model::audience_of(event.kind());
  if (!audience) return fail("model.invalid", "event: an unknown kind can't be written");
  auto text = model::encode_event(event);
  if (!text) return Unexpected{text.error()};
  store::EventRecord r;
  try {
    auto j = nlohmann::json::parse(*text);
    r.body_json = j.at("body").dump();
  } catch (const nlohmann::json::exception&) {
    return fail("model.invalid", "event: encoded event has no body");
  }
  r.event_id = event.id.str();
  r.case_id = event.case_id.str();
  r.kind = std::string(model::to_string(event.kind()));
  r.author_principal_id = event.author.str();
  r.author_device_id = event.device.str();
  r.audience = std::string(model::to_string(*audience));
  r.created_at_ms = event.created_at.unix_ms;
  return r;
}

Result<model::Case> to_case(const store::CaseRecord& record) {
  model::Case c;
  auto id = model::CaseId::parse(record.case_id);
  auto org = model::OrganisationId::parse(record.org_id);
  auto youth = model::PrincipalId::parse(record.youth_principal_id);
  if (!id || !org || !youth) return fail("model.invalid", "case " + record.case_id + ": bad id");
  c.id = *id;
  c.organisation = *org;
  c.youth = *youth;
  c.check_in_consent = record.checkin_consent;
  for (const auto& m : record.members) {
    auto p = model::PrincipalId::parse(m.principal_id);
    if (!p) return fail("model.invalid", "case " + record.case_id + ": bad member id");
    if (m.role == "contact")
      c.contacts.push_back(*p);
    else if (m.role == "supervisor")
      c.supervisors.push_back(*p);
  }
  if (auto ok = model::validate(c); !ok) return Unexpected{ok.error()};
  return c;
}

}  // namespace sk::app
