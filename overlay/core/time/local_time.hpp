#pragma once
// Times as people read them: local wall time in the viewer's zone (DST-correct, from the tz
// database through sk::model::utc_offset_ms) and the countdown to the next session.
//
// The countdown's text only changes at minute boundaries (or at the start), so the app can sleep
// until next_change_ms() instead of redrawing every second.

#include <cstdint>
#include <string>

namespace sk::app {

struct LocalTime {
  int year = 1970, month = 1, day = 1;
  int weekday = 0;  // 0 = Monday
  int hour = 0, minute = 0;
  std::int64_t day_number = 0;  // days since 1970-01-01 in local time (for "today"/"tomorrow")
};

// `zone` is an IANA name; an unknown zone is shown as UTC (as the model folds it).
LocalTime to_local(std::int64_t utc_ms, const std::string& zone);
// The UTC instant of local `hour:minute`, `day_offset` days after the local day of `now_ms`, in
// `zone` (DST-correct: the offset is looked up at the target instant, and once more in case the
// first guess landed on the other side of a change).
std::int64_t local_to_utc(std::int64_t now_ms, const std::string& zone, int day_offset, int hour, int minute);

// The viewer's zone: $TZ, then /etc/timezone, then the /etc/localtime link; "UTC" when none.
std::string system_zone_name();

struct Countdown {
  enum class Unit { kStarted, kMinutes, kHours, kDays };
  Unit unit = Unit::kMinutes;
  int major = 0;  // minutes, hours or days
  int minor = 0;  // minutes, for kHours
};

// Rounds up to the next whole minute, so "in 1 min" shows until the start, never "in 0 min".
Countdown countdown(std::int64_t now_ms, std::int64_t start_ms);
// When countdown()'s result changes next (strictly after now).
std::int64_t next_change_ms(std::int64_t now_ms, std::int64_t start_ms);

std::string two_digits(int v);
std::string clock_text(const LocalTime& t);  // "18:30"

}  // namespace sk::app
