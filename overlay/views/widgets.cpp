#include "views/widgets.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <string_view>

#include "sk/model/limits.hpp"

namespace sk::app::ui {
namespace {

constexpr std::array<const char*, 5> kMoodKeys{"mood.1", "mood.2", "mood.3", "mood.4", "mood.5"};
constexpr std::array<const char*, 7> kWeekdayKeys{"day.mon", "day.tue", "day.wed", "day.thu",
                                                  "day.fri", "day.sat", "day.sun"};
struct Named {
  std::string_view name;
  const char* key;
};
constexpr std::array<Named, 8> kStickerKeys{{{"wave", "sticker.wave"},
                                             {"thumbs_up", "sticker.thumbs_up"},
                                             {"heart", "sticker.heart"},
                                             {"star", "sticker.star"},
                                             {"gg", "sticker.gg"},
                                             {"high_five", "sticker.high_five"},
                                             {"coffee", "sticker.coffee"},
                                             {"sun", "sticker.sun"}}};
constexpr std::array<Named, 12> kTagKeys{{{"tired", "tag.tired"},
                                          {"anxious", "tag.anxious"},
                                          {"lonely", "tag.lonely"},
                                          {"bored", "tag.bored"},
                                          {"stressed", "tag.stressed"},
                                          {"sad", "tag.sad"},
                                          {"angry", "tag.angry"},
                                          {"calm", "tag.calm"},
                                          {"happy", "tag.happy"},
                                          {"proud", "tag.proud"},
                                          {"slept_well", "tag.slept_well"},
                                          {"went_outside", "tag.went_outside"}}};
// In SessionStatus order: proposed, accepted, declined, rescheduled, cancelled, attended, no-show.
constexpr std::array<const char*, 7> kYouthStatusKeys{
    "session.status.proposed",    "session.status.accepted",  "session.status.declined",
    "session.status.rescheduled", "session.status.cancelled", "session.status.attended",
    "session.status.no_show"};
constexpr std::array<const char*, 7> kContactStatusKeys{
    "case.status.proposed",  "case.status.accepted", "case.status.declined", "case.status.rescheduled",
    "case.status.cancelled", "case.status.attended", "case.status.no_show"};

// From a soft lavender (hard day) to a warm yellow (good day): no red, nothing alarming.
constexpr std::array<ImU32, 5> kFills{IM_COL32(176, 168, 222, 255), IM_COL32(160, 196, 232, 255),
                                      IM_COL32(190, 214, 200, 255), IM_COL32(168, 222, 170, 255),
                                      IM_COL32(246, 214, 122, 255)};
static_assert(kStickerKeys.size() == model::kStickers.size());
static_assert(kTagKeys.size() == model::kCheckInTags.size());

const char* lookup(std::span<const Named> table, const std::string& name, const char* fallback) {
  for (const Named& n : table) {
    if (n.name == name) return n.key;
  }
  return fallback;
}

}  // namespace

ImVec4 color(Rgb c, float alpha) {
  return ImVec4(c.r, c.g, c.b, alpha);
}

void tag(const ViewContext& ctx, const char* id) {
  tag(ctx, std::string(id));
}

void tag(const ViewContext& ctx, const std::string& id) {
  ImVec2 a = ImGui::GetItemRectMin();
  ImVec2 b = ImGui::GetItemRectMax();
  ctx.probe.put(id, ProbeRect{a.x, a.y, b.x, b.y});
}

bool button(const ViewContext& ctx, const char* label, const char* id, ImVec2 size) {
  ImGui::PushID(id);
  bool clicked = ImGui::Button(label, size);
  ImGui::PopID();
  tag(ctx, id);
  return clicked;
}

bool accent_button(const ViewContext& ctx, const char* label, const char* id, ImVec2 size) {
  ImGui::PushStyleColor(ImGuiCol_Button, color(ctx.theme.accent));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color(ctx.theme.accent, 0.9f));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, color(ctx.theme.accent, 0.8f));
  ImGui::PushStyleColor(ImGuiCol_Text, color(ctx.theme.text_on_accent));
  bool clicked = button(ctx, label, id, size);
  ImGui::PopStyleColor(4);
  return clicked;
}

void muted(const ViewContext& ctx, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color(ctx.theme.text_muted));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

void heading(const ViewContext& ctx, const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color(ctx.theme.accent));
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::Spacing();
}

void who_can_see_line(const ViewContext& ctx, const AudienceLabel& label) {
  std::string text = substitute(ctx.t.tr(label.key), {label.names});
  ImGui::PushStyleColor(ImGuiCol_Text, color(ctx.theme.text_muted));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
  tag(ctx, "who-can-see");
}

void begin_card(ImDrawList* dl) {
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::SetCursorPos(
      ImVec2(ImGui::GetCursorPosX() + style.WindowPadding.x, ImGui::GetCursorPosY() + style.WindowPadding.y));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - style.WindowPadding.x);
}

void end_card(ImDrawList* dl, ImU32 fill) {
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImVec2 a = ImGui::GetItemRectMin();
  ImVec2 b = ImGui::GetItemRectMax();
  a = ImVec2(a.x - style.WindowPadding.x, a.y - style.WindowPadding.y);
  b = ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x, b.y + style.WindowPadding.y);
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(a, b, fill, 10.0f);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(a.x, b.y + style.ItemSpacing.y));
  ImGui::Dummy(ImVec2(0, 0));
}

ImU32 mood_fill(int mood) {
  return kFills[static_cast<std::size_t>(std::clamp(mood, 1, 5) - 1)];
}

void draw_face(ImDrawList* dl, ImVec2 c, float r, int mood, ImU32 ink, ImU32 fill) {
  dl->AddCircleFilled(c, r, fill, 32);
  float eye_dx = r * 0.36f, eye_y = c.y - r * 0.22f, eye_r = std::max(1.5f, r * 0.10f);
  dl->AddCircleFilled(ImVec2(c.x - eye_dx, eye_y), eye_r, ink, 12);
  dl->AddCircleFilled(ImVec2(c.x + eye_dx, eye_y), eye_r, ink, 12);
  // The mouth bends from a frown (1) through flat (3) to a smile (5).
  float bend = static_cast<float>(mood - 3) * 0.16f * r;
  float mouth_y = c.y + r * 0.32f;
  float half = r * 0.42f;
  ImVec2 p0(c.x - half, mouth_y - bend * 0.5f), p3(c.x + half, mouth_y - bend * 0.5f);
  ImVec2 p1(c.x - half * 0.4f, mouth_y + bend), p2(c.x + half * 0.4f, mouth_y + bend);
  dl->AddBezierCubic(p0, p1, p2, p3, ink, std::max(1.5f, r * 0.09f), 16);
}

bool face_button(const ViewContext& ctx, int mood, bool selected, float radius, const std::string& id) {
  ImGui::PushID(id.c_str());
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 size(radius * 2 + 8, radius * 2 + 8);
  bool clicked = ImGui::InvisibleButton("face", size);
  bool hovered = ImGui::IsItemHovered();
  ImGui::PopID();
  tag(ctx, id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 c(pos.x + size.x / 2, pos.y + size.y / 2);
  if (selected || hovered || ImGui::IsItemFocused()) {
    dl->AddCircle(c, radius + 3, ImGui::GetColorU32(color(ctx.theme.accent)), 32, selected ? 3.0f : 1.5f);
  }
  draw_face(dl, c, radius, mood, IM_COL32(30, 34, 48, 255), mood_fill(mood));
  return clicked;
}

const char* mood_key(int mood) {
  return kMoodKeys[static_cast<std::size_t>(std::clamp(mood, 1, 5) - 1)];
}
const char* sticker_key(const std::string& sticker) {
  return lookup(kStickerKeys, sticker, "sticker.wave");
}
const char* tag_key(const std::string& t) {
  return lookup(kTagKeys, t, nullptr);
}
const char* session_status_key(model::SessionStatus s, bool contact) {
  auto index = static_cast<std::size_t>(s);
  return contact ? kContactStatusKeys[index] : kYouthStatusKeys[index];
}

const char* weekday_key(int weekday) {
  return kWeekdayKeys[static_cast<std::size_t>(weekday % 7)];
}

void sticker_badge(const ViewContext& ctx, const std::string& sticker) {
  ImGui::PushStyleColor(ImGuiCol_Button, color(ctx.theme.warm));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color(ctx.theme.warm));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, color(ctx.theme.warm));
  ImGui::PushStyleColor(ImGuiCol_Text, color(ctx.theme.text_on_warm));
  ImGui::SmallButton(ctx.t.tr(sticker_key(sticker)));
  ImGui::PopStyleColor(4);
}

std::string when_text(const ViewContext& ctx, std::int64_t utc_ms) {
  LocalTime then = to_local(utc_ms, ctx.zone);
  LocalTime now = to_local(ctx.now_ms, ctx.zone);
  std::string clock = clock_text(then);
  if (then.day_number == now.day_number) return ctx.t.format("time.today_at", {clock});
  if (then.day_number == now.day_number + 1) return ctx.t.format("time.tomorrow_at", {clock});
  std::string date = std::to_string(then.day) + "." + std::to_string(then.month) + ".";
  return ctx.t.format("time.weekday_at", {ctx.t.tr(weekday_key(then.weekday)), date, clock});
}

std::string countdown_text(const ViewContext& ctx, const Countdown& c) {
  switch (c.unit) {
    case Countdown::Unit::kStarted:
      return ctx.t.tr("countdown.now");
    case Countdown::Unit::kMinutes:
      return ctx.t.format("countdown.minutes", {std::to_string(c.major)});
    case Countdown::Unit::kHours:
      return ctx.t.format("countdown.hours", {std::to_string(c.major), std::to_string(c.minor)});
    case Countdown::Unit::kDays:
      return ctx.t.format("countdown.days", {std::to_string(c.major)});
  }
  return {};
}

void same_line_if_fits(std::initializer_list<const char*> button_labels) {
  const ImGuiStyle& style = ImGui::GetStyle();
  float needed = 0;
  for (const char* label : button_labels)
    needed += ImGui::CalcTextSize(label, nullptr, true).x + 2 * style.FramePadding.x + style.ItemSpacing.x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + needed <= right) ImGui::SameLine();
}

}  // namespace sk::app::ui
