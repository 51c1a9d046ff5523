#pragma once
// "Start when I log in" (off by default). Linux: an XDG autostart entry,
// <autostart_dir>/spillkontakt.desktop, which every freedesktop session starts at login.
// Windows (HKCU\Software\Microsoft\Windows\CurrentVersion\Run value "Spillkontakt") and macOS
// (SMAppService login item) would sit behind the same two calls; they can't be built here.

#include <filesystem>
#include <string>

#include "sk/core/result.hpp"

namespace sk::app {

// The entry's text: starts `executable` with `--profile profile` in compact mode.
std::string autostart_entry(const std::filesystem::path& executable, const std::filesystem::path& profile);

Result<void> set_autostart(const std::filesystem::path& dir, bool enabled,
                           const std::filesystem::path& executable, const std::filesystem::path& profile);
[[nodiscard]] bool autostart_enabled(const std::filesystem::path& dir);

}  // namespace sk::app
