#include "sk/model/zone_rules.hpp"

#include <gtest/gtest.h>

namespace sk::model {
namespace {

// 2026: summer time from Sunday 29 March 01:00 UTC to Sunday 25 October 01:00 UTC.
constexpr std::int64_t kSummer2026Begins = 1774746000000;
constexpr std::int64_t kSummer2026Ends = 1792890000000;

TEST(ZoneRules, OsloIsOneHourAheadInWinterAndTwoInSummer) {
  EXPECT_EQ(utc_offset_ms("Europe/Oslo", Timestamp{kSummer2026Begins - 1}), kHourMs);
  EXPECT_EQ(utc_offset_ms("Europe/Oslo", Timestamp{kSummer2026Begins}), 2 * kHourMs);
  EXPECT_EQ(utc_offset_ms("Europe/Oslo", Timestamp{kSummer2026Ends - 1}), 2 * kHourMs);
  EXPECT_EQ(utc_offset_ms("Europe/Oslo", Timestamp{kSummer2026Ends}), kHourMs);
}

TEST(ZoneRules, UtcHasNoSummerTimeAndUnknownZonesHaveNoRule) {
  EXPECT_EQ(utc_offset_ms("UTC", Timestamp{kSummer2026Begins}), 0);
  EXPECT_EQ(utc_offset_ms("Europe/London", Timestamp{kSummer2026Begins}), kHourMs);
  EXPECT_FALSE(utc_offset_ms("Mars/Olympus_Mons", Timestamp{kSummer2026Begins}).has_value());
}

TEST(ZoneRules, ZonesOutsideEuropeComeFromTheTzDatabase) {
  // New York is on EDT (UTC-4) from 8 March 2026; Sydney on AEDT (UTC+11) until 5 April 2026.
  EXPECT_EQ(utc_offset_ms("America/New_York", Timestamp{kSummer2026Begins}), -4 * kHourMs);
  EXPECT_EQ(utc_offset_ms("Australia/Sydney", Timestamp{kSummer2026Begins}), 11 * kHourMs);
}

TEST(ZoneRules, WallTimeInTheSpringGapMovesForward) {
  // 02:30 on Sunday 29 March 2026 doesn't exist in Oslo; a series started at 02:30 on 22 March
  // (01:30 UTC) lands at 03:30 local = 01:30 UTC the week after.
  const Timestamp start{1774143000000};
  EXPECT_EQ(add_local_weeks(start, "Europe/Oslo", 1).unix_ms, start.unix_ms + kWeekMs);
}

TEST(ZoneRules, WeeklyMeetingKeepsItsLocalTimeAcrossSummerTime) {
  // Tuesday 24 March 2026 18:00 in Oslo is 17:00 UTC; a week later (summer time) it is 16:00 UTC.
  const Timestamp start{1774371600000};
  EXPECT_EQ(add_local_weeks(start, "Europe/Oslo", 1).unix_ms, start.unix_ms + kWeekMs - kHourMs);
  EXPECT_EQ(add_local_weeks(start, "UTC", 1).unix_ms, start.unix_ms + kWeekMs);
  EXPECT_EQ(add_local_weeks(start, "America/New_York", 1).unix_ms, start.unix_ms + kWeekMs);
  EXPECT_EQ(add_local_weeks(start, "Mars/Olympus_Mons", 1).unix_ms, start.unix_ms + kWeekMs);
}

TEST(ZoneRules, ZoneNamesFollowIanaSpelling) {
  EXPECT_TRUE(is_valid_zone_name("Europe/Oslo"));
  EXPECT_TRUE(is_valid_zone_name("America/Argentina/Buenos_Aires"));
  EXPECT_TRUE(is_valid_zone_name("Etc/GMT+1"));
  EXPECT_TRUE(is_valid_zone_name("UTC"));
  EXPECT_FALSE(is_valid_zone_name(""));
  EXPECT_FALSE(is_valid_zone_name("Europe//Oslo"));
  EXPECT_FALSE(is_valid_zone_name("/Europe"));
  EXPECT_FALSE(is_valid_zone_name("../etc/passwd"));
  EXPECT_FALSE(is_valid_zone_name("Oslo time"));
}

}  // namespace
}  // namespace sk::model
