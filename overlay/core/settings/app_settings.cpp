#include "core/settings/app_settings.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/theme/theme.hpp"
#include "sk/core/random.hpp"

namespace sk::app {
namespace {

constexpr std::array<std::string_view, 3> kModeNames{"compact", "expanded", "window"};

template <class T>
std::optional<T> parse_number(std::string_view text) {
  T value{};
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<bool> parse_bool(std::string_view text) {
  if (text == "true") return true;
  if (text == "false") return false;
  return std::nullopt;
}

std::string format_float(float v) {
  char buf[32];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
  return ec == std::errc() ? std::string(buf, ptr) : std::string("1.00");
}

std::optional<WindowPlace> parse_place(std::string_view text) {
  WindowPlace p;
  std::array<int*, 4> fields{&p.x, &p.y, &p.width, &p.height};
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::size_t comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    auto v = parse_number<int>(part);
    if (!v || *v < -100000 || *v > 100000) return std::nullopt;
    *fields[i] = *v;
    if (i + 1 < fields.size()) {
      if (comma == std::string_view::npos) return std::nullopt;
      text.remove_prefix(comma + 1);
    } else if (comma != std::string_view::npos) {
      return std::nullopt;
    }
  }
  if (p.width < 0 || p.height < 0) return std::nullopt;
  return p;
}

std::string hex(const unsigned char* data, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < size; ++i) {
    out.push_back(kDigits[data[i] >> 4]);
    out.push_back(kDigits[data[i] & 15]);
  }
  return out;
}

std::string pin_digest(std::string_view pin, std::string_view salt) {
  unsigned char out[32];
  PKCS5_PBKDF2_HMAC(pin.data(), static_cast<int>(pin.size()),
                    reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()),
                    200000, EVP_sha256(), sizeof out, out);
  return hex(out, sizeof out);
}

}  // namespace

std::string_view to_string(WindowMode mode) {
  return kModeNames[static_cast<std::size_t>(mode)];
}

AppSettings parse_settings(const SettingLookup& lookup) {
  AppSettings s;
  if (auto v = lookup("ui.language")) {
    if (auto l = language_from_code(*v)) s.language = *l;
  }
  if (auto v = lookup("ui.scale")) {
    if (auto f = parse_number<float>(*v); f && *f >= 0.75f && *f <= 2.0f) s.ui_scale = *f;
  }
  if (auto v = lookup("ui.opacity")) {
    if (auto f = parse_number<float>(*v); f && *f >= kMinOpacity && *f <= kMaxOpacity) s.opacity = *f;
  }
  if (auto v = lookup("ui.mode")) {
    auto it = std::find(kModeNames.begin(), kModeNames.end(), *v);
    if (it != kModeNames.end()) s.mode = static_cast<WindowMode>(it - kModeNames.begin());
  }
  if (auto v = lookup("ui.pinned")) s.pinned = parse_bool(*v).value_or(s.pinned);
  if (auto v = lookup("ui.hotkey"); v && !v->empty()) s.hotkey = *v;
  if (auto v = lookup("ui.hide_hotkey"); v && !v->empty()) s.hide_hotkey = *v;
  if (auto v = lookup("ui.reminder_minutes")) {
    if (auto n = parse_number<int>(*v); n && *n >= 0 && *n <= 240) s.reminder_minutes = *n;
  }
  if (auto v = lookup("ui.autostart")) s.autostart = parse_bool(*v).value_or(s.autostart);
  if (auto v = lookup("ui.send_seen")) s.send_seen = parse_bool(*v).value_or(s.send_seen);
  if (auto v = lookup("ui.lock_minutes")) {
    if (auto n = parse_number<int>(*v); n && *n >= 1 && *n <= 240) s.lock_minutes = *n;
  }
  if (auto v = lookup("ui.reply_hours"); v && v->size() <= 400) s.reply_hours = *v;
  auto pin = lookup("ui.pin");
  auto salt = lookup("ui.pin_salt");
  if (pin && salt && pin->size() == 64 && !salt->empty()) {
    s.pin_hash = *pin;
    s.pin_salt = *salt;
  }
  for (std::size_t m = 0; m < kModeNames.size(); ++m) {
    if (auto v = lookup("ui.place." + std::string(kModeNames[m]))) {
      if (auto p = parse_place(*v)) s.places[m] = *p;
    }
  }
  return s;
}

std::vector<std::pair<std::string, std::string>> serialize_settings(const AppSettings& s) {
  auto b = [](bool v) { return std::string(v ? "true" : "false"); };
  std::vector<std::pair<std::string, std::string>> out{
      {"ui.language", std::string(language_code(s.language))},
      {"ui.scale", format_float(s.ui_scale)},
      {"ui.opacity", format_float(s.opacity)},
      {"ui.mode", std::string(to_string(s.mode))},
      {"ui.pinned", b(s.pinned)},
      {"ui.hotkey", s.hotkey},
      {"ui.hide_hotkey", s.hide_hotkey},
      {"ui.reminder_minutes", std::to_string(s.reminder_minutes)},
      {"ui.autostart", b(s.autostart)},
      {"ui.send_seen", b(s.send_seen)},
      {"ui.lock_minutes", std::to_string(s.lock_minutes)},
      {"ui.reply_hours", s.reply_hours},
      {"ui.pin", s.pin_hash},
      {"ui.pin_salt", s.pin_salt},
  };
  for (std::size_t m = 0; m < kModeNames.size(); ++m) {
    const WindowPlace& p = s.places[m];
    out.emplace_back("ui.place." + std::string(kModeNames[m]),
                     std::to_string(p.x) + "," + std::to_string(p.y) + "," + std::to_string(p.width) + "," +
                         std::to_string(p.height));
  }
  return out;
}

void set_pin(AppSettings& settings, std::string_view pin) {
  if (pin.empty()) {
    settings.pin_hash.clear();
    settings.pin_salt.clear();
    return;
  }
  auto salt_bytes = sk::random_bytes(16);
  settings.pin_salt = hex(reinterpret_cast<const unsigned char*>(salt_bytes.data()), salt_bytes.size());
  settings.pin_hash = pin_digest(pin, settings.pin_salt);
}

bool check_pin(const AppSettings& settings, std::string_view pin) {
  if (settings.pin_hash.empty()) return true;
  std::string digest = pin_digest(pin, settings.pin_salt);
  return digest.size() == settings.pin_hash.size() &&
         CRYPTO_memcmp(digest.data(), settings.pin_hash.data(), digest.size()) == 0;
}

}  // namespace sk::app
