#include "views/enroll_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "views/widgets.hpp"

namespace sk::app {

void draw_enroll(const ViewContext& ctx, EnrollState& state) {
  ui::heading(ctx, ctx.t.tr("enroll.title"));
  ImGui::TextWrapped("%s", ctx.t.tr("enroll.text"));
  ImGui::Spacing();
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##code", ctx.t.tr("enroll.code"), &state.code,
                           ImGuiInputTextFlags_CharsUppercase);
  ui::tag(ctx, "enroll-code");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##name", ctx.t.tr("enroll.name"), &state.name);
  ui::tag(ctx, "enroll-name");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##pass", ctx.t.tr("enroll.passphrase"), &state.passphrase,
                           ImGuiInputTextFlags_Password);
  ui::tag(ctx, "enroll-passphrase");
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##repeat", ctx.t.tr("enroll.repeat"), &state.repeat,
                           ImGuiInputTextFlags_Password);
  ui::tag(ctx, "enroll-repeat");
  ui::muted(ctx, ctx.t.tr("enroll.passphrase_note"));
  bool mismatch = !state.repeat.empty() && state.repeat != state.passphrase;
  if (mismatch) ui::muted(ctx, ctx.t.tr("enroll.mismatch"));
  if (!state.error_key.empty()) ui::muted(ctx, ctx.t.tr(state.error_key.c_str()));
  bool ready = !state.code.empty() && !state.name.empty() && state.passphrase.size() >= 10 && !mismatch &&
               state.repeat == state.passphrase && !state.working;
  ImGui::BeginDisabled(!ready);
  if (ui::accent_button(ctx, (std::string(ctx.t.tr("enroll.go")) + "###enroll.go").c_str(), "enroll.go")) {
    ctx.sink.send(cmd::Enroll{state.code, state.name, state.passphrase});
    state.working = true;
  }
  ImGui::EndDisabled();
  if (state.working) ui::muted(ctx, ctx.t.tr("first.working"));
}

}  // namespace sk::app
