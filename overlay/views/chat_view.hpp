#pragma once
// The chat with the contact (or, on a contact's device, with the youth): bubbles with time and
// delivery (not yet sent / delivered / read), stickers, and a line to write in.

#include <string>

#include "app/screen_models.hpp"
#include "views/view_context.hpp"

namespace sk::app {

struct ChatViewState {
  std::string draft;
  std::size_t lines_seen = 0;  // scroll to the bottom when new lines arrive
  bool stickers_open = false;
  bool focus_draft = true;  // put the cursor in the message line when the chat opens
};

void draw_chat(const ViewContext& ctx, const CaseScreens& screens, ChatViewState& state);

}  // namespace sk::app
