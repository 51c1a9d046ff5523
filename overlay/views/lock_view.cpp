#include "views/lock_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "views/widgets.hpp"

namespace sk::app {

void draw_lock(const ViewContext& ctx, LockState& state, bool youth) {
  ui::heading(ctx, ctx.t.tr(youth ? "lock.pin_title" : "lock.pass_title"));
  ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(-1);
  ImGuiInputTextFlags flags = ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue;
  if (youth) flags |= ImGuiInputTextFlags_CharsDecimal;
  bool enter = ImGui::InputText("##secret", &state.secret, flags);
  ui::tag(ctx, "lock-secret");
  if (state.wrong) ui::muted(ctx, ctx.t.tr("lock.wrong"));
  if ((enter ||
       ui::accent_button(ctx, (std::string(ctx.t.tr("lock.open")) + "###lock.open").c_str(), "lock.open")) &&
      !state.secret.empty()) {
    ctx.sink.send(cmd::Unlock{state.secret});
    state.secret.clear();
  }
}

}  // namespace sk::app
