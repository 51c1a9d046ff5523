#include "sk/model/zone_rules.hpp"

#include <array>
#include <chrono>

namespace sk::model {
namespace {

struct ZoneRule {
  std::string_view name;
  std::int64_t standard_offset_ms;
  bool eu_summer_time;
};

constexpr std::array<ZoneRule, 9> kZones{{
    {"UTC", 0, false},
    {"Etc/UTC", 0, false},
    {"Atlantic/Reykjavik", 0, false},
    {"Europe/London", 0, true},
    {"Europe/Oslo", kHourMs, true},
    {"Europe/Stockholm", kHourMs, true},
    {"Europe/Copenhagen", kHourMs, true},
    {"Europe/Berlin", kHourMs, true},
    {"Europe/Helsinki", 2 * kHourMs, true},
}};

// 01:00 UTC on the last Sunday of `month` in `year`.
std::int64_t eu_switch_ms(std::chrono::year year, std::chrono::month month) {
  using namespace std::chrono;
  const sys_days day{year_month_weekday_last{year, month, weekday_last{Sunday}}};
  return duration_cast<milliseconds>(day.time_since_epoch()).count() + kHourMs;
}

bool in_eu_summer_time(Timestamp utc) {
  using namespace std::chrono;
  const sys_days day = floor<days>(sys_time<milliseconds>{milliseconds{utc.unix_ms}});
  const year y = year_month_day{day}.year();
  return utc.unix_ms >= eu_switch_ms(y, March) && utc.unix_ms < eu_switch_ms(y, October);
}

bool is_zone_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '+' ||
         c == '-';
}

}  // namespace

bool is_valid_zone_name(std::string_view zone) {
  if (zone.empty() || zone.size() > 64) return false;
  std::size_t part_start = 0;
  for (std::size_t i = 0; i <= zone.size(); ++i) {
    if (i == zone.size() || zone[i] == '/') {
      const auto part = zone.substr(part_start, i - part_start);
      if (part.empty() || part == "..") return false;
      part_start = i + 1;
    } else if (!is_zone_char(zone[i])) {
      return false;
    }
  }
  return true;
}

std::optional<std::int64_t> utc_offset_ms(std::string_view zone, Timestamp utc) {
  for (const auto& rule : kZones) {
    if (rule.name == zone) {
      return rule.standard_offset_ms + (rule.eu_summer_time && in_eu_summer_time(utc) ? kHourMs : 0);
    }
  }
  return std::nullopt;
}

Timestamp add_local_weeks(Timestamp start, std::string_view zone, std::int64_t weeks) {
  const auto offset = [zone](std::int64_t ms) { return utc_offset_ms(zone, Timestamp{ms}).value_or(0); };
  const std::int64_t local = start.unix_ms + offset(start.unix_ms) + weeks * kWeekMs;
  // Guess with the start's offset, then correct once with the offset at the guess.
  std::int64_t utc = local - offset(start.unix_ms);
  utc = local - offset(utc);
  return Timestamp{utc};
}

}  // namespace sk::model
