#pragma once
// spillkontakt-cli's commands that write case events other than chat (docs/cli.md, "Sessions
// and check-ins"): plan and answer sessions, check in, introduce oneself, and list the sessions. Each
// writes its event with the library's record seam (store + outbox in one transaction), then runs
// one sync round unless --no-sync, as `send` does. Each returns the process exit code.

#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "sk/core/result.hpp"
#include "sk/model/event.hpp"
#include "sk/model/timestamp.hpp"

namespace sk::cli {

struct EventTarget {
  std::string case_id;  // empty: the profile's only case
  bool sync_after = true;
};

struct ScheduleArgs {
  std::string start;  // "YYYY-MM-DD HH:MM" in Options::zone, or Unix ms
  int minutes = 60;
  bool weekly = false;
  std::string until;  // weekly: no meeting starts at or after this
  std::string title;
};

// Contact: propose a one-off or weekly session. Prints the session id (the event id).
int schedule(const Options& o, const EventTarget& t, const ScheduleArgs& a);
// Youth: "accept" or "not-today" for a session, or one meeting of a series (`occurrence`).
int answer(const Options& o, const EventTarget& t, const std::string& session, const std::string& occurrence,
           const std::string& answer);
// Contact: mark one meeting "attended" or "no-show".
int mark(const Options& o, const EventTarget& t, const std::string& session, const std::string& occurrence,
         const std::string& what);
// Youth: a check-in, mood 1..5 with optional tags and a line.
int check_in(const Options& o, const EventTarget& t, int mood, const std::vector<std::string>& tags,
             const std::string& text);
// Contact: a contact card for the youth: this profile's display name and when I usually answer.
int introduce(const Options& o, const EventTarget& t, const std::string& reply_hours);
// The case's meetings from a week ago to a year ahead, with ids to answer or mark them by.
int sessions(const Options& o, const std::string& case_id);

// Writes `bodies` in order as this profile's events in the case, dated Options::at (or now);
// then one sync round if asked. Returns the event ids, or the error already reported as exit code.
struct Written {
  std::vector<model::EventId> ids;
  std::size_t pending = 0;
  int exit_code = kOk;
};
Written write_events(const Options& o, const EventTarget& t, std::vector<model::Event::Body> bodies);

// "YYYY-MM-DD HH:MM" (or with a T) as local time in `zone`, or an integer of Unix ms.
Result<model::Timestamp> parse_time(const std::string& text, const std::string& zone);

}  // namespace sk::cli
