// spillkontakt: the desktop app. See docs/app.md for every option.
//
//   spillkontakt [--profile DIR] [--server URL] [--mode compact|expanded|window] [--lang nb|en|sv]
//                [--contact] [--country NO|SE] [--script FILE] [--clock-ms UNIX_MS] [--zone IANA]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "app/app.hpp"
#include "core/platform/data_dirs.hpp"

namespace {

std::filesystem::path find_assets() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto installed = exe.parent_path().parent_path() / "share" / "spillkontakt";
    if (std::filesystem::exists(installed / "i18n" / "nb.po")) return installed;
  }
  return SK_ASSETS_DIR;
}

int usage() {
  std::fprintf(stderr,
               "usage: spillkontakt [--profile DIR] [--server URL] [--mode compact|expanded|window]\n"
               "                    [--lang nb|en|sv] [--contact] [--country NO|SE] [--script FILE]\n"
               "                    [--clock-ms UNIX_MS] [--zone IANA]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  sk::app::AppOptions options;
  options.assets_dir = find_assets();
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (a == "--contact") {
      options.contact = true;
    } else if ((a == "--profile") && (v = next())) {
      options.profile_dir = v;
    } else if (a == "--server" && (v = next())) {
      options.server_url = v;
    } else if (a == "--mode" && (v = next())) {
      std::string m = v;
      if (m == "compact")
        options.mode = sk::app::WindowMode::kCompact;
      else if (m == "expanded")
        options.mode = sk::app::WindowMode::kExpanded;
      else if (m == "window")
        options.mode = sk::app::WindowMode::kWindow;
      else
        return usage();
    } else if (a == "--lang" && (v = next())) {
      options.language = sk::app::language_from_code(v);
      if (!options.language) return usage();
    } else if (a == "--country" && (v = next())) {
      options.crisis_country = v;
    } else if (a == "--script" && (v = next())) {
      options.script = v;
    } else if (a == "--clock-ms" && (v = next())) {
      options.frozen_clock_ms = std::strtoll(v, nullptr, 10);
    } else if (a == "--zone" && (v = next())) {
      options.zone = v;
    } else {
      return usage();
    }
  }
  if (options.profile_dir.empty()) {
    auto dir = sk::app::default_profile_dir(sk::app::current_platform(), sk::app::process_env());
    if (!dir) {
      std::fprintf(stderr, "spillkontakt: %s\n", dir.error().message.c_str());
      return 1;
    }
    options.profile_dir = *dir;
  }
  auto app = sk::app::App::create(std::move(options));
  if (!app) {
    std::fprintf(stderr, "spillkontakt: %s\n", app.error().message.c_str());
    return 1;
  }
  return (*app)->run();
}
