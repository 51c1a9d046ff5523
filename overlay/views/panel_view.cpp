#include "views/panel_view.hpp"

#include "views/caseload_view.hpp"
#include "views/help_view.hpp"
#include "views/widgets.hpp"

namespace sk::app {
namespace {

struct Tab {
  Screen screen;
  const char* key;
  const char* id;
};

constexpr Tab kYouthTabs[] = {{Screen::kChat, "nav.chat", "nav.chat"},
                              {Screen::kSessions, "nav.sessions", "nav.sessions"},
                              {Screen::kCheckIn, "nav.checkin", "nav.checkin"},
                              {Screen::kMe, "nav.me", "nav.me"},
                              {Screen::kHelp, "nav.help", "nav.help"}};
constexpr Tab kContactTabs[] = {{Screen::kCaseload, "nav.caseload", "nav.caseload"},
                                {Screen::kCase, "nav.case", "nav.case"},
                                {Screen::kHelp, "nav.help", "nav.help"}};

void tabs(const ViewContext& ctx, const PanelInput& in, std::span<const Tab> list) {
  for (const Tab& tab : list) {
    bool on = in.screen == tab.screen;
    std::string label = ctx.t.tr(tab.key);
    if (tab.screen == Screen::kChat && in.models.unread_total > 0) {
      label += " (" + std::to_string(in.models.unread_total) + ")";
    }
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ui::color(ctx.theme.own_bubble));
    if (ui::button(ctx, (label + "###" + tab.id).c_str(), tab.id)) ctx.sink.send(cmd::Navigate{tab.screen});
    if (on) ImGui::PopStyleColor();
    ImGui::SameLine();
  }
  float h = ImGui::GetFrameHeight();
  float right = ImGui::GetWindowContentRegionMax().x - (h + ImGui::GetStyle().ItemSpacing.x) * 3;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right));
  if (ui::button(ctx, "≡###nav.settings", "nav.settings", ImVec2(h, h)))
    ctx.sink.send(cmd::Navigate{Screen::kSettings});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ctx.t.tr("nav.settings"));
  ImGui::SameLine();
  if (ui::button(ctx, "–###nav.hide", "nav.hide", ImVec2(h, h))) ctx.sink.send(cmd::HideNow{});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ctx.t.tr("nav.hide"));
  ImGui::SameLine();
  if (in.compact_available) {
    if (ui::button(ctx, "▴###nav.fold", "nav.fold", ImVec2(h, h)))
      ctx.sink.send(cmd::SetMode{WindowMode::kCompact});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ctx.t.tr("nav.fold"));
  }
  ImGui::Separator();
}

}  // namespace

void draw_panel(const ViewContext& ctx, const PanelInput& in, ViewStates& states) {
  switch (in.screen) {
    case Screen::kFirstStart:
      draw_first_start(ctx, states.first_start);
      return;
    case Screen::kEnroll:
      draw_enroll(ctx, states.enroll);
      return;
    case Screen::kLocked:
      draw_lock(ctx, states.lock, in.role == model::Role::kYouth);
      return;
    default:
      break;
  }
  bool youth = in.role == model::Role::kYouth;
  if (youth)
    tabs(ctx, in, kYouthTabs);
  else
    tabs(ctx, in, kContactTabs);
  const std::optional<CaseScreens>& current = in.models.current;
  std::string other = current ? current->other_name : std::string();
  switch (in.screen) {
    case Screen::kChat:
      if (current) draw_chat(ctx, *current, states.chat);
      break;
    case Screen::kSessions:
      if (current) draw_sessions(ctx, *current, states.sessions);
      break;
    case Screen::kCheckIn:
      if (current) draw_check_in(ctx, *current, states.check_in);
      break;
    case Screen::kMe:
      if (current) draw_me(ctx, *current, states.me);
      break;
    case Screen::kHelp:
      draw_help(ctx, in.crisis, other, states.help_after_low);
      break;
    case Screen::kSettings:
      draw_settings(ctx, in.settings, youth, states.settings);
      break;
    case Screen::kCaseload:
      draw_caseload(ctx, in.models.caseload, states.caseload_sort, in.invitations, states.invite);
      break;
    case Screen::kCase:
      if (current) draw_case(ctx, *current, in.invitations, states.case_view);
      break;
    default:
      break;
  }
  if (!current && in.screen != Screen::kHelp && in.screen != Screen::kSettings &&
      in.screen != Screen::kCaseload) {
    ui::muted(ctx, ctx.t.tr(youth ? "home.waiting_for_case" : "caseload.empty"));
  }
}

}  // namespace sk::app
