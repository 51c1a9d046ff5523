#pragma once
// Where a profile lives, by platform convention; `--profile DIR` overrides.
//   Linux    $XDG_DATA_HOME/spillkontakt/default, else ~/.local/share/spillkontakt/default
//   Windows  %APPDATA%\Spillkontakt\default
//   macOS    ~/Library/Application Support/Spillkontakt/default
// Pure: the environment is passed in, so every platform's rule is tested on Linux.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "sk/core/result.hpp"

namespace sk::app {

enum class Platform { kLinux, kWindows, kMacOs };
Platform current_platform();

using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;
EnvLookup process_env();

Result<std::filesystem::path> default_profile_dir(Platform platform, const EnvLookup& env);
// The XDG autostart folder ($XDG_CONFIG_HOME/autostart or ~/.config/autostart).
Result<std::filesystem::path> autostart_dir(const EnvLookup& env);

}  // namespace sk::app
