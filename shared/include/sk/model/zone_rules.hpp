#pragma once
// Just enough time-zone knowledge to expand a weekly series at the same local wall time across
// daylight-saving changes, without a tz database (the model does no I/O). Zones of the
// countries we serve follow the EU rule since 1996: summer time from the last Sunday of March
// 01:00 UTC to the last Sunday of October 01:00 UTC. Other valid IANA names are accepted in
// events but are treated as fixed UTC offsets of 0 here; the app shows local times with the
// platform's tz database.

#include <cstdint>
#include <optional>
#include <string_view>

#include "sk/model/timestamp.hpp"

namespace sk::model {

// IANA spelling: 1..64 characters, '/'-separated parts of [A-Za-z0-9_+-], none empty or "..".
bool is_valid_zone_name(std::string_view zone);

// The zone's offset from UTC at `utc`, or nullopt for a zone not in the built-in table
// (UTC, Etc/UTC, Europe/Oslo, Stockholm, Copenhagen, Berlin, Helsinki, London, Atlantic/Reykjavik).
std::optional<std::int64_t> utc_offset_ms(std::string_view zone, Timestamp utc);

// The UTC time of the same local wall time as `start`, `weeks` weeks later, in `zone`.
Timestamp add_local_weeks(Timestamp start, std::string_view zone, std::int64_t weeks);

}  // namespace sk::model
