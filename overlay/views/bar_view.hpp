#pragma once
// The compact bar beside the game: the next session as a countdown, unread messages, and the
// check-in, help and open-panel buttons. One row, nothing that asks for typing, so it never
// needs the keyboard focus.

#include "app/screen_models.hpp"
#include "views/view_context.hpp"

namespace sk::app {

void draw_bar(const ViewContext& ctx, const ScreenModels& models, bool pinned);

}  // namespace sk::app
