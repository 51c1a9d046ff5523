#include "core/platform/autostart.hpp"

#include <fstream>

namespace sk::app {
namespace {

constexpr const char* kFileName = "spillkontakt.desktop";

// Desktop Entry Exec quoting: arguments in double quotes, with " ` $ \ escaped.
std::string quote_exec(const std::string& arg) {
  std::string out = "\"";
  for (char c : arg) {
    if (c == '"' || c == '`' || c == '$' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

std::string autostart_entry(const std::filesystem::path& executable, const std::filesystem::path& profile) {
  return "[Desktop Entry]\n"
         "Type=Application\n"
         "Name=Spillkontakt\n"
         "Comment=Your next session and a chat with your game contact\n"
         "Exec=" +
         quote_exec(executable.string()) + " --profile " + quote_exec(profile.string()) +
         " --mode compact\n"
         "Icon=spillkontakt\n"
         "Terminal=false\n"
         "X-GNOME-Autostart-enabled=true\n";
}

Result<void> set_autostart(const std::filesystem::path& dir, bool enabled,
                           const std::filesystem::path& executable, const std::filesystem::path& profile) {
  std::error_code ec;
  auto file = dir / kFileName;
  if (!enabled) {
    std::filesystem::remove(file, ec);
    if (ec) return fail("app.autostart", "cannot remove " + file.string());
    return {};
  }
  std::filesystem::create_directories(dir, ec);
  std::ofstream out(file, std::ios::trunc);
  out << autostart_entry(executable, profile);
  if (!out.flush()) return fail("app.autostart", "cannot write " + file.string());
  return {};
}

bool autostart_enabled(const std::filesystem::path& dir) {
  return std::filesystem::exists(dir / kFileName);
}

}  // namespace sk::app
