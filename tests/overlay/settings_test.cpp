#include <gtest/gtest.h>

#include <fstream>
#include <locale>
#include <map>
#include <sstream>

#include "core/platform/show_over.hpp"
#include "core/settings/app_settings.hpp"

namespace sk::app {
namespace {

SettingLookup from_map(const std::map<std::string, std::string, std::less<>>& m) {
  return [&m](std::string_view key) -> std::optional<std::string> {
    auto it = m.find(key);
    if (it == m.end()) return std::nullopt;
    return it->second;
  };
}

TEST(AppSettings, DefaultsAreCalmAndOptIn) {
  AppSettings s = parse_settings(from_map({}));
  EXPECT_EQ(s.language, Language::kNorwegianBokmal);
  EXPECT_EQ(s.reminder_minutes, 15);
  EXPECT_FALSE(s.autostart);
  EXPECT_TRUE(s.send_seen);
  EXPECT_EQ(s.mode, WindowMode::kCompact);
}

TEST(AppSettings, RoundTripsEveryField) {
  AppSettings s;
  s.language = Language::kSwedish;
  s.ui_scale = 1.25f;
  s.opacity = 0.85f;
  s.mode = WindowMode::kExpanded;
  s.pinned = true;
  s.hotkey = "Ctrl+Alt+K";
  s.reminder_minutes = 30;
  s.autostart = true;
  s.send_seen = false;
  s.places[1] = WindowPlace{100, 200, 400, 500};
  set_pin(s, "4321");
  std::map<std::string, std::string, std::less<>> stored;
  for (auto& [k, v] : serialize_settings(s)) stored[k] = v;
  EXPECT_EQ(parse_settings(from_map(stored)), s);
}

TEST(AppSettings, MalformedOrOutOfRangeValuesFallBackToDefaults) {
  AppSettings s = parse_settings(from_map({{"ui.scale", "9"},
                                           {"ui.opacity", "0,9"},
                                           {"ui.language", "de"},
                                           {"ui.reminder_minutes", "-5"},
                                           {"ui.place.compact", "1,2,3"},
                                           {"ui.autostart", "yes"}}));
  EXPECT_EQ(s, AppSettings{});
}

TEST(AppSettings, ParsesTheSameUnderANorwegianLocale) {
  std::locale previous = std::locale::global(std::locale::classic());
  try {
    std::locale::global(std::locale("nb_NO.UTF-8"));
  } catch (const std::runtime_error&) {
    // Locale not generated on this machine: from_chars ignores locales anyway.
  }
  AppSettings s = parse_settings(from_map({{"ui.opacity", "0.90"}}));
  std::locale::global(previous);
  EXPECT_FLOAT_EQ(s.opacity, 0.90f);
}

TEST(AppSettings, PinChecksTheRightPinOnly) {
  AppSettings s;
  EXPECT_TRUE(check_pin(s, "anything"));  // no PIN set
  set_pin(s, "2468");
  EXPECT_TRUE(check_pin(s, "2468"));
  EXPECT_FALSE(check_pin(s, "2469"));
  EXPECT_EQ(s.pin_hash.find("2468"), std::string::npos);
}

TEST(AppSettings, DocsListEverySettingKey) {
  std::ifstream in(std::string(SK_SOURCE_DIR) + "/docs/app.md");
  ASSERT_TRUE(in) << "docs/app.md is missing";
  std::stringstream text;
  text << in.rdbuf();
  for (const SettingKey& k : kSettingKeys) {
    EXPECT_NE(text.str().find("`" + std::string(k.key) + "`"), std::string::npos) << k.key;
  }
}

}  // namespace
TEST(ShowOver, BarFollowsOnlyTheListedAppsAndStaysWhenItCannotTell) {
  EXPECT_TRUE(bar_belongs_over({"firefox", "Firefox"}, ""));  // no list: always
  EXPECT_TRUE(bar_belongs_over({"minecraft", "Minecraft"}, " Steam_app_1172470 , MINECRAFT"));
  EXPECT_FALSE(bar_belongs_over({"firefox", "Firefox"}, "minecraft, steam_app_1172470"));
  EXPECT_TRUE(bar_belongs_over({}, "minecraft"));         // nothing known in front, or the bar itself
  EXPECT_FALSE(bar_belongs_over({"mine"}, "minecraft"));  // whole names, not parts
}

}  // namespace sk::app
