#pragma once
// CaseloadViewModel: a contact's youth at a glance: next session, unread messages, the last
// check-in face and days since the last contact (last chat entry or attended meeting), sortable.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/feed/case_feed.hpp"

namespace sk::app {

struct CaseloadRow {
  model::CaseId case_id;
  std::string name;
  std::optional<std::int64_t> next_session_ms;
  std::size_t unread = 0;
  std::optional<int> last_mood;
  std::optional<std::int64_t> days_since_contact;  // none: no contact yet
};

enum class CaseloadSort { kName, kNextSession, kUnread, kMood, kDaysSinceContact };

struct CaseloadViewModel {
  std::vector<CaseloadRow> rows;
};

CaseloadRow build_caseload_row(const CaseFeed& feed, const model::PrincipalId& viewer, std::int64_t now_ms);
// Stable sort; rows without a value go last. Unread and days sort the largest first (who needs
// attention), the rest ascending.
void sort_caseload(CaseloadViewModel& vm, CaseloadSort by);

}  // namespace sk::app
