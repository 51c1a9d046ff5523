#include "views/me_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "views/widgets.hpp"

namespace sk::app {
namespace {

// A list of chips with a remove button each, and a line to add one. Returns the changed list
// when the user added or removed something.
std::optional<std::vector<std::string>> chip_list(const ViewContext& ctx, const char* id,
                                                  const std::vector<std::string>& items, std::string& input,
                                                  const char* hint) {
  std::optional<std::vector<std::string>> changed;
  ImGui::PushID(id);
  for (std::size_t i = 0; i < items.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushStyleColor(ImGuiCol_Button, ui::color(ctx.theme.own_bubble));
    if (ImGui::Button((items[i] + "  x").c_str())) {
      changed = items;
      changed->erase(changed->begin() + static_cast<std::ptrdiff_t>(i));
    }
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ctx.t.tr("me.remove_tip"));
    ImGui::PopID();
    if (i + 1 < items.size()) ImGui::SameLine();
  }
  ImGui::SetNextItemWidth(-90);
  bool enter = ImGui::InputTextWithHint("##add", hint, &input, ImGuiInputTextFlags_EnterReturnsTrue);
  ui::tag(ctx, std::string(id) + ".input");
  ImGui::SameLine();
  bool add = ui::button(ctx, (std::string(ctx.t.tr("me.add")) + "###add").c_str(),
                        (std::string(id) + ".add").c_str());
  if ((enter || add) && !input.empty() && std::find(items.begin(), items.end(), input) == items.end()) {
    changed = items;
    changed->push_back(input);
    input.clear();
  }
  ImGui::PopID();
  return changed;
}

}  // namespace

void draw_me(const ViewContext& ctx, const CaseScreens& screens, MeViewState& state) {
  const WellbeingViewModel& vm = screens.wellbeing;
  ui::heading(ctx, ctx.t.tr("me.likes"));
  if (auto likes = chip_list(ctx, "me.likes", vm.likes, state.new_like, ctx.t.tr("me.likes_hint"))) {
    ctx.sink.send(cmd::SetInterests{{*likes, vm.good_at}});
  }
  ImGui::Spacing();
  ui::heading(ctx, ctx.t.tr("me.good_at"));
  if (auto good = chip_list(ctx, "me.good_at", vm.good_at, state.new_good_at, ctx.t.tr("me.good_at_hint"))) {
    ctx.sink.send(cmd::SetInterests{{vm.likes, *good}});
  }
  ImGui::Spacing();
  ui::heading(ctx, ctx.t.tr("me.wishes"));
  for (const std::string& wish : vm.wishes) ImGui::BulletText("%s", wish.c_str());
  ImGui::SetNextItemWidth(-90);
  bool enter = ImGui::InputTextWithHint("##wish", ctx.t.tr("me.wish_hint"), &state.new_wish,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
  ui::tag(ctx, "me-wish-input");
  ImGui::SameLine();
  bool add = ui::button(ctx, (std::string(ctx.t.tr("me.add")) + "###wish_add").c_str(), "me-wish-add");
  if ((enter || add) && !state.new_wish.empty()) {
    ctx.sink.send(cmd::WishTopic{state.new_wish});
    state.new_wish.clear();
  }
  ui::who_can_see_line(ctx, screens.case_audience);
}

}  // namespace sk::app
