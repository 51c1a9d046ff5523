#include "view_models/sessions_view_model.hpp"

#include <algorithm>

namespace sk::app {
namespace {

MeetingRow row_of(const model::ScheduleState& schedule, const model::Meeting& m, std::int64_t now_ms) {
  MeetingRow r;
  r.ref.session = m.session;
  if (m.recurrence == model::Recurrence::kWeekly) r.ref.occurrence = m.planned_start;
  r.accept_ref = r.ref;
  const model::Session* s = schedule.find(m.session);
  const bool series_unanswered = s != nullptr && m.recurrence == model::Recurrence::kWeekly &&
                                 s->status == model::SessionStatus::kProposed &&
                                 s->overrides.find(m.planned_start) == s->overrides.end();
  if (series_unanswered) r.accept_ref.occurrence.reset();
  r.title = m.title;
  r.plan = m.plan;
  r.status = m.status;
  r.weekly = m.recurrence == model::Recurrence::kWeekly;
  r.needs_answer =
      m.status == model::SessionStatus::kProposed || m.status == model::SessionStatus::kRescheduled;
  r.past = m.plan.end().unix_ms <= now_ms;
  r.suggested = m.suggested;
  return r;
}

}  // namespace

SessionsViewModel build_sessions(const model::CaseState& state, std::int64_t now_ms, std::size_t limit) {
  SessionsViewModel vm;
  const model::ScheduleState& schedule = state.schedule();
  model::Timestamp now{now_ms};
  for (const model::Meeting& m : schedule.upcoming(now, limit))
    vm.upcoming.push_back(row_of(schedule, m, now_ms));
  if (auto next = schedule.next_session(now)) vm.next = row_of(schedule, *next, now_ms);
  for (const model::Meeting& m :
       schedule.meetings_between(model::Timestamp{now_ms - 14 * model::kDayMs}, now)) {
    if (m.plan.end().unix_ms <= now_ms) vm.recent.push_back(row_of(schedule, m, now_ms));
  }
  std::reverse(vm.recent.begin(), vm.recent.end());
  return vm;
}

}  // namespace sk::app
