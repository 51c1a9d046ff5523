#pragma once
// Small drawing helpers shared by the views: tagged buttons (for scripted input), the faces of
// the check-in, stickers, the "who can see this" line, and times as people say them.

#include <imgui.h>

#include <cstdint>
#include <string>

#include "core/time/local_time.hpp"
#include "sk/model/schedule_state.hpp"
#include "view_models/names.hpp"
#include "views/view_context.hpp"

namespace sk::app::ui {

ImVec4 color(Rgb c, float alpha = 1.0f);
// Remembers the last item's rectangle under `id` for --script.
void tag(const ViewContext& ctx, const char* id);
void tag(const ViewContext& ctx, const std::string& id);

bool button(const ViewContext& ctx, const char* label, const char* id, ImVec2 size = ImVec2(0, 0));
// The screen's one main action, in the accent colour.
bool accent_button(const ViewContext& ctx, const char* label, const char* id, ImVec2 size = ImVec2(0, 0));
void muted(const ViewContext& ctx, const char* text);
void heading(const ViewContext& ctx, const char* text);
// "Only you and Kari can see this", quiet, at the bottom of a screen.
void who_can_see_line(const ViewContext& ctx, const AudienceLabel& label);
// A rounded card behind whatever is drawn between begin_card and end_card, as tall as its
// content (ImGui 1.86 child windows can't size themselves to their content).
void begin_card(ImDrawList* dl);
void end_card(ImDrawList* dl, ImU32 fill);

// A round face for mood 1 (worst) .. 5 (best), drawn with lines so no emoji font is needed.
void draw_face(ImDrawList* dl, ImVec2 center, float radius, int mood, ImU32 ink, ImU32 fill);
ImU32 mood_fill(int mood);
bool face_button(const ViewContext& ctx, int mood, bool selected, float radius, const std::string& id);
const char* mood_key(int mood);  // "mood.1" … "mood.5": the words under the faces

// A sticker as a small coloured badge with its word ("sticker.thumbs_up").
void sticker_badge(const ViewContext& ctx, const std::string& sticker);
const char* sticker_key(const std::string& sticker);
const char* tag_key(const std::string& tag);  // "tag.tired" …
// A meeting's state in words: the youth's ("you're coming") or the contact's ("{0} is coming").
const char* session_status_key(model::SessionStatus status, bool contact_wording);

// "i dag 18:00", "i morgen 18:00", "tirsdag 22.9. 18:00"
std::string when_text(const ViewContext& ctx, std::int64_t utc_ms);
std::string countdown_text(const ViewContext& ctx, const Countdown& c);
const char* weekday_key(int weekday);  // 0 = Monday

// Continues on the same line when buttons with these labels still fit beside the last item,
// else starts a new line (narrow windows, long translations).
void same_line_if_fits(std::initializer_list<const char*> button_labels);

}  // namespace sk::app::ui
