#include "views/sessions_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "core/time/local_time.hpp"
#include "view_models/reminder_planner.hpp"
#include "views/widgets.hpp"

namespace sk::app {
namespace {

constexpr int kSuggestStepMinutes = 30;

// Another time in two taps: a day of the coming week, then earlier/later in half hours.
void suggestion_picker(const ViewContext& ctx, const MeetingRow& row, SessionsViewState& state) {
  if (state.suggest_minute < 0) {
    const LocalTime own = to_local(row.plan.start.unix_ms, ctx.zone);
    state.suggest_minute = own.hour * 60 + own.minute;
  }
  const LocalTime today = to_local(ctx.now_ms, ctx.zone);
  for (int d = 0; d < 7; ++d) {
    const char* label = d == 0   ? ctx.t.tr("suggest.today")
                        : d == 1 ? ctx.t.tr("suggest.tomorrow")
                                 : ctx.t.tr(ui::weekday_key((today.weekday + d) % 7));
    const std::string id = "session-suggest-day-" + std::to_string(d);
    if (d > 0) ImGui::SameLine();
    const bool chosen = state.suggest_day == d;
    if (chosen ? ui::accent_button(ctx, (std::string(label) + "###" + id).c_str(), id.c_str())
               : ui::button(ctx, (std::string(label) + "###" + id).c_str(), id.c_str()))
      state.suggest_day = d;
  }
  if (ui::button(ctx, "-###suggest_earlier", "session-suggest-earlier"))
    state.suggest_minute = std::max(0, state.suggest_minute - kSuggestStepMinutes);
  ImGui::SameLine();
  const std::int64_t start = local_to_utc(ctx.now_ms, ctx.zone, state.suggest_day, state.suggest_minute / 60,
                                          state.suggest_minute % 60);
  ImGui::TextUnformatted(ui::when_text(ctx, start).c_str());
  ui::tag(ctx, "session-suggest-when");
  ImGui::SameLine();
  if (ui::button(ctx, "+###suggest_later", "session-suggest-later"))
    state.suggest_minute = std::min(23 * 60 + 30, state.suggest_minute + kSuggestStepMinutes);
  ImGui::SameLine();
  if (ui::accent_button(ctx, (std::string(ctx.t.tr("session.suggest_send")) + "###suggest_send").c_str(),
                        "session-suggest_send")) {
    ctx.sink.send(cmd::SuggestTime{row.ref, start, ctx.zone});
    state.suggesting_key.clear();
    state.suggest_minute = -1;
  }
}

// `ids`: the widget ids of the three answers; the next card's differ from the list's, so a
// script (and the keyboard) reaches the one it means.
struct AnswerIds {
  const char* accept;
  const char* not_today;
  const char* suggest;
};
constexpr AnswerIds kNextIds{"session.accept", "session.not_today", "session.suggest"};
constexpr AnswerIds kRowIds{"session-row-accept", "session-row-not_today", "session-row-suggest"};

void answers(const ViewContext& ctx, const MeetingRow& row, SessionsViewState& state, const AnswerIds& ids) {
  std::string key = ReminderPlanner::key_of(row);
  bool answered_yes = row.status == model::SessionStatus::kAccepted;
  bool answered_no = row.status == model::SessionStatus::kDeclined;
  if (!answered_yes &&
      ui::accent_button(ctx, (std::string(ctx.t.tr("session.accept")) + "###accept").c_str(), ids.accept)) {
    ctx.sink.send(cmd::Answer{row.accept_ref, model::Answer::kAccept, {}});
  }
  if (!answered_yes) ImGui::SameLine();
  if (!answered_no &&
      ui::button(ctx, (std::string(ctx.t.tr("session.not_today")) + "###not_today").c_str(), ids.not_today)) {
    ctx.sink.send(cmd::Answer{row.ref, model::Answer::kNotToday, {}});
    state.declined_key = key;
  }
  if (!answered_no) ImGui::SameLine();
  if (ui::button(ctx, (std::string(ctx.t.tr("session.suggest")) + "###suggest").c_str(), ids.suggest)) {
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
  if (state.suggesting_key == key) suggestion_picker(ctx, row, state);
  if (row.suggested)
    ui::muted(
        ctx,
        ctx.t.format("session.suggested_by_you", {ui::when_text(ctx, row.suggested->start.unix_ms)}).c_str());
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
    ui::tag(ctx, "session-status-" + std::string(model::to_string(next.status)));
    ImGui::PushID("next");
    answers(ctx, next, state, kNextIds);
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
    if (row.needs_answer) answers(ctx, row, state, kRowIds);
    ImGui::Separator();
    ImGui::PopID();
  }
  ui::who_can_see_line(ctx, screens.case_audience);
}

}  // namespace sk::app
