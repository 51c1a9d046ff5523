#include "app/screen_models.hpp"

namespace sk::app {

ScreenModels build_screen_models(const Workspace& ws, const std::optional<model::CaseId>& selected,
                                 std::int64_t now_ms, const std::string& zone, const char* and_word,
                                 const char* unnamed, CaseloadSort sort) {
  ScreenModels m;
  if (!ws.has_identity()) return m;
  model::PrincipalId me = ws.me();
  const CaseFeed* pick = nullptr;
  for (const CaseFeed& f : ws.feeds()) {
    m.unread_total += f.state().chat().unread_for(me);
    if (ws.role() != model::Role::kYouth) m.caseload.rows.push_back(build_caseload_row(f, me, now_ms));
    if (!pick || (selected && f.members().id == *selected)) pick = &f;
  }
  sort_caseload(m.caseload, sort);
  if (!pick) return m;
  CaseScreens c;
  c.case_id = pick->members().id;
  // The youth's device has no label: its contacts are named by their cards (Workspace).
  c.other_name = pick->label();
  if (c.other_name.empty() && ws.role() == model::Role::kYouth)
    c.other_name = join_names(pick->members().contacts, me, ws.names(), and_word);
  if (c.other_name.empty()) c.other_name = unnamed;
  c.chat = build_chat(pick->state(), me, ws.names());
  c.sessions = build_sessions(pick->state(), now_ms);
  c.wellbeing = build_wellbeing(pick->state(), now_ms, zone);
  c.case_audience = who_can_see(model::Audience::kCase, pick->members(), me, ws.names(), and_word);
  c.checkin_audience =
      who_can_see(model::Audience::kYouthConsented, pick->members(), me, ws.names(), and_word);
  c.check_in_consent = pick->members().check_in_consent;
  if (c.sessions.next) m.countdown = countdown(now_ms, c.sessions.next->plan.start.unix_ms);
  m.current = std::move(c);
  return m;
}

}  // namespace sk::app
