#include "sk/model/schedule_state.hpp"

#include <algorithm>
#include <array>

#include "sk/model/zone_rules.hpp"

namespace sk::model {
namespace {

constexpr std::array<std::string_view, 7> kStatusNames{"proposed",  "accepted", "declined", "rescheduled",
                                                       "cancelled", "attended", "no_show"};
constexpr std::int64_t kLookAheadMs = 366 * kDayMs;
constexpr std::int64_t kMaxMeetingsPerSeries = 10'000;  // bounds expansion of a silly window

bool is_final(SessionStatus s) {
  return s == SessionStatus::kCancelled || s == SessionStatus::kAttended || s == SessionStatus::kNoShow;
}

// A meeting of a series with its own override: a cancelled series cancels every meeting that
// has not been marked attended or no-show.
SessionStatus meeting_status(const Session& s, const MeetingOverride* o) {
  if (o == nullptr) return s.status;
  if (s.status == SessionStatus::kCancelled && o->status != SessionStatus::kAttended &&
      o->status != SessionStatus::kNoShow) {
    return SessionStatus::kCancelled;
  }
  return o->status;
}

}  // namespace

std::string_view to_string(SessionStatus status) {
  return kStatusNames[static_cast<std::size_t>(status)];
}

void ScheduleState::propose(const EventId& id, const PrincipalId& author, const SessionProposed& body) {
  Session s;
  s.id = id;
  s.proposed_by = author;
  s.title = body.title;
  s.recurrence = body.recurrence;
  s.plan = SessionPlan{body.start, body.time_zone, body.duration_minutes};
  s.until = body.recurrence == Recurrence::kWeekly ? body.until : std::nullopt;
  sessions_.emplace(id,
                    std::move(s));  // a second proposal with the same id can't happen: ids are deduplicated
}

void ScheduleState::answer(const SessionAnswered& body) {
  act(body.ref, body.answer == Answer::kAccept ? Action::kAccept : Action::kDecline, std::nullopt);
}

void ScheduleState::reschedule(const SessionRescheduled& body) {
  act(body.ref, Action::kReschedule, SessionPlan{body.start, body.time_zone, body.duration_minutes});
}

void ScheduleState::cancel(const SessionCancelled& body) {
  act(body.ref, Action::kCancel, std::nullopt);
}
void ScheduleState::mark_attended(const SessionAttended& body) {
  act(body.ref, Action::kAttended, std::nullopt);
}
void ScheduleState::mark_no_show(const SessionNoShow& body) {
  act(body.ref, Action::kNoShow, std::nullopt);
}

void ScheduleState::suggest_time(const SessionTimeSuggested& body) {
  const auto it = sessions_.find(body.ref.session);
  if (it == sessions_.end()) return;
  act(body.ref, Action::kSuggest, SessionPlan{body.start, body.time_zone, it->second.plan.duration_minutes});
}

const Session* ScheduleState::find(const EventId& id) const {
  const auto it = sessions_.find(id);
  return it == sessions_.end() ? nullptr : &it->second;
}

void ScheduleState::act(const SessionRef& ref, Action action, const std::optional<SessionPlan>& plan) {
  const auto it = sessions_.find(ref.session);
  if (it == sessions_.end()) return;
  Session& s = it->second;
  const auto next_status = [action](SessionStatus current) -> std::optional<SessionStatus> {
    switch (action) {
      case Action::kAccept:
        return is_final(current) ? std::nullopt : std::optional(SessionStatus::kAccepted);
      case Action::kDecline:
        return is_final(current) ? std::nullopt : std::optional(SessionStatus::kDeclined);
      case Action::kReschedule:
        return is_final(current) ? std::nullopt : std::optional(SessionStatus::kRescheduled);
      case Action::kCancel:
        return is_final(current) ? std::nullopt : std::optional(SessionStatus::kCancelled);
      case Action::kAttended:
        return current == SessionStatus::kCancelled ? std::nullopt : std::optional(SessionStatus::kAttended);
      case Action::kNoShow:
        return current == SessionStatus::kCancelled ? std::nullopt : std::optional(SessionStatus::kNoShow);
      case Action::kSuggest:
        return is_final(current) ? std::nullopt : std::optional(current);
    }
    return std::nullopt;
  };

  const bool one_meeting = s.recurrence == Recurrence::kWeekly && ref.occurrence.has_value();
  if (!one_meeting) {
    const bool marks = action == Action::kAttended || action == Action::kNoShow;
    if (s.recurrence == Recurrence::kWeekly && marks) return;  // a series is marked meeting by meeting
    const auto next = next_status(s.status);
    if (!next) return;
    if (action == Action::kSuggest) {
      s.suggested = plan;
      return;
    }
    s.status = *next;
    if (plan) s.plan = *plan;
    s.suggested.reset();
    s.suggestions.clear();
    return;
  }
  if (!is_meeting_of(s, *ref.occurrence)) return;
  const auto found = s.overrides.find(*ref.occurrence);
  const auto next = next_status(meeting_status(s, found == s.overrides.end() ? nullptr : &found->second));
  if (!next) return;
  if (action == Action::kSuggest) {
    s.suggestions[*ref.occurrence] = *plan;
    return;
  }
  MeetingOverride& o = s.overrides[*ref.occurrence];
  o.status = *next;
  if (plan) o.moved = *plan;
  s.suggestions.erase(*ref.occurrence);
}

bool ScheduleState::is_meeting_of(const Session& s, Timestamp planned_start) const {
  if (planned_start < s.plan.start) return false;
  if (s.until && planned_start >= *s.until) return false;
  const std::int64_t k = (planned_start.unix_ms - s.plan.start.unix_ms + kWeekMs / 2) / kWeekMs;
  return add_local_weeks(s.plan.start, s.plan.time_zone, k) == planned_start;
}

std::vector<Meeting> ScheduleState::meetings_between(Timestamp from, Timestamp to) const {
  std::vector<Meeting> out;
  const auto consider = [&](const Session& s, Timestamp planned, const MeetingOverride* o) {
    Meeting m{s.id, planned, s.plan, meeting_status(s, o), s.title, s.recurrence, s.suggested};
    m.plan.start = planned;
    if (o != nullptr && o->moved) m.plan = *o->moved;
    if (const auto own = s.suggestions.find(planned); own != s.suggestions.end()) m.suggested = own->second;
    if (m.plan.end() > from && m.plan.start < to) out.push_back(std::move(m));
  };
  for (const auto& [id, s] : sessions_) {
    if (s.recurrence == Recurrence::kOneOff) {
      consider(s, s.plan.start, nullptr);
      continue;
    }
    // Start a week early so a meeting moved later, or still running at `from`, is not missed.
    std::int64_t k = std::max<std::int64_t>(0, (from.unix_ms - s.plan.start.unix_ms) / kWeekMs - 1);
    for (std::int64_t n = 0; n < kMaxMeetingsPerSeries; ++n, ++k) {
      const Timestamp planned = add_local_weeks(s.plan.start, s.plan.time_zone, k);
      if (planned >= to || (s.until && planned >= *s.until)) break;
      const auto o = s.overrides.find(planned);
      consider(s, planned, o == s.overrides.end() ? nullptr : &o->second);
    }
  }
  std::sort(out.begin(), out.end(), [](const Meeting& a, const Meeting& b) {
    return a.plan.start != b.plan.start ? a.plan.start < b.plan.start : a.session < b.session;
  });
  return out;
}

std::vector<Meeting> ScheduleState::upcoming(Timestamp now, std::size_t limit) const {
  auto all = meetings_between(now, Timestamp{now.unix_ms + kLookAheadMs});
  if (all.size() > limit) all.resize(limit);
  return all;
}

std::optional<Meeting> ScheduleState::next_session(Timestamp now) const {
  for (auto& m : meetings_between(now, Timestamp{now.unix_ms + kLookAheadMs})) {
    if (m.status != SessionStatus::kDeclined && m.status != SessionStatus::kCancelled &&
        m.status != SessionStatus::kNoShow) {
      return std::move(m);
    }
  }
  return std::nullopt;
}

}  // namespace sk::model
