#include "views/check_in_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "sk/model/limits.hpp"
#include "views/widgets.hpp"

namespace sk::app {

void draw_check_in_strip(const ViewContext& ctx, const WellbeingViewModel& vm) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float r = ImGui::GetFontSize() * 0.45f;
  float step = r * 2 + 4;
  ImVec2 origin = ImGui::GetCursorScreenPos();
  for (std::size_t i = 0; i < vm.strip.size(); ++i) {
    auto col = static_cast<float>(i % 7);
    auto row = static_cast<float>(i / 7);
    ImVec2 c(origin.x + r + col * step, origin.y + r + row * step);
    if (vm.strip[i].mood) {
      ui::draw_face(dl, c, r, *vm.strip[i].mood, IM_COL32(30, 34, 48, 255), ui::mood_fill(*vm.strip[i].mood));
    } else {
      dl->AddCircle(c, r * 0.5f, ImGui::GetColorU32(ui::color(ctx.theme.text_muted, 0.5f)), 12, 1.0f);
    }
  }
  ImGui::Dummy(ImVec2(step * 7, step * static_cast<float>((vm.strip.size() + 6) / 7)));
  ui::tag(ctx, "checkin.strip");
}

void draw_check_in(const ViewContext& ctx, const CaseScreens& screens, CheckInViewState& state) {
  ui::heading(ctx, ctx.t.tr("checkin.title"));
  float radius = ImGui::GetFontSize() * 1.15f;
  for (int mood = 1; mood <= 5; ++mood) {
    if (ui::face_button(ctx, mood, state.mood == mood, radius, "checkin-face-" + std::to_string(mood))) {
      state.mood = mood;
      state.sent = false;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ctx.t.tr(ui::mood_key(mood)));
    if (mood < 5) ImGui::SameLine();
  }
  if (state.mood) {
    ui::muted(ctx, ctx.t.tr(ui::mood_key(*state.mood)));
  } else {
    ui::muted(ctx, ctx.t.tr("checkin.pick_face"));
  }
  ImGui::Spacing();
  ui::muted(ctx, ctx.t.tr("checkin.tags_optional"));
  int n = 0;
  for (std::string_view tag_name : model::kCheckInTags) {
    std::string t(tag_name);
    bool on = state.tags.contains(t);
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ui::color(ctx.theme.own_bubble));
    std::string id = "checkin-tag-" + t;
    const char* label = ctx.t.tr(ui::tag_key(t));
    float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
    if (n > 0 && ImGui::GetItemRectMax().x + w + ImGui::GetStyle().ItemSpacing.x <
                     ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) {
      ImGui::SameLine();
    }
    if (ui::button(ctx, (std::string(label) + "###" + id).c_str(), id.c_str())) {
      if (on)
        state.tags.erase(t);
      else
        state.tags.insert(t);
    }
    if (on) ImGui::PopStyleColor();
    ++n;
  }
  ImGui::Spacing();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##checkin-line", ctx.t.tr("checkin.line_hint"), &state.line);
  ui::tag(ctx, "checkin-line");
  ImGui::Spacing();
  ImGui::BeginDisabled(!state.mood);
  if (ui::accent_button(ctx, (std::string(ctx.t.tr("checkin.send")) + "###checkin.send").c_str(),
                        "checkin.send")) {
    ctx.sink.send(cmd::CheckIn{*state.mood, {state.tags.begin(), state.tags.end()}, state.line});
    if (*state.mood == 1) ctx.sink.send(cmd::Navigate{Screen::kHelp});
    state = CheckInViewState{};
    state.sent = true;
  }
  ImGui::EndDisabled();
  if (state.sent) {
    ImGui::SameLine();
    ui::muted(ctx, ctx.t.tr("checkin.thanks"));
  }
  ImGui::Spacing();
  ImGui::Separator();
  ui::muted(ctx, ctx.t.tr("checkin.strip"));
  draw_check_in_strip(ctx, screens.wellbeing);
  ui::who_can_see_line(ctx, screens.checkin_audience);
}

}  // namespace sk::app
