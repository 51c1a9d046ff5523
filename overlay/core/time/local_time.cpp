#include "core/time/local_time.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "sk/model/timestamp.hpp"
#include "sk/model/zone_rules.hpp"

namespace sk::app {
namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Howard Hinnant's civil_from_days.
void civil_from_days(std::int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yy + (m <= 2));
}

}  // namespace

LocalTime to_local(std::int64_t utc_ms, const std::string& zone) {
  std::int64_t offset = model::utc_offset_ms(zone, model::Timestamp{utc_ms}).value_or(0);
  std::int64_t local = utc_ms + offset;
  LocalTime t;
  t.day_number = floor_div(local, model::kDayMs);
  std::int64_t ms_of_day = local - t.day_number * model::kDayMs;
  t.hour = static_cast<int>(ms_of_day / model::kHourMs);
  t.minute = static_cast<int>((ms_of_day % model::kHourMs) / model::kMinuteMs);
  civil_from_days(t.day_number, t.year, t.month, t.day);
  t.weekday = static_cast<int>(((t.day_number % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
  return t;
}

std::string system_zone_name() {
  if (const char* tz = std::getenv("TZ"); tz && *tz) {
    std::string z = tz[0] == ':' ? tz + 1 : tz;
    if (model::is_valid_zone_name(z)) return z;
  }
  if (std::ifstream in("/etc/timezone"); in) {
    std::string z;
    std::getline(in, z);
    if (model::is_valid_zone_name(z)) return z;
  }
  std::error_code ec;
  auto target = std::filesystem::read_symlink("/etc/localtime", ec).string();
  if (auto at = target.find("zoneinfo/"); !ec && at != std::string::npos) {
    std::string z = target.substr(at + 9);
    if (model::is_valid_zone_name(z)) return z;
  }
  return "UTC";
}

Countdown countdown(std::int64_t now_ms, std::int64_t start_ms) {
  if (now_ms >= start_ms) return {Countdown::Unit::kStarted, 0, 0};
  std::int64_t minutes = (start_ms - now_ms + model::kMinuteMs - 1) / model::kMinuteMs;
  if (minutes < 60) return {Countdown::Unit::kMinutes, static_cast<int>(minutes), 0};
  if (minutes < 48 * 60) {
    return {Countdown::Unit::kHours, static_cast<int>(minutes / 60), static_cast<int>(minutes % 60)};
  }
  return {Countdown::Unit::kDays, static_cast<int>(minutes / (24 * 60)), 0};
}

std::int64_t next_change_ms(std::int64_t now_ms, std::int64_t start_ms) {
  if (now_ms >= start_ms) return now_ms + model::kHourMs;  // "now" holds; the caller rebuilds at the end
  // Rounded-up minutes change when (start - now) crosses a whole minute.
  std::int64_t left = start_ms - now_ms;
  std::int64_t into = left % model::kMinuteMs;
  return now_ms + (into == 0 ? model::kMinuteMs : into);
}

std::string two_digits(int v) {
  return (v < 10 ? "0" : "") + std::to_string(v);
}

std::string clock_text(const LocalTime& t) {
  return two_digits(t.hour) + ":" + two_digits(t.minute);
}

std::int64_t local_to_utc(std::int64_t now_ms, const std::string& zone, int day_offset, int hour,
                          int minute) {
  const LocalTime today = to_local(now_ms, zone);
  const std::int64_t local_ms =
      (today.day_number + day_offset) * model::kDayMs + hour * model::kHourMs + minute * model::kMinuteMs;
  const std::int64_t guess = local_ms - model::utc_offset_ms(zone, model::Timestamp{local_ms}).value_or(0);
  return local_ms - model::utc_offset_ms(zone, model::Timestamp{guess}).value_or(0);
}

}  // namespace sk::app
