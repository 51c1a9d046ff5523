#pragma once
// The schedule folded from session events. A Session is one session_proposed event: a one-off
// meeting or a weekly series; a Meeting is one occurrence of it, as shown to people.
//
// Status rules (deterministic; an event that breaks them is ignored, not an error):
//   answered      accept -> accepted, not_today -> declined; ignored once cancelled/attended/no_show.
//                 A later answer replaces an earlier one ("not today" can become "yes" and back).
//   rescheduled   new time, status rescheduled (awaits a new answer); ignored once
//   cancelled/attended/no_show. cancelled     cancelled, final; ignored once attended/no_show. attended,
//   attended / no_show; ignored once cancelled. One may correct the other. no_show
//   time suggested  the youth's suggested new time for the session or one meeting, kept beside
//                 it (status unchanged); a later suggestion replaces it; ignored once
//                 cancelled/attended/no_show. Any later answer, reschedule, cancel or mark of the
//                 same meeting (or, without occurrence, of the session) clears it.
// A reference with an `occurrence` changes only that meeting of a weekly series (it must be one of
// the series' meetings, or it is ignored). Without one it changes the series as a whole; a
// weekly series can't be marked attended/no_show as a whole. For a one-off session the occurrence
// is ignored. Events about unknown sessions are ignored.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sk/model/event_bodies.hpp"
#include "sk/model/strong_id.hpp"

namespace sk::model {

enum class SessionStatus { kProposed, kAccepted, kDeclined, kRescheduled, kCancelled, kAttended, kNoShow };
std::string_view to_string(SessionStatus status);

struct SessionPlan {
  Timestamp start;  // UTC
  std::string time_zone;
  std::int32_t duration_minutes = 60;

  [[nodiscard]] Timestamp end() const { return Timestamp{start.unix_ms + duration_minutes * kMinuteMs}; }
  friend bool operator==(const SessionPlan&, const SessionPlan&) = default;
};

// One meeting's own state inside a weekly series, when it differs from the series.
struct MeetingOverride {
  SessionStatus status = SessionStatus::kProposed;
  std::optional<SessionPlan> moved;  // set by a reschedule of this meeting only
  friend bool operator==(const MeetingOverride&, const MeetingOverride&) = default;
};

struct Session {
  EventId id;  // the session_proposed event
  PrincipalId proposed_by;
  std::string title;
  Recurrence recurrence = Recurrence::kOneOff;
  SessionPlan plan;                                 // current time (after whole-session reschedules)
  std::optional<Timestamp> until;                   // weekly: no meeting starts at or after this
  SessionStatus status = SessionStatus::kProposed;  // the session's, or the series' default
  std::map<Timestamp, MeetingOverride> overrides;   // weekly: keyed by the meeting's planned start
  std::optional<SessionPlan> suggested;             // the youth's suggestion for the whole session
  std::map<Timestamp, SessionPlan> suggestions;     // weekly: for one meeting, by planned start
  friend bool operator==(const Session&, const Session&) = default;
};

struct Meeting {
  EventId session;
  Timestamp planned_start;  // the series' start for this meeting (its key)
  SessionPlan plan;         // when it actually happens
  SessionStatus status = SessionStatus::kProposed;
  std::string title;
  Recurrence recurrence = Recurrence::kOneOff;
  std::optional<SessionPlan> suggested;  // the youth's suggestion: this meeting's, else the session's
  friend bool operator==(const Meeting&, const Meeting&) = default;
};

class ScheduleState {
 public:
  void propose(const EventId& id, const PrincipalId& author, const SessionProposed& body);
  void answer(const SessionAnswered& body);
  void reschedule(const SessionRescheduled& body);
  void cancel(const SessionCancelled& body);
  void mark_attended(const SessionAttended& body);
  void mark_no_show(const SessionNoShow& body);
  void suggest_time(const SessionTimeSuggested& body);

  [[nodiscard]] const std::map<EventId, Session>& sessions() const { return sessions_; }
  [[nodiscard]] const Session* find(const EventId& id) const;
  // Every meeting that overlaps [from, to), weekly series expanded, sorted by start then session.
  [[nodiscard]] std::vector<Meeting> meetings_between(Timestamp from, Timestamp to) const;
  // Meetings not yet over at `now` (within a year), soonest first, at most `limit`.
  [[nodiscard]] std::vector<Meeting> upcoming(Timestamp now, std::size_t limit) const;
  // The next meeting that will happen: not over, not declined, not cancelled.
  [[nodiscard]] std::optional<Meeting> next_session(Timestamp now) const;

  friend bool operator==(const ScheduleState&, const ScheduleState&) = default;

 private:
  enum class Action { kAccept, kDecline, kReschedule, kCancel, kAttended, kNoShow, kSuggest };
  // Applies `action` to the session or to one meeting, unless the rules ignore it. `plan` is the
  // new time of a reschedule or the suggested time of a suggestion.
  void act(const SessionRef& ref, Action action, const std::optional<SessionPlan>& plan);
  [[nodiscard]] bool is_meeting_of(const Session& s, Timestamp planned_start) const;

  std::map<EventId, Session> sessions_;
};

}  // namespace sk::model
