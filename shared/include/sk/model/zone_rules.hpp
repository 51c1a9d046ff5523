#pragma once
// Time zones for sessions: a weekly series keeps the same local wall time across daylight-saving
// changes. Offsets come from the IANA tz database of the operating system (tzdata), read through
// Howard Hinnant's date library (the basis of C++20's <chrono> zones, which GCC 12 lacks).
// A zone name this machine's database doesn't know is still accepted in events (a newer device
// may know it) and is treated as UTC, so every device folds the same events the same way.

#include <cstdint>
#include <optional>
#include <string_view>

#include "sk/model/timestamp.hpp"

namespace sk::model {

// IANA spelling: 1..64 characters, '/'-separated parts of [A-Za-z0-9_+-], none empty or "..".
bool is_valid_zone_name(std::string_view zone);

// The zone's offset from UTC at `utc`, or nullopt for a zone the tz database doesn't know.
std::optional<std::int64_t> utc_offset_ms(std::string_view zone, Timestamp utc);

// The UTC time of the same local wall time as `start`, `weeks` weeks later, in `zone`. A wall
// time that falls in a spring-forward gap moves forward by the gap; one that occurs twice in
// the autumn takes the first (earlier) occurrence.
Timestamp add_local_weeks(Timestamp start, std::string_view zone, std::int64_t weeks);

}  // namespace sk::model
