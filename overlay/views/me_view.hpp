#pragma once
// "Me": what I like and what I am good at, and wishes or topics for the next session, in the
// youth's own words. The contact reads them on the case screen.

#include <string>

#include "app/screen_models.hpp"
#include "views/view_context.hpp"

namespace sk::app {

struct MeViewState {
  std::string new_like;
  std::string new_good_at;
  std::string new_wish;
};

void draw_me(const ViewContext& ctx, const CaseScreens& screens, MeViewState& state);

}  // namespace sk::app
