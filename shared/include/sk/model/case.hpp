#pragma once
// A case: one youth, one or two game contacts (a mini-team), and the organisation's supervisors.
// Membership decides each person's role inside the case and who belongs to each audience.

#include <optional>
#include <vector>

#include "sk/core/result.hpp"
#include "sk/model/audience.hpp"
#include "sk/model/principal.hpp"
#include "sk/model/strong_id.hpp"

namespace sk::model {

struct Case {
  CaseId id;
  OrganisationId organisation;
  PrincipalId youth;
  std::vector<PrincipalId> contacts;     // 1..2
  std::vector<PrincipalId> supervisors;  // the organisation's supervisors; may be empty
  bool check_in_consent = false;         // the youth lets supervisors read their check-ins

  // The member's role in this case, or nullopt for a stranger.
  [[nodiscard]] std::optional<Role> role_of(const PrincipalId& principal) const;
  // Everyone who may read events of `audience`, in a stable order (youth, contacts, supervisors).
  [[nodiscard]] std::vector<PrincipalId> members_of(Audience audience) const;
  [[nodiscard]] bool can_read(const PrincipalId& principal, Audience audience) const;

  friend bool operator==(const Case&, const Case&) = default;
};

// model.invalid when: no youth, 0 or more than 2 contacts, a person listed twice or in two roles.
Result<void> validate(const Case& c);

}  // namespace sk::model
