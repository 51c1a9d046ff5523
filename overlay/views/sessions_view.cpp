#include "views/sessions_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "view_models/reminder_planner.hpp"
#include "views/widgets.hpp"

namespace sk::app {
namespace {

void answers(const ViewContext& ctx, const MeetingRow& row, SessionsViewState& state) {
  std::string key = ReminderPlanner::key_of(row);
  bool answered_yes = row.status == model::SessionStatus::kAccepted;
  bool answered_no = row.status == model::SessionStatus::kDeclined;
  if (!answered_yes && ui::accent_button(ctx, (std::string(ctx.t.tr("session.accept")) + "###accept").c_str(),
                                         "session.accept")) {
    ctx.sink.send(cmd::Answer{row.ref, model::Answer::kAccept, {}});
  }
  if (!answered_yes) ImGui::SameLine();
  if (!answered_no && ui::button(ctx, (std::string(ctx.t.tr("session.not_today")) + "###not_today").c_str(),
                                 "session.not_today")) {
    ctx.sink.send(cmd::Answer{row.ref, model::Answer::kNotToday, {}});
    state.declined_key = key;
  }
  if (!answered_no) ImGui::SameLine();
  if (ui::button(ctx, (std::string(ctx.t.tr("session.suggest")) + "###suggest").c_str(), "session.suggest")) {
    state.suggesting_key = state.suggesting_key == key ? std::string() : key;
  }
  if (state.declined_key == key && answered_no) {
    ui::muted(ctx, ctx.t.tr("session.not_today_done"));
    ImGui::SetNextItemWidth(-80);
    ImGui::InputTextWithHint("##kind", ctx.t.tr("session.kind_hint"), &state.kind_message);
    ui::tag(ctx, "session-kind_message");
    ImGui::SameLine();
    if (ui::button(ctx, (std::string(ctx.t.tr("chat.send")) + "###kind_send").c_str(), "session-kind_send") &&
        !state.kind_message.empty()) {
      ctx.sink.send(cmd::SendChat{state.kind_message});
      state.kind_message.clear();
      state.declined_key.clear();
    }
  }
  if (state.suggesting_key == key) {
    ImGui::SetNextItemWidth(-80);
    ImGui::InputTextWithHint("##suggestion", ctx.t.tr("session.suggest_hint"), &state.suggestion);
    ui::tag(ctx, "session-suggestion");
    ImGui::SameLine();
    if (ui::button(ctx, (std::string(ctx.t.tr("chat.send")) + "###suggest_send").c_str(),
                   "session-suggest_send") &&
        !state.suggestion.empty()) {
      ctx.sink.send(cmd::SuggestTime{row.ref, state.suggestion});
      state.suggestion.clear();
      state.suggesting_key.clear();
    }
  }
}

}  // namespace

void draw_sessions(const ViewContext& ctx, const CaseScreens& screens, SessionsViewState& state) {
  const SessionsViewModel& vm = screens.sessions;
  if (vm.next) {
    const MeetingRow& next = *vm.next;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ui::begin_card(dl);
    ui::muted(ctx, ctx.t.tr("session.next"));
    ImGui::PushStyleColor(ImGuiCol_Text, ui::color(ctx.theme.accent));
    ImGui::TextUnformatted(next.title.empty() ? ctx.t.tr("bar.session") : next.title.c_str());
    ImGui::PopStyleColor();
    std::string when = ui::when_text(ctx, next.plan.start.unix_ms) + "  ·  " +
                       ui::countdown_text(ctx, countdown(ctx.now_ms, next.plan.start.unix_ms));
    ImGui::TextUnformatted(when.c_str());
    ui::muted(ctx,
              ctx.t.format("session.with", {screens.other_name, std::to_string(next.plan.duration_minutes)})
                  .c_str());
    ui::muted(ctx, ctx.t.tr(ui::session_status_key(next.status, false)));
    ImGui::PushID("next");
    answers(ctx, next, state);
    ImGui::PopID();
    ui::end_card(dl, ImGui::GetColorU32(ui::color(ctx.theme.surface)));
  } else {
    ui::muted(ctx, ctx.t.format("session.none", {screens.other_name}).c_str());
  }
  ImGui::Spacing();
  ui::heading(ctx, ctx.t.tr("session.coming"));
  for (const MeetingRow& row : vm.upcoming) {
    if (vm.next && ReminderPlanner::key_of(row) == ReminderPlanner::key_of(*vm.next)) continue;
    ImGui::PushID(ReminderPlanner::key_of(row).c_str());
    std::string line = ui::when_text(ctx, row.plan.start.unix_ms) + "  " + row.title;
    ImGui::TextUnformatted(line.c_str());
    ImGui::SameLine();
    ui::muted(ctx, ctx.t.tr(ui::session_status_key(row.status, false)));
    if (row.needs_answer) answers(ctx, row, state);
    ImGui::Separator();
    ImGui::PopID();
  }
  ui::who_can_see_line(ctx, screens.case_audience);
}

}  // namespace sk::app
