#pragma once
// The expanded panel and the desk window: a row of tabs for the role, then the current screen.
// This is the one place that lists the screens (ImHex's registerViews); each screen is drawn by
// its own view file.

#include "app/screen_models.hpp"
#include "core/help/crisis_lines.hpp"
#include "views/case_view.hpp"
#include "views/caseload_view.hpp"
#include "views/chat_view.hpp"
#include "views/check_in_view.hpp"
#include "views/enroll_view.hpp"
#include "views/first_start_view.hpp"
#include "views/lock_view.hpp"
#include "views/me_view.hpp"
#include "views/sessions_view.hpp"
#include "views/settings_view.hpp"
#include "views/view_context.hpp"

namespace sk::app {

// UI-only state of every view (drafts, open rows), kept by the App between frames.
struct ViewStates {
  FirstStartState first_start;
  EnrollState enroll;
  LockState lock;
  ChatViewState chat;
  SessionsViewState sessions;
  CheckInViewState check_in;
  MeViewState me;
  SettingsViewState settings;
  CaseViewState case_view;
  CaseloadSort caseload_sort = CaseloadSort::kName;
  InviteState invite;
  bool help_after_low = false;
};

struct PanelInput {
  Screen screen;
  model::Role role;
  const ScreenModels& models;
  const AppSettings& settings;
  const CrisisTable& crisis;
  const std::vector<InvitationView>& invitations;
  bool compact_available;  // the panel can fold back into the bar
};

void draw_panel(const ViewContext& ctx, const PanelInput& in, ViewStates& states);

}  // namespace sk::app
