#include "views/help_view.hpp"

#include "views/widgets.hpp"

namespace sk::app {

void draw_help(const ViewContext& ctx, const CrisisTable& table, const std::string& contact_name,
               bool after_low_check_in) {
  auto lang = static_cast<std::size_t>(ctx.t.language());
  if (after_low_check_in) {
    ImGui::TextWrapped("%s", ctx.t.tr("help.after_low"));
    ImGui::Spacing();
  }
  ui::heading(ctx, ctx.t.tr("help.title"));
  ImGui::TextWrapped("%s", ctx.t.format("help.intro", {contact_name}).c_str());
  ImGui::Spacing();
  for (std::size_t i = 0; i < table.lines.size(); ++i) {
    const CrisisLine& line = table.lines[i];
    ImGui::PushID(static_cast<int>(i));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::PushStyleColor(ImGuiCol_Text, ui::color(line.emergency ? ctx.theme.text_on_warm : ctx.theme.text));
    ui::begin_card(dl);
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextUnformatted(line.number.c_str());
    ImGui::SetWindowFontScale(1.0f);
    ImGui::SameLine();
    ImGui::TextUnformatted(line.name[lang].c_str());
    ImGui::TextWrapped("%s", line.when[lang].c_str());
    if (!line.hours[lang].empty()) ImGui::TextUnformatted(line.hours[lang].c_str());
    ui::end_card(dl, ImGui::GetColorU32(ui::color(line.emergency ? ctx.theme.warm : ctx.theme.surface)));
    ui::tag(ctx, "help-line-" + std::to_string(i));
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
  ui::muted(ctx, ctx.t.tr("help.private"));
}

}  // namespace sk::app
