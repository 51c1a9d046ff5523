#pragma once
// The check-in: five faces, optional tags, an optional line; at most three clicks from the bar
// (open, face, send). After the lowest face the help panel opens, gently. Below, the strip of
// the last four weeks.

#include <optional>
#include <set>
#include <string>

#include "app/screen_models.hpp"
#include "views/view_context.hpp"

namespace sk::app {

struct CheckInViewState {
  std::optional<int> mood;
  std::set<std::string> tags;
  std::string line;
  bool sent = false;  // "thanks" until the next change
};

void draw_check_in(const ViewContext& ctx, const CaseScreens& screens, CheckInViewState& state);
// The strip alone (also on the contact's case screen).
void draw_check_in_strip(const ViewContext& ctx, const WellbeingViewModel& vm);

}  // namespace sk::app
