#include "core/platform/data_dirs.hpp"

#include <cstdlib>

namespace sk::app {
namespace {

std::optional<std::filesystem::path> absolute_env(const EnvLookup& env, std::string_view name) {
  auto v = env(name);
  if (!v || v->empty()) return std::nullopt;
  std::filesystem::path p(*v);
  // The XDG spec says relative values are invalid and must be ignored.
  if (!p.is_absolute() && name != "APPDATA") return std::nullopt;
  return p;
}

}  // namespace

Platform current_platform() {
#if defined(_WIN32)
  return Platform::kWindows;
#elif defined(__APPLE__)
  return Platform::kMacOs;
#else
  return Platform::kLinux;
#endif
}

EnvLookup process_env() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* v = std::getenv(std::string(name).c_str());
    if (!v) return std::nullopt;
    return std::string(v);
  };
}

Result<std::filesystem::path> default_profile_dir(Platform platform, const EnvLookup& env) {
  switch (platform) {
    case Platform::kWindows:
      if (auto appdata = absolute_env(env, "APPDATA")) return *appdata / "Spillkontakt" / "default";
      return fail("app.data_dir", "%APPDATA% is not set; start with --profile DIR");
    case Platform::kMacOs:
      if (auto home = absolute_env(env, "HOME")) {
        return *home / "Library" / "Application Support" / "Spillkontakt" / "default";
      }
      return fail("app.data_dir", "HOME is not set; start with --profile DIR");
    case Platform::kLinux:
      if (auto data = absolute_env(env, "XDG_DATA_HOME")) return *data / "spillkontakt" / "default";
      if (auto home = absolute_env(env, "HOME"))
        return *home / ".local" / "share" / "spillkontakt" / "default";
      return fail("app.data_dir", "neither XDG_DATA_HOME nor HOME is set; start with --profile DIR");
  }
  return fail("app.data_dir", "unknown platform");
}

Result<std::filesystem::path> autostart_dir(const EnvLookup& env) {
  if (auto config = absolute_env(env, "XDG_CONFIG_HOME")) return *config / "autostart";
  if (auto home = absolute_env(env, "HOME")) return *home / ".config" / "autostart";
  return fail("app.data_dir", "neither XDG_CONFIG_HOME nor HOME is set");
}

}  // namespace sk::app
