#include "view_models/names.hpp"

namespace sk::app {

const std::string& NameBook::name_of(const model::PrincipalId& who) const {
  auto it = names_.find(who);
  return it == names_.end() ? empty_ : it->second;
}

std::string join_names(const std::vector<model::PrincipalId>& people, const model::PrincipalId& viewer,
                       const NameBook& names, const char* and_word) {
  std::string joined;
  for (const auto& p : people) {
    if (p == viewer) continue;
    const std::string& n = names.name_of(p);
    if (n.empty()) continue;
    if (!joined.empty()) joined += std::string(" ") + and_word + " ";
    joined += n;
  }
  return joined;
}

AudienceLabel who_can_see(model::Audience audience, const model::Case& c, const model::PrincipalId& viewer,
                          const NameBook& names, const char* and_word) {
  const std::string contacts = join_names(c.contacts, viewer, names, and_word);
  bool viewer_is_youth = viewer == c.youth;
  if (viewer_is_youth) {
    switch (audience) {
      case model::Audience::kCase:
        return {contacts.empty() ? "who.youth.case_unnamed" : "who.youth.case", contacts};
      case model::Audience::kYouthConsented:
        if (c.check_in_consent) {
          return {contacts.empty() ? "who.youth.checkin_team_unnamed" : "who.youth.checkin_team", contacts};
        }
        return {contacts.empty() ? "who.youth.checkin_unnamed" : "who.youth.checkin", contacts};
      case model::Audience::kTeam:
        return {"who.youth.team", contacts};
    }
  }
  std::string youth = names.name_of(c.youth);
  switch (audience) {
    case model::Audience::kCase:
      return {"who.contact.case", youth};
    case model::Audience::kYouthConsented:
      return {c.check_in_consent ? "who.contact.checkin_team" : "who.contact.checkin", youth};
    case model::Audience::kTeam:
      return {"who.contact.team", youth};
  }
  return {"who.contact.case", youth};
}

}  // namespace sk::app
