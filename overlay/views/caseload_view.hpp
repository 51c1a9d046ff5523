#pragma once
// A contact's caseload: every youth with the next session, unread messages, the last check-in
// face and days since the last contact; click a header to sort, a row to open the case.

#include "app/screen_models.hpp"
#include "views/view_context.hpp"

namespace sk::app {

void draw_caseload(const ViewContext& ctx, const CaseloadViewModel& vm, CaseloadSort& sort);

}  // namespace sk::app
