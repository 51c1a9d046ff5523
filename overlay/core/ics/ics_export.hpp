#pragma once
// .ics export of a case's schedule (RFC 5545), for the contact's own calendar.
//
// Every meeting is its own VEVENT with UTC times: the model has already expanded weekly series
// DST-correctly, so no VTIMEZONE or RRULE is needed and any calendar shows the same instants the
// app does. Cancelled meetings are exported with STATUS:CANCELLED so a calendar that imported
// them earlier removes them. Lines end in CRLF and are folded at 75 octets without splitting a
// UTF-8 character; text is escaped (\\ \; \, \n).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sk/model/schedule_state.hpp"

namespace sk::app {

struct IcsOptions {
  std::string calendar_name;   // X-WR-CALNAME
  std::string summary_prefix;  // e.g. the youth's nickname: "Yara: Minecraft"
  std::int64_t stamp_ms = 0;   // DTSTAMP (the export time)
};

std::string export_ics(const std::vector<model::Meeting>& meetings, const IcsOptions& options);

std::string ics_escape(std::string_view text);
std::string ics_fold(std::string_view line);  // with the trailing CRLF
std::string ics_utc(std::int64_t unix_ms);    // "20261015T170000Z"

}  // namespace sk::app
