#include "core/platform/key_chord.hpp"

#include <cctype>

namespace sk::app {
namespace {

std::string upper(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out;
}

bool is_key(const std::string& k) {
  if (k.size() == 1) return std::isalnum(static_cast<unsigned char>(k[0])) != 0;
  if (k.size() >= 2 && k.size() <= 3 && k[0] == 'F') {
    int n = std::stoi(k.substr(1));
    return n >= 1 && n <= 12 && std::isdigit(static_cast<unsigned char>(k[1]));
  }
  return false;
}

}  // namespace

Result<KeyChord> parse_key_chord(std::string_view text) {
  KeyChord chord;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t plus = text.find('+', start);
    std::string part = upper(text.substr(start, plus == std::string_view::npos ? text.npos : plus - start));
    bool last = plus == std::string_view::npos;
    if (part.empty()) return fail("app.hotkey", "empty part in \"" + std::string(text) + "\"");
    if (!last) {
      if (part == "CTRL" || part == "CONTROL")
        chord.ctrl = true;
      else if (part == "SHIFT")
        chord.shift = true;
      else if (part == "ALT")
        chord.alt = true;
      else if (part == "SUPER" || part == "WIN" || part == "CMD")
        chord.super = true;
      else
        return fail("app.hotkey", "unknown modifier \"" + part + "\"");
      start = plus + 1;
      continue;
    }
    if (!is_key(part)) return fail("app.hotkey", "unknown key \"" + part + "\"");
    chord.key = part;
    break;
  }
  if (!chord.ctrl && !chord.alt && !chord.super && chord.key.size() == 1) {
    return fail("app.hotkey", "a letter or digit needs Ctrl, Alt or Super");
  }
  return chord;
}

std::string to_string(const KeyChord& chord) {
  std::string out;
  if (chord.ctrl) out += "Ctrl+";
  if (chord.shift) out += "Shift+";
  if (chord.alt) out += "Alt+";
  if (chord.super) out += "Super+";
  return out + chord.key;
}

}  // namespace sk::app
