#pragma once
// ScreenModels: every view model the current screens draw, rebuilt from the Workspace only when
// the store changed or a visible time changed, never inside a draw call.

#include <cstdint>
#include <optional>
#include <string>

#include "core/time/local_time.hpp"
#include "core/workspace.hpp"
#include "view_models/caseload_view_model.hpp"
#include "view_models/chat_view_model.hpp"
#include "view_models/names.hpp"
#include "view_models/sessions_view_model.hpp"
#include "view_models/wellbeing_view_model.hpp"

namespace sk::app {

// One case as the current screens show it (the youth's own case, or the contact's selected one).
struct CaseScreens {
  model::CaseId case_id;
  std::string other_name;  // the contact's name on a youth's device, the youth's on a contact's
  ChatViewModel chat;
  SessionsViewModel sessions;
  WellbeingViewModel wellbeing;
  AudienceLabel case_audience;     // chat, sessions, wishes, interests
  AudienceLabel checkin_audience;  // check-ins
  bool check_in_consent = false;
};

struct ScreenModels {
  std::optional<CaseScreens> current;
  CaseloadViewModel caseload;  // contacts
  std::size_t unread_total = 0;
  std::optional<Countdown> countdown;  // to current->sessions.next
};

// `unnamed` stands in for the other side's name until this device learns it ("your game
// contact"). `selected` picks the case on a contact's device (the first one when empty); a youth has one.
ScreenModels build_screen_models(const Workspace& ws, const std::optional<model::CaseId>& selected,
                                 std::int64_t now_ms, const std::string& zone, const char* and_word,
                                 const char* unnamed, CaseloadSort sort);

}  // namespace sk::app
