#pragma once
// Who may read an event. The server lets only audience members fetch an envelope, so a youth
// never learns that notes exist.
//   case             the youth and the contacts
//   team             the contacts and the supervisors (plus the organisation's recovery key)
//   youth_consented  the contacts, plus the supervisors if the youth allowed it (check-ins)

#include <optional>
#include <string_view>

namespace sk::model {

enum class Audience { kCase, kTeam, kYouthConsented };

std::string_view to_string(Audience audience);  // "case", "team", "youth_consented"
std::optional<Audience> audience_from_string(std::string_view text);

}  // namespace sk::model
