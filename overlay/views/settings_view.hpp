#pragma once
// Settings: language, size, opacity, hotkeys, reminder, start at login, and for a youth the app
// PIN and "send seen". Every change applies at once (ChangeSettings).

#include <optional>
#include <string>

#include "core/settings/app_settings.hpp"
#include "views/view_context.hpp"

namespace sk::app {

struct SettingsViewState {
  std::string hotkey_text;  // edited copy; applied when it parses
  std::string hide_text;
  std::string new_pin;
  std::string hotkey_error;
  std::optional<std::string> reply_hours;  // contacts: edited copy, saved with its button
};

void draw_settings(const ViewContext& ctx, const AppSettings& settings, bool youth, SettingsViewState& state);

}  // namespace sk::app
