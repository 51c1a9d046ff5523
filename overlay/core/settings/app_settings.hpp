#pragma once
// AppSettings: what the user can change, kept per profile in the store's ui_settings table
// (key/value text, so it stays readable with any SQLite tool).
//
// Rules:
//  - One table, kSettingKeys, names every key with its default and meaning; the parser, the
//    writer and docs/app.md follow it (a test checks the docs list every key).
//  - Parsing is locale-independent ("0.9" is 0.9 on an nb_NO machine too) and forgiving: a
//    missing, malformed or out-of-range value falls back to its default, never to an error, so
//    a hand-edited value can't keep the app from starting.

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/i18n/translator.hpp"

namespace sk::app {

enum class WindowMode { kCompact, kExpanded, kWindow };
std::string_view to_string(WindowMode mode);  // "compact", "expanded", "window"

struct WindowPlace {
  int x = -1, y = -1;  // -1: let the app choose (top right corner of the primary monitor)
  int width = 0, height = 0;
  friend bool operator==(const WindowPlace&, const WindowPlace&) = default;
};

struct AppSettings {
  Language language = Language::kNorwegianBokmal;
  float ui_scale = 1.0f;  // 0.75..2.0
  float opacity = 0.94f;  // kMinOpacity..1
  WindowMode mode = WindowMode::kCompact;
  bool pinned = false;  // compact bar lets clicks through to the game
  std::string hotkey = "Ctrl+Shift+S";
  std::string hide_hotkey = "Ctrl+Shift+H";
  int reminder_minutes = 15;  // 0 = no reminder
  bool autostart = false;
  bool send_seen = true;
  int lock_minutes = 10;    // contacts: lock after this long without input
  std::string reply_hours;  // contacts: when I usually answer, shown to the youth (0..100)
  std::string pin_hash;     // youth: optional app PIN (hex of a salted PBKDF2), empty = none
  std::string pin_salt;
  std::array<WindowPlace, 3> places{WindowPlace{-1, -1, 0, 0}, WindowPlace{-1, -1, 0, 0},
                                    WindowPlace{-1, -1, 0, 0}};  // per WindowMode

  friend bool operator==(const AppSettings&, const AppSettings&) = default;
};

struct SettingKey {
  std::string_view key;
  std::string_view default_text;
  std::string_view meaning;
};

inline constexpr std::array<SettingKey, 14> kSettingKeys{{
    {"ui.language", "nb", "nb, en or sv"},
    {"ui.scale", "1.0", "text and widget scale, 0.75 to 2.0"},
    {"ui.opacity", "0.94", "window opacity, 0.80 to 1.0"},
    {"ui.mode", "compact", "compact, expanded or window"},
    {"ui.pinned", "false", "the compact bar lets clicks through to the game"},
    {"ui.hotkey", "Ctrl+Shift+S", "global show/hide and make-interactive hotkey"},
    {"ui.hide_hotkey", "Ctrl+Shift+H", "instant hide for shared PCs"},
    {"ui.reminder_minutes", "15", "one reminder this many minutes before a session, 0 for none"},
    {"ui.autostart", "false", "start when I log in"},
    {"ui.send_seen", "true", "youth: let the contact see when a message was read"},
    {"ui.lock_minutes", "10", "contacts: lock after this many minutes without input"},
    {"ui.reply_hours", "", "contacts: when I usually answer, shown to the youth"},
    {"ui.pin", "", "youth: salted hash of the optional app PIN (with ui.pin_salt)"},
    {"ui.place.<mode>", "-1,-1,w,h", "last position and size of each mode (x,y,width,height)"},
}};

using SettingLookup = std::function<std::optional<std::string>(std::string_view key)>;

AppSettings parse_settings(const SettingLookup& lookup);
std::vector<std::pair<std::string, std::string>> serialize_settings(const AppSettings& settings);

// PIN: PBKDF2-HMAC-SHA256 with a random salt; the PIN keeps a sibling out, it is not a key.
void set_pin(AppSettings& settings, std::string_view pin);  // empty pin: no PIN
[[nodiscard]] bool check_pin(const AppSettings& settings, std::string_view pin);

}  // namespace sk::app
