#include "views/case_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "sk/model/zone_rules.hpp"
#include "view_models/reminder_planner.hpp"
#include "views/check_in_view.hpp"
#include "views/widgets.hpp"

namespace sk::app {
namespace {

constexpr std::size_t kUpcomingShown = 5;  // the rest are in the .ics export

void schedule_form(const ViewContext& ctx, CaseViewState& s) {
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##title", ctx.t.tr("schedule.game"), &s.title);
  ui::tag(ctx, "schedule.title");
  ImGui::SetNextItemWidth(90);
  ImGui::InputInt((std::string(ctx.t.tr("schedule.in_days")) + "###days").c_str(), &s.day_offset);
  s.day_offset = std::clamp(s.day_offset, 0, 60);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(60);
  ImGui::InputInt("##hour", &s.hour, 0);
  s.hour = std::clamp(s.hour, 0, 23);
  ImGui::SameLine();
  ImGui::TextUnformatted(":");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(60);
  ImGui::InputInt("##minute", &s.minute, 0);
  s.minute = std::clamp(s.minute, 0, 59);
  ImGui::SetNextItemWidth(90);
  ImGui::InputInt((std::string(ctx.t.tr("schedule.minutes")) + "###duration").c_str(), &s.duration, 15);
  s.duration = std::clamp(s.duration, 5, 480);
  ImGui::Checkbox((std::string(ctx.t.tr("schedule.weekly")) + "###weekly").c_str(), &s.weekly);
  ui::tag(ctx, "schedule.weekly");
  if (s.weekly) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90);
    ImGui::InputInt((std::string(ctx.t.tr("schedule.weeks")) + "###weeks").c_str(), &s.weeks);
    s.weeks = std::clamp(s.weeks, 1, 52);
  }
  std::int64_t start = local_to_utc(ctx.now_ms, ctx.zone, s.day_offset, s.hour, s.minute);
  ui::muted(ctx, ui::when_text(ctx, start).c_str());
  if (ui::accent_button(ctx, (std::string(ctx.t.tr("schedule.propose")) + "###propose").c_str(),
                        "schedule.propose")) {
    model::SessionProposed p;
    p.start = model::Timestamp{start};
    p.time_zone = ctx.zone;
    p.duration_minutes = s.duration;
    p.title = s.title;
    if (s.weekly) {
      p.recurrence = model::Recurrence::kWeekly;
      p.until = model::Timestamp{start + s.weeks * model::kWeekMs - model::kHourMs};
    }
    ctx.sink.send(cmd::Propose{p});
  }
}

void meeting_row(const ViewContext& ctx, const MeetingRow& row, const std::string& youth, CaseViewState& s) {
  std::string key = ReminderPlanner::key_of(row);
  ImGui::PushID(key.c_str());
  std::string line = ui::when_text(ctx, row.plan.start.unix_ms) + "  " + row.title;
  ImGui::TextUnformatted(line.c_str());
  ImGui::SameLine();
  ui::muted(ctx, ctx.t.format(ui::session_status_key(row.status, true), {youth}).c_str());
  ui::tag(ctx, "case-meeting-" + std::string(model::to_string(row.status)));
  bool final_state = row.status == model::SessionStatus::kCancelled;
  if (row.past && !final_state) {
    ui::same_line_if_fits({ctx.t.tr("case.attended"), ctx.t.tr("case.no_show")});
    if (ui::button(ctx, (std::string(ctx.t.tr("case.attended")) + "###att").c_str(), "case.attended")) {
      ctx.sink.send(cmd::MarkAttended{row.ref});
    }
    ImGui::SameLine();
    if (ui::button(ctx, (std::string(ctx.t.tr("case.no_show")) + "###ns").c_str(), "case.no_show")) {
      ctx.sink.send(cmd::MarkNoShow{row.ref});
    }
  } else if (!row.past && !final_state) {
    ui::same_line_if_fits({ctx.t.tr("case.move"), ctx.t.tr("case.cancel")});
    if (ui::button(ctx, (std::string(ctx.t.tr("case.move")) + "###mv").c_str(), "case.move")) {
      s.reschedule_key = s.reschedule_key == key ? std::string() : key;
    }
    ImGui::SameLine();
    if (ui::button(ctx, (std::string(ctx.t.tr("case.cancel")) + "###cx").c_str(), "case.cancel")) {
      ctx.sink.send(cmd::Cancel{row.ref, {}});
    }
    if (s.reschedule_key == key) {
      ImGui::SetNextItemWidth(90);
      ImGui::InputInt((std::string(ctx.t.tr("case.move_days")) + "###md").c_str(), &s.move_days);
      s.move_days = std::clamp(s.move_days, -6, 30);
      ImGui::SameLine();
      if (ui::button(ctx, (std::string(ctx.t.tr("case.move_go")) + "###mg").c_str(), "case.move_go")) {
        model::SessionPlan plan = row.plan;
        plan.start.unix_ms += s.move_days * model::kDayMs;
        ctx.sink.send(cmd::Reschedule{row.ref, plan});
        s.reschedule_key.clear();
      }
    }
  }
  if (row.suggested && !row.past && !final_state) {
    // The youth's "another time?": one click moves the meeting there (a reschedule they answer).
    ImGui::PushStyleColor(ImGuiCol_Text, ui::color(ctx.theme.accent));
    ImGui::TextWrapped(
        "%s",
        ctx.t.format("case.suggested", {youth, ui::when_text(ctx, row.suggested->start.unix_ms)}).c_str());
    ImGui::PopStyleColor();
    ui::tag(ctx, "case-suggested");
    ui::same_line_if_fits({ctx.t.tr("case.take_suggestion")});
    if (ui::accent_button(ctx, (std::string(ctx.t.tr("case.take_suggestion")) + "###take").c_str(),
                          "case.take_suggestion")) {
      ctx.sink.send(cmd::Reschedule{row.ref, *row.suggested});
    }
  }
  ImGui::PopID();
}

void trend_chart(const ViewContext& ctx, const WellbeingViewModel& vm) {
  if (vm.trend.empty()) {
    ui::muted(ctx, ctx.t.tr("case.no_checkins"));
    return;
  }
  float w = ImGui::GetContentRegionAvail().x;
  float h = ImGui::GetFontSize() * 4;
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ui::color(ctx.theme.surface)), 6);
  float step = vm.trend.size() > 1 ? (w - 24) / static_cast<float>(vm.trend.size() - 1) : 0;
  auto at = [&](std::size_t i) {
    return ImVec2(p.x + 12 + step * static_cast<float>(i),
                  p.y + h - 10 - (static_cast<float>(vm.trend[i].mood - 1) / 4.0f) * (h - 20));
  };
  for (std::size_t i = 1; i < vm.trend.size(); ++i) {
    dl->AddLine(at(i - 1), at(i), ImGui::GetColorU32(ui::color(ctx.theme.accent)), 2.0f);
  }
  for (std::size_t i = 0; i < vm.trend.size(); ++i) {
    ui::draw_face(dl, at(i), 6, vm.trend[i].mood, IM_COL32(30, 34, 48, 255), ui::mood_fill(vm.trend[i].mood));
  }
  ImGui::Dummy(ImVec2(w, h));
  ui::tag(ctx, "case.trend");
  const TrendPoint& last = vm.trend.back();
  if (!last.tags.empty()) {
    std::string tags;
    for (const auto& t : last.tags) {
      const char* key = ui::tag_key(t);
      tags += (tags.empty() ? "" : ", ") + std::string(key ? ctx.t.tr(key) : t.c_str());
    }
    ui::muted(ctx, ctx.t.format("case.last_tags", {tags}).c_str());
  }
}

// A reinstalled or new device of the youth pairs with a fresh code; the history follows it.
void new_device_code(const ViewContext& ctx, const CaseScreens& screens,
                     const std::vector<InvitationView>& invitations,
                     std::optional<std::set<std::string>>& before) {
  ui::muted(ctx, ctx.t.format("case.new_code_why", {screens.other_name}).c_str());
  const auto of_case = [&screens](const InvitationView& inv) { return inv.case_id == screens.case_id.str(); };
  if (ui::button(ctx, (std::string(ctx.t.tr("case.new_code")) + "###case.new_code").c_str(),
                 "case.new_code")) {
    before.emplace();
    for (const InvitationView& inv : invitations)
      if (of_case(inv)) before->insert(inv.code);
    ctx.sink.send(cmd::InviteAgain{screens.case_id});
  }
  if (!before) return;
  for (const InvitationView& inv : invitations) {
    if (!of_case(inv) || before->count(inv.code)) continue;
    if (inv.state == InvitationView::State::kJoined) {
      ui::muted(ctx, (inv.code + "  " + ctx.t.tr("invite.joined")).c_str());
      ui::tag(ctx, "case-new-code-joined");
      continue;
    }
    if (inv.state != InvitationView::State::kWaiting) {
      ui::muted(
          ctx, (inv.code + "  " +
                ctx.t.tr(inv.state == InvitationView::State::kExpired ? "invite.expired" : "invite.mismatch"))
                   .c_str());
      continue;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ui::color(ctx.theme.accent));
    ImGui::TextUnformatted(inv.code.c_str());
    ImGui::PopStyleColor();
    ui::tag(ctx, "case-new-code");
    ImGui::SameLine();
    if (ImGui::SmallButton((std::string(ctx.t.tr("invite.copy")) + "###copy" + inv.code).c_str()))
      ImGui::SetClipboardText(inv.code.c_str());
    ImGui::SameLine();
    ui::muted(ctx, ctx.t.format("invite.expires", {ui::when_text(ctx, inv.expires_ms)}).c_str());
  }
}

}  // namespace

void draw_case(const ViewContext& ctx, const CaseScreens& screens,
               const std::vector<InvitationView>& invitations, CaseViewState& state) {
  float left = ImGui::GetContentRegionAvail().x * 0.48f;
  ImGui::BeginChild("case-left", ImVec2(left, 0), false);
  ui::heading(ctx, screens.other_name.c_str());
  draw_chat(ctx, screens, state.chat);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("case-right", ImVec2(0, 0), false);
  if (ImGui::CollapsingHeader((std::string(ctx.t.tr("case.sessions")) + "###case.sessions").c_str(),
                              ImGuiTreeNodeFlags_DefaultOpen)) {
    for (const MeetingRow& row : screens.sessions.recent) meeting_row(ctx, row, screens.other_name, state);
    std::size_t shown = 0;
    for (const MeetingRow& row : screens.sessions.upcoming) {
      if (++shown > kUpcomingShown) break;
      meeting_row(ctx, row, screens.other_name, state);
    }
    if (ui::button(ctx, (std::string(ctx.t.tr("case.export")) + "###case.export").c_str(), "case.export")) {
      ctx.sink.send(cmd::ExportIcs{});
    }
  }
  const bool planning =
      ImGui::CollapsingHeader((std::string(ctx.t.tr("schedule.title")) + "###schedule").c_str());
  ui::tag(ctx, "case-schedule");
  if (planning) schedule_form(ctx, state);
  if (ImGui::CollapsingHeader((std::string(ctx.t.tr("case.voice")) + "###case.voice").c_str(),
                              ImGuiTreeNodeFlags_DefaultOpen)) {
    const WellbeingViewModel& w = screens.wellbeing;
    auto join = [](const std::vector<std::string>& v) {
      std::string s;
      for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
      return s;
    };
    ImGui::TextWrapped("%s", ctx.t.format("case.likes", {join(w.likes)}).c_str());
    ImGui::TextWrapped("%s", ctx.t.format("case.good_at", {join(w.good_at)}).c_str());
    for (const auto& wish : w.wishes) ImGui::BulletText("%s", wish.c_str());
  }
  if (ImGui::CollapsingHeader((std::string(ctx.t.tr("case.trend")) + "###case.trend").c_str(),
                              ImGuiTreeNodeFlags_DefaultOpen)) {
    trend_chart(ctx, screens.wellbeing);
    draw_check_in_strip(ctx, screens.wellbeing);
    ui::who_can_see_line(ctx, screens.checkin_audience);
  }
  const bool new_device =
      ImGui::CollapsingHeader((std::string(ctx.t.tr("case.new_device")) + "###case.new_device").c_str());
  ui::tag(ctx, "case-new_device");
  if (new_device) new_device_code(ctx, screens, invitations, state.codes_before_new);
  ImGui::EndChild();
}

}  // namespace sk::app
