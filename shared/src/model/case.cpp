#include "sk/model/case.hpp"

#include <algorithm>
#include <set>

namespace sk::model {

namespace {

bool contains(const std::vector<PrincipalId>& ids, const PrincipalId& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}
}  // namespace

std::optional<Role> Case::role_of(const PrincipalId& principal) const {
  if (principal.empty()) return std::nullopt;
  if (principal == youth) return Role::kYouth;
  if (contains(contacts, principal)) return Role::kContact;
  if (contains(supervisors, principal)) return Role::kSupervisor;
  return std::nullopt;
}

std::vector<PrincipalId> Case::members_of(Audience audience) const {
  std::vector<PrincipalId> out;
  if (audience == Audience::kCase) out.push_back(youth);
  out.insert(out.end(), contacts.begin(), contacts.end());
  if (audience == Audience::kTeam || (audience == Audience::kYouthConsented && check_in_consent)) {
    out.insert(out.end(), supervisors.begin(), supervisors.end());
  }
  return out;
}

bool Case::can_read(const PrincipalId& principal, Audience audience) const {
  return !principal.empty() && contains(members_of(audience), principal);
}

Result<void> validate(const Case& c) {
  if (c.id.empty()) return fail("model.invalid", "case.id: is required");
  if (c.organisation.empty()) return fail("model.invalid", "case.organisation: is required");
  if (c.youth.empty()) return fail("model.invalid", "case.youth: is required");
  if (c.contacts.empty() || c.contacts.size() > 2) {
    return fail("model.invalid", "case.contacts: must list 1 or 2 contacts");
  }
  std::set<PrincipalId> seen{c.youth};
  for (const auto* list : {&c.contacts, &c.supervisors}) {
    for (const auto& p : *list) {
      if (p.empty() || !seen.insert(p).second) {
        return fail("model.invalid", std::string(list == &c.contacts ? "case.contacts" : "case.supervisors") +
                                         ": a person is listed twice or in two roles");
      }
    }
  }
  return {};
}

}  // namespace sk::model
