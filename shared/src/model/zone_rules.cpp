#include "sk/model/zone_rules.hpp"

#include <date/tz.h>

#include <chrono>
#include <stdexcept>

namespace sk::model {
namespace {

using Millis = std::chrono::milliseconds;
using SysMillis = std::chrono::sys_time<Millis>;

// nullptr when the tz database doesn't know `zone` (or isn't installed).
const date::time_zone* find_zone(std::string_view zone) {
  try {
    return date::locate_zone(zone);
  } catch (const std::runtime_error&) {
    return nullptr;
  }
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
  const auto* tz = find_zone(zone);
  if (tz == nullptr) return std::nullopt;
  const auto info = tz->get_info(SysMillis{Millis{utc.unix_ms}});
  return std::chrono::duration_cast<Millis>(info.offset).count();
}

Timestamp add_local_weeks(Timestamp start, std::string_view zone, std::int64_t weeks) {
  const auto* tz = find_zone(zone);
  if (tz == nullptr) return Timestamp{start.unix_ms + weeks * kWeekMs};
  const auto local = tz->to_local(SysMillis{Millis{start.unix_ms}}) + Millis{weeks * kWeekMs};
  const auto info = tz->get_info(local);
  SysMillis utc;
  if (info.result == date::local_info::nonexistent) {
    // In the spring-forward gap: the same instant as the wall time just before the jump, pushed
    // forward by the gap, i.e. interpreted with the offset in force before it.
    utc = SysMillis{local.time_since_epoch() - std::chrono::duration_cast<Millis>(info.first.offset)};
  } else {
    utc = tz->to_sys(local, date::choose::earliest);
  }
  return Timestamp{utc.time_since_epoch().count()};
}

}  // namespace sk::model
