#include "core/ics/ics_export.hpp"

#include "core/time/local_time.hpp"

namespace sk::app {

std::string ics_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t width = 0;
  for (std::size_t i = 0; i < line.size();) {
    auto lead = static_cast<unsigned char>(line[i]);
    std::size_t len = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : 4;
    len = std::min(len, line.size() - i);
    if (width + len > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line.substr(i, len));
    width += len;
    i += len;
  }
  out += "\r\n";
  return out;
}

std::string ics_utc(std::int64_t unix_ms) {
  LocalTime t = to_local(unix_ms, "UTC");
  std::int64_t secs = (unix_ms / 1000) % 60;
  return std::to_string(t.year) + two_digits(t.month) + two_digits(t.day) + "T" + two_digits(t.hour) +
         two_digits(t.minute) + two_digits(static_cast<int>(secs < 0 ? secs + 60 : secs)) + "Z";
}

std::string export_ics(const std::vector<model::Meeting>& meetings, const IcsOptions& options) {
  std::string out;
  auto line = [&out](std::string_view text) { out += ics_fold(text); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//Spillkontakt//spillkontakt app//NO");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  if (!options.calendar_name.empty()) line("X-WR-CALNAME:" + ics_escape(options.calendar_name));
  for (const model::Meeting& m : meetings) {
    line("BEGIN:VEVENT");
    line("UID:" + m.session.str() + "-" + std::to_string(m.planned_start.unix_ms) + "@spillkontakt");
    line("DTSTAMP:" + ics_utc(options.stamp_ms));
    line("DTSTART:" + ics_utc(m.plan.start.unix_ms));
    line("DTEND:" + ics_utc(m.plan.end().unix_ms));
    std::string summary = options.summary_prefix;
    if (!summary.empty() && !m.title.empty()) summary += ": ";
    summary += m.title;
    if (summary.empty()) summary = "Spillkontakt";
    line("SUMMARY:" + ics_escape(summary));
    bool cancelled = m.status == model::SessionStatus::kCancelled;
    bool tentative = m.status == model::SessionStatus::kProposed ||
                     m.status == model::SessionStatus::kRescheduled ||
                     m.status == model::SessionStatus::kDeclined;
    line(std::string("STATUS:") + (cancelled ? "CANCELLED" : tentative ? "TENTATIVE" : "CONFIRMED"));
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace sk::app
