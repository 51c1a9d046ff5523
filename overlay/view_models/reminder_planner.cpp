#include "view_models/reminder_planner.hpp"

namespace sk::app {

std::string ReminderPlanner::key_of(const MeetingRow& row) {
  return row.ref.session.str() + "@" +
         std::to_string(row.ref.occurrence ? row.ref.occurrence->unix_ms : row.plan.start.unix_ms);
}

std::optional<MeetingRow> ReminderPlanner::due(const SessionsViewModel& sessions, std::int64_t now_ms,
                                               int minutes) {
  if (minutes <= 0 || !sessions.next) return std::nullopt;
  const MeetingRow& next = *sessions.next;
  std::int64_t start = next.plan.start.unix_ms;
  if (now_ms >= start || now_ms < start - minutes * model::kMinuteMs) return std::nullopt;
  if (!reminded_.insert(key_of(next)).second) return std::nullopt;
  return next;
}

std::optional<std::int64_t> ReminderPlanner::next_deadline(const SessionsViewModel& sessions,
                                                           std::int64_t now_ms, int minutes) const {
  if (minutes <= 0 || !sessions.next || reminded_.contains(key_of(*sessions.next))) return std::nullopt;
  std::int64_t at = sessions.next->plan.start.unix_ms - minutes * model::kMinuteMs;
  if (sessions.next->plan.start.unix_ms <= now_ms) return std::nullopt;
  return std::max(at, now_ms);
}

}  // namespace sk::app
