#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "core/platform/autostart.hpp"
#include "core/platform/data_dirs.hpp"
#include "core/time/local_time.hpp"
#include "sk/model/timestamp.hpp"

namespace sk::app {
namespace {

constexpr std::int64_t kMin = model::kMinuteMs;

TEST(Countdown, RoundsUpToWholeMinutesAndSwitchesUnits) {
  EXPECT_EQ(countdown(0, 30'000).major, 1);
  EXPECT_EQ(countdown(0, 59 * kMin).unit, Countdown::Unit::kMinutes);
  Countdown h = countdown(0, 2 * 60 * kMin + 5 * kMin);
  EXPECT_EQ(h.unit, Countdown::Unit::kHours);
  EXPECT_EQ(h.major, 2);
  EXPECT_EQ(h.minor, 5);
  EXPECT_EQ(countdown(0, 3 * model::kDayMs).unit, Countdown::Unit::kDays);
  EXPECT_EQ(countdown(10, 10).unit, Countdown::Unit::kStarted);
}

TEST(Countdown, NextChangeIsExactlyWhenTheTextChanges) {
  std::int64_t start = 10 * kMin + 500;
  for (std::int64_t now : {std::int64_t{0}, std::int64_t{499}, std::int64_t{500}, 3 * kMin + 7}) {
    std::int64_t change = next_change_ms(now, start);
    ASSERT_GT(change, now);
    auto same = countdown(change - 1, start);
    auto next = countdown(change, start);
    EXPECT_EQ(countdown(now, start).major, same.major);
    EXPECT_NE(same.major, next.major) << now;
  }
}

TEST(LocalTime, OsloWallTimeFollowsDst) {
  LocalTime summer = to_local(1789488000000, "Europe/Oslo");  // 16:00Z in September
  EXPECT_EQ(summer.hour, 18);
  EXPECT_EQ(summer.weekday, 1);  // Tuesday
  LocalTime winter = to_local(1789488000000 + 6 * model::kWeekMs, "Europe/Oslo");
  EXPECT_EQ(winter.hour, 17);
  EXPECT_EQ(clock_text(summer), "18:00");
  EXPECT_EQ(summer.month, 9);
  EXPECT_EQ(summer.day, 15);
}

EnvLookup env_of(std::map<std::string, std::string, std::less<>> m) {
  return [m](std::string_view k) -> std::optional<std::string> {
    auto it = m.find(k);
    if (it == m.end()) return std::nullopt;
    return it->second;
  };
}

TEST(DataDirs, FollowEachPlatformsConvention) {
  EXPECT_EQ(*default_profile_dir(Platform::kLinux, env_of({{"HOME", "/home/y"}})),
            "/home/y/.local/share/spillkontakt/default");
  EXPECT_EQ(*default_profile_dir(Platform::kLinux, env_of({{"HOME", "/home/y"}, {"XDG_DATA_HOME", "/d"}})),
            "/d/spillkontakt/default");
  // A relative XDG value is invalid per the spec and ignored.
  EXPECT_EQ(*default_profile_dir(Platform::kLinux, env_of({{"HOME", "/h"}, {"XDG_DATA_HOME", "rel"}})),
            "/h/.local/share/spillkontakt/default");
  EXPECT_EQ(*default_profile_dir(Platform::kMacOs, env_of({{"HOME", "/Users/y"}})),
            "/Users/y/Library/Application Support/Spillkontakt/default");
  EXPECT_EQ(*default_profile_dir(Platform::kWindows, env_of({{"APPDATA", "C:/Users/y/AppData/Roaming"}})),
            "C:/Users/y/AppData/Roaming/Spillkontakt/default");
  EXPECT_FALSE(default_profile_dir(Platform::kLinux, env_of({})).ok());
}

TEST(Autostart, OffByDefaultAndWritesAndRemovesTheXdgEntry) {
  auto dir =
      std::filesystem::temp_directory_path() / ("sk-autostart-" + std::to_string(std::random_device()()));
  EXPECT_FALSE(autostart_enabled(dir));
  ASSERT_TRUE(set_autostart(dir, true, "/usr/bin/spillkontakt", "/home/y/my \"profile\"").ok());
  EXPECT_TRUE(autostart_enabled(dir));
  std::ifstream in(dir / "spillkontakt.desktop");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  EXPECT_NE(
      text.find("Exec=\"/usr/bin/spillkontakt\" --profile \"/home/y/my \\\"profile\\\"\" --mode compact"),
      std::string::npos);
  ASSERT_TRUE(set_autostart(dir, false, "", "").ok());
  EXPECT_FALSE(autostart_enabled(dir));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sk::app
