#include "views/chat_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "sk/model/limits.hpp"
#include "views/widgets.hpp"

namespace sk::app {
namespace {

constexpr std::size_t kChatLinesShown = 300;

const char* delivery_key(model::Delivery d) {
  switch (d) {
    case model::Delivery::kSent:
      return "chat.not_yet_sent";
    case model::Delivery::kDelivered:
      return "chat.delivered";
    case model::Delivery::kRead:
      return "chat.read";
  }
  return "chat.delivered";
}

void draw_line(const ViewContext& ctx, const ChatLine& line, float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line_x = ImGui::GetCursorPosX();
  float bubble_max = width * 0.78f;
  std::string time = clock_text(to_local(line.created_at_ms, ctx.zone));
  std::string meta = line.mine ? time + "  " + ctx.t.tr(delivery_key(line.delivery)) : time;
  if (line.sticker) {
    if (line.mine) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width * 0.45f);
    ui::sticker_badge(ctx, line.text);
  } else {
    ImVec2 text_size =
        ImGui::CalcTextSize(line.text.c_str(), nullptr, false, bubble_max - 2 * style.FramePadding.x);
    ImVec2 size(text_size.x + 2 * style.FramePadding.x + 4, text_size.y + 2 * style.FramePadding.y);
    if (line.mine) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width - size.x);
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(
        p, ImVec2(p.x + size.x, p.y + size.y),
        ImGui::GetColorU32(ui::color(line.mine ? ctx.theme.own_bubble : ctx.theme.surface)), 8.0f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + style.FramePadding.x, p.y + style.FramePadding.y));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + bubble_max - 2 * style.FramePadding.x);
    ImGui::TextUnformatted(line.text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + size.y + 2));
  }
  float meta_w = ImGui::CalcTextSize(meta.c_str()).x;
  ImGui::SetCursorPosX(line.mine ? line_x + width - meta_w : line_x);
  ImGui::PushStyleColor(ImGuiCol_Text, ui::color(ctx.theme.text_muted));
  ImGui::TextUnformatted(meta.c_str());
  ImGui::PopStyleColor();
  ImGui::Spacing();
}

}  // namespace

void draw_chat(const ViewContext& ctx, const CaseScreens& screens, ChatViewState& state) {
  const ChatViewModel& vm = screens.chat;
  // Who can read it, and anything still waiting to be sent, above the messages; below them only
  // the rows to write in, so their height is known.
  ui::who_can_see_line(ctx, screens.case_audience);
  for (const auto& [name, hours] : vm.reply_hours) {
    ui::muted(ctx, ctx.t.format("chat.reply_hours", {name, hours}).c_str());
    ui::tag(ctx, "chat-reply_hours");
  }
  if (vm.not_yet_sent > 0) ui::muted(ctx, ctx.t.tr("chat.offline_note"));
  float footer = ImGui::GetFrameHeightWithSpacing() * (state.stickers_open ? 3.0f : 2.0f);
  ImGui::BeginChild("chat-lines", ImVec2(0, -footer), false);
  float width = ImGui::GetContentRegionAvail().x;
  if (vm.lines.empty()) {
    ui::muted(ctx, ctx.t.format("chat.empty", {screens.other_name}).c_str());
  }
  // Bubbles differ in height, which ImGuiListClipper can't skip over; frames are rare (only
  // when something changed), so the newest kChatLinesShown are drawn in full.
  std::size_t first = vm.lines.size() > kChatLinesShown ? vm.lines.size() - kChatLinesShown : 0;
  for (std::size_t i = first; i < vm.lines.size(); ++i) {
    ImGui::PushID(vm.lines[i].id.str().c_str());
    ImGui::BeginGroup();
    draw_line(ctx, vm.lines[i], width);
    ImGui::EndGroup();
    ui::tag(ctx, "chat-line-" + std::to_string(i));
    // Scripts wait on this before quitting, so what they sent has reached the server.
    if (vm.lines[i].mine && vm.lines[i].delivery != model::Delivery::kSent)
      ui::tag(ctx, "chat-delivered-" + std::to_string(i));
    ImGui::PopID();
  }
  if (state.lines_seen != vm.lines.size()) {
    ImGui::SetScrollHereY(1.0f);
    state.lines_seen = vm.lines.size();
  }
  ImGui::EndChild();

  if (state.stickers_open) {
    for (std::string_view sticker : model::kStickers) {
      std::string s(sticker);
      std::string id = "chat-sticker-" + s;
      if (ui::button(ctx, (std::string(ctx.t.tr(ui::sticker_key(s))) + "###" + id).c_str(), id.c_str())) {
        ctx.sink.send(cmd::SendWave{s});
        state.stickers_open = false;
      }
      ImGui::SameLine();
    }
    ImGui::NewLine();
  }
  if (ui::button(ctx, (std::string(ctx.t.tr("chat.wave")) + "###chat.wave").c_str(), "chat.wave")) {
    ctx.sink.send(cmd::SendWave{"wave"});
  }
  ImGui::SameLine();
  if (ui::button(ctx, (std::string(ctx.t.tr("chat.stickers")) + "###chat.stickers").c_str(),
                 "chat.stickers")) {
    state.stickers_open = !state.stickers_open;
  }
  float send_w = ImGui::CalcTextSize(ctx.t.tr("chat.send")).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - send_w - ImGui::GetStyle().ItemSpacing.x);
  if (std::exchange(state.focus_draft, false)) ImGui::SetKeyboardFocusHere();
  bool enter = ImGui::InputTextWithHint("##chat-draft", ctx.t.tr("chat.hint"), &state.draft,
                                        ImGuiInputTextFlags_EnterReturnsTrue);
  ui::tag(ctx, "chat-draft");
  if (enter) ImGui::SetKeyboardFocusHere(-1);  // keep writing after Enter
  ImGui::SameLine();
  bool send =
      ui::accent_button(ctx, (std::string(ctx.t.tr("chat.send")) + "###chat.send").c_str(), "chat.send");
  if ((enter || send) && !state.draft.empty()) {
    ctx.sink.send(cmd::SendChat{state.draft});
    state.draft.clear();
  }
}

}  // namespace sk::app
