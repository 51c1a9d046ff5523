#pragma once
// The youth's sessions: the next one large (game, day and time, countdown), then the coming
// meetings. Each can be accepted, or answered "not today" with one click (a kind message is
// optional, never asked for), or answered with another time that would suit better: a day of
// the coming week and a time in half hours, no typing (a session_time_suggested event).

#include <string>

#include "app/screen_models.hpp"
#include "views/view_context.hpp"

namespace sk::app {

struct SessionsViewState {
  std::string kind_message;    // after "not today", optional
  int suggest_day = 0;         // days from today, 0..6
  int suggest_minute = -1;     // local minute of the day; -1: start from the meeting's own time
  std::string declined_key;    // the meeting just answered "not today"
  std::string suggesting_key;  // the meeting whose suggestion box is open
};

void draw_sessions(const ViewContext& ctx, const CaseScreens& screens, SessionsViewState& state);

}  // namespace sk::app
