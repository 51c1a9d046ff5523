#pragma once
// A global hotkey as the user writes it in the settings: "Ctrl+Shift+S", "Alt+F9".
// Pure parsing; overlay/platform/ turns a chord into an X11 grab (or RegisterHotKey on Windows).

#include <string>
#include <string_view>

#include "sk/core/result.hpp"

namespace sk::app {

struct KeyChord {
  bool ctrl = false, shift = false, alt = false, super = false;
  std::string key;  // one letter or digit in upper case ("S", "7"), or "F1".."F12"
  friend bool operator==(const KeyChord&, const KeyChord&) = default;
};

// Errors (app.hotkey): empty, unknown modifier, no key, or a key without any modifier (a bare
// letter would steal typing from the game).
Result<KeyChord> parse_key_chord(std::string_view text);
std::string to_string(const KeyChord& chord);

}  // namespace sk::app
