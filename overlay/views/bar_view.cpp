#include "views/bar_view.hpp"

#include "views/widgets.hpp"

namespace sk::app {

void draw_bar(const ViewContext& ctx, const ScreenModels& models, bool pinned) {
  const float h = ImGui::GetFrameHeight();
  ImGui::AlignTextToFramePadding();
  if (models.current && models.current->sessions.next && models.countdown) {
    const MeetingRow& next = *models.current->sessions.next;
    ImGui::PushStyleColor(ImGuiCol_Text, ui::color(ctx.theme.accent));
    ImGui::TextUnformatted(next.title.empty() ? ctx.t.tr("bar.session") : next.title.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    std::string countdown = ui::countdown_text(ctx, *models.countdown);
    ImGui::TextUnformatted(countdown.c_str());
    ui::tag(ctx, "bar-countdown");
  } else {
    ui::muted(ctx, ctx.t.tr("bar.no_session"));
  }
  if (pinned) return;  // clicks pass through to the game: no buttons to offer
  // Right-aligned exactly, so the open button sits at the bar's right edge.
  const ImGuiStyle& style = ImGui::GetStyle();
  std::string unread = models.unread_total > 99 ? "99+" : std::to_string(models.unread_total);
  float buttons = h * 3 + style.ItemSpacing.x * 2;
  if (models.unread_total > 0)
    buttons += ImGui::CalcTextSize(unread.c_str()).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 8, ImGui::GetWindowContentRegionMax().x - buttons));
  if (models.unread_total > 0) {
    if (ui::accent_button(ctx, (unread + "###bar-unread").c_str(), "bar-unread")) {
      ctx.sink.send(cmd::Navigate{Screen::kChat});
      ctx.sink.send(cmd::SetMode{WindowMode::kExpanded});
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ctx.t.tr("bar.unread_tip"));
    ImGui::SameLine();
  }
  ImVec2 p = ImGui::GetCursorScreenPos();
  if (ImGui::InvisibleButton("bar-checkin", ImVec2(h, h))) {
    ctx.sink.send(cmd::Navigate{Screen::kCheckIn});
    ctx.sink.send(cmd::SetMode{WindowMode::kExpanded});
  }
  ui::tag(ctx, "bar-checkin");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ctx.t.tr("bar.checkin_tip"));
  ui::draw_face(ImGui::GetWindowDrawList(), ImVec2(p.x + h / 2, p.y + h / 2), h * 0.42f, 4,
                IM_COL32(30, 34, 48, 255), ui::mood_fill(4));
  ImGui::SameLine();
  if (ui::button(ctx, "?###bar-help", "bar-help", ImVec2(h, h))) {
    ctx.sink.send(cmd::Navigate{Screen::kHelp});
    ctx.sink.send(cmd::SetMode{WindowMode::kExpanded});
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ctx.t.tr("bar.help_tip"));
  ImGui::SameLine();
  if (ui::button(ctx, "+###bar-open", "bar-open", ImVec2(h, h)))
    ctx.sink.send(cmd::SetMode{WindowMode::kExpanded});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", ctx.t.tr("bar.open_tip"));
}

}  // namespace sk::app
