#pragma once
// SessionsViewModel: the meetings ahead (weekly series expanded by the model, DST-correct), the
// next one, and what the viewer may do with each. For the youth: accept, "not today", suggest
// another time; for a contact: reschedule, cancel, attended, no-show.

#include <cstdint>
#include <optional>
#include <vector>

#include "sk/model/case_state.hpp"

namespace sk::app {

struct MeetingRow {
  model::SessionRef ref;  // occurrence set for weekly meetings
  // What "yes" answers: a weekly series still waiting for its first answer is accepted as a whole
  // (no occurrence); otherwise this meeting. "Not today" is always this meeting only.
  model::SessionRef accept_ref;
  std::string title;
  model::SessionPlan plan;
  model::SessionStatus status = model::SessionStatus::kProposed;
  bool weekly = false;
  bool needs_answer = false;  // proposed or rescheduled: the youth has not answered this time
  bool past = false;          // over: a contact can still mark attended / no-show
  std::optional<model::SessionPlan> suggested;  // the youth's "another time?", until answered
};

struct SessionsViewModel {
  std::vector<MeetingRow> upcoming;  // soonest first
  std::vector<MeetingRow> recent;    // the last two weeks, newest first (contacts mark these)
  std::optional<MeetingRow> next;    // the next meeting that will happen
};

SessionsViewModel build_sessions(const model::CaseState& state, std::int64_t now_ms, std::size_t limit = 12);

}  // namespace sk::app
