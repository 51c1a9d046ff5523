#pragma once
// A contact's caseload: every youth with the next session, unread messages, the last check-in
// face and days since the last contact; click a header to sort, a row to open the case.

#include <string>
#include <vector>

#include "app/connection.hpp"
#include "app/screen_models.hpp"
#include "views/view_context.hpp"

namespace sk::app {

struct InviteState {
  std::string name;
  bool working = false;
  std::string error_key;
};

// Below the table: invite a new youth (a case and its pairing code, with copy button and expiry)
// and the invitations still open or just redeemed.
void draw_caseload(const ViewContext& ctx, const CaseloadViewModel& vm, CaseloadSort& sort,
                   const std::vector<InvitationView>& invitations, InviteState& invite);

}  // namespace sk::app
