#pragma once
// Display names of the people in a case, as this device knows them, and the "who can see this"
// line every screen shows. The store keeps one label per case (the youth's nickname on a
// contact's device, the contact's name on the youth's); the device's own nickname comes from its
// identity.

#include <map>
#include <string>
#include <vector>

#include "sk/model/audience.hpp"
#include "sk/model/case.hpp"

namespace sk::app {

class NameBook {
 public:
  void set(const model::PrincipalId& who, std::string name) { names_[who] = std::move(name); }
  // The known name, or an empty string (the view then says "your contact" / "a colleague").
  [[nodiscard]] const std::string& name_of(const model::PrincipalId& who) const;

 private:
  std::map<model::PrincipalId, std::string> names_;
  std::string empty_;
};

// Who can read events of `audience`, worded for `viewer`: a catalog key and its {0} argument.
struct AudienceLabel {
  const char* key;    // e.g. "who.youth.case" = "Only you and {0} can see this"
  std::string names;  // "Kari" or "Kari and Ola"; joined with the catalog's "word.and"
};

// The known names of `people` other than `viewer`, joined with `and_word` ("Kari and Ola");
// empty when none is known.
std::string join_names(const std::vector<model::PrincipalId>& people, const model::PrincipalId& viewer,
                       const NameBook& names, const char* and_word);

AudienceLabel who_can_see(model::Audience audience, const model::Case& c, const model::PrincipalId& viewer,
                          const NameBook& names, const char* and_word);

}  // namespace sk::app
