#pragma once
// One youth, on the contact's device: the chat on the left; on the right the sessions (schedule
// one-off or weekly, reschedule, cancel, attended / no-show, .ics export), the youth's answers
// and wishes, interests, the check-in trend with its tags, and a fresh pairing code for the
// youth's new device.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/connection.hpp"
#include "app/screen_models.hpp"
#include "views/chat_view.hpp"
#include "views/view_context.hpp"

namespace sk::app {

struct CaseViewState {
  ChatViewState chat;
  // The schedule form.
  std::string title = "Minecraft";
  int day_offset = 1;  // days from today
  int hour = 18, minute = 0;
  int duration = 60;
  bool weekly = true;
  int weeks = 8;
  std::string reschedule_key;  // the meeting whose "move" row is open
  int move_days = 1;
  std::string export_note;
  // The case's codes when "make a new code" was clicked: any other code is the fresh one, shown
  // until it is used ("joined"). Empty until the button is clicked.
  std::optional<std::set<std::string>> codes_before_new;
};

// `invitations`: the pairing codes made on this device; the case shows its own waiting ones
// beside the "fresh code for a new device" button.
void draw_case(const ViewContext& ctx, const CaseScreens& screens,
               const std::vector<InvitationView>& invitations, CaseViewState& state);

}  // namespace sk::app
