#include "views/first_start_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "views/widgets.hpp"

namespace sk::app {

void draw_first_start(const ViewContext& ctx, FirstStartState& state) {
  float w = ImGui::GetContentRegionAvail().x;
  ImGui::Spacing();
  switch (state.step) {
    case FirstStartState::Step::kWelcome:
      ui::heading(ctx, ctx.t.tr("first.welcome_title"));
      ImGui::TextWrapped("%s", ctx.t.tr("first.welcome_text"));
      ImGui::Spacing();
      if (ui::accent_button(ctx, (std::string(ctx.t.tr("first.have_code")) + "###first.have_code").c_str(),
                            "first.have_code", ImVec2(w, 0))) {
        state.step = FirstStartState::Step::kCode;
      }
      ImGui::Spacing();
      ui::muted(ctx, ctx.t.tr("first.no_code"));
      break;
    case FirstStartState::Step::kCode: {
      ui::heading(ctx, ctx.t.tr("first.code_title"));
      ImGui::TextWrapped("%s", ctx.t.tr("first.code_text"));
      if (ImGui::IsWindowAppearing() || state.code.empty()) ImGui::SetKeyboardFocusHere();
      ImGui::SetNextItemWidth(w);
      bool enter =
          ImGui::InputTextWithHint("##code", "XXXX-XXXX-XX", &state.code,
                                   ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsUppercase);
      ui::tag(ctx, "first-code");
      if (!state.error_key.empty()) ui::muted(ctx, ctx.t.tr(state.error_key.c_str()));
      bool next = ui::accent_button(ctx, (std::string(ctx.t.tr("first.next")) + "###first-code_next").c_str(),
                                    "first-code_next", ImVec2(w, 0));
      if ((enter || next) && !state.code.empty()) {
        state.step = FirstStartState::Step::kNickname;
        state.error_key.clear();
      }
      break;
    }
    case FirstStartState::Step::kNickname: {
      ui::heading(ctx, ctx.t.tr("first.nick_title"));
      ImGui::TextWrapped("%s", ctx.t.tr("first.nick_text"));
      if (state.nickname.empty()) ImGui::SetKeyboardFocusHere();
      ImGui::SetNextItemWidth(w);
      bool enter = ImGui::InputTextWithHint("##nick", ctx.t.tr("first.nick_hint"), &state.nickname,
                                            ImGuiInputTextFlags_EnterReturnsTrue);
      ui::tag(ctx, "first-nickname");
      bool done = ui::accent_button(ctx, (std::string(ctx.t.tr("first.done")) + "###first.done").c_str(),
                                    "first.done", ImVec2(w, 0));
      if ((enter || done) && !state.nickname.empty() && !state.working) {
        ctx.sink.send(cmd::Join{state.code, state.nickname});
        state.working = true;
      }
      if (state.working) {
        ui::muted(ctx, ctx.t.tr("first.working"));
        ui::muted(ctx, ctx.t.tr("first.working_text"));
      }
      break;
    }
  }
  ImGui::Spacing();
  ui::muted(ctx, ctx.t.tr("first.privacy"));
}

}  // namespace sk::app
