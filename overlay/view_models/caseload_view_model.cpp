#include "view_models/caseload_view_model.hpp"

#include <algorithm>

namespace sk::app {

CaseloadRow build_caseload_row(const CaseFeed& feed, const model::PrincipalId& viewer, std::int64_t now_ms) {
  const model::CaseState& s = feed.state();
  CaseloadRow row;
  row.case_id = s.members().id;
  row.name = feed.label();
  if (auto next = s.schedule().next_session(model::Timestamp{now_ms}))
    row.next_session_ms = next->plan.start.unix_ms;
  row.unread = s.chat().unread_for(viewer);
  const auto& check_ins = s.wellbeing().check_ins();
  if (!check_ins.empty()) row.last_mood = check_ins.back().check_in.mood;
  std::optional<std::int64_t> last_contact;
  for (const auto& e : s.chat().entries())
    last_contact = std::max(last_contact.value_or(0), e.created_at.unix_ms);
  for (const auto& m : s.schedule().meetings_between(model::Timestamp{now_ms - 365 * model::kDayMs},
                                                     model::Timestamp{now_ms})) {
    if (m.status == model::SessionStatus::kAttended) {
      last_contact = std::max(last_contact.value_or(0), m.plan.start.unix_ms);
    }
  }
  if (last_contact)
    row.days_since_contact = std::max<std::int64_t>(0, (now_ms - *last_contact) / model::kDayMs);
  return row;
}

void sort_caseload(CaseloadViewModel& vm, CaseloadSort by) {
  auto key_less = [by](const CaseloadRow& a, const CaseloadRow& b) {
    auto opt_less = [](const auto& x, const auto& y, bool descending) {
      if (x.has_value() != y.has_value()) return x.has_value();
      if (!x) return false;
      return descending ? *x > *y : *x < *y;
    };
    switch (by) {
      case CaseloadSort::kName:
        return a.name < b.name;
      case CaseloadSort::kNextSession:
        return opt_less(a.next_session_ms, b.next_session_ms, false);
      case CaseloadSort::kUnread:
        return a.unread > b.unread;
      case CaseloadSort::kMood:
        return opt_less(a.last_mood, b.last_mood, false);
      case CaseloadSort::kDaysSinceContact:
        return opt_less(a.days_since_contact, b.days_since_contact, true);
    }
    return false;
  };
  std::stable_sort(vm.rows.begin(), vm.rows.end(), key_less);
}

}  // namespace sk::app
