#include "core/feed/event_bridge.hpp"

#include "sk/client/event_records.hpp"

namespace sk::app {

// The record <-> event seam is backend-client's (event_records.hpp), so the app writes exactly
// the rows the sync engine seals and reads exactly what it stored.
Result<model::Event> to_event(const store::EventRecord& record) {
  return client::to_event(record);
}

Result<store::EventRecord> to_record(const model::Event& event) {
  return client::to_record(event);
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
