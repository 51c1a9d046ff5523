#include "app/style.hpp"

#include <imgui.h>

#include <cmath>

namespace sk::app {
namespace {

ImVec4 v(Rgb c, float a = 1.0f) {
  return ImVec4(c.r, c.g, c.b, a);
}

// Basic Latin + Latin-1 (æøå äö é), general punctuation (– “ ” …), arrows, math (≡), geometric
// shapes (▴ ●), misc symbols and dingbats (☀ ★ ♥ ✓). ImGui keeps a pointer: must outlive the atlas.
constexpr ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x2010, 0x205E, 0x2190, 0x21FF, 0x2200, 0x22FF,
                                    0x25A0, 0x25FF, 0x2600, 0x26FF, 0x2700, 0x27BF, 0};

}  // namespace

void apply_style(const Theme& t, float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsDark(&style);
  style.WindowRounding = 10.0f;
  style.ChildRounding = 8.0f;
  style.FrameRounding = 7.0f;
  style.GrabRounding = 7.0f;
  style.PopupRounding = 8.0f;
  style.WindowBorderSize = 0.0f;
  style.FramePadding = ImVec2(10, 6);
  style.ItemSpacing = ImVec2(8, 8);
  style.WindowPadding = ImVec2(12, 10);
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = v(t.window_bg);
  c[ImGuiCol_ChildBg] = v(t.window_bg, 0.0f);
  c[ImGuiCol_PopupBg] = v(t.surface);
  c[ImGuiCol_Text] = v(t.text);
  c[ImGuiCol_TextDisabled] = v(t.text_muted);
  c[ImGuiCol_FrameBg] = v(t.surface);
  c[ImGuiCol_FrameBgHovered] = v(t.button);
  c[ImGuiCol_FrameBgActive] = v(t.button);
  c[ImGuiCol_Button] = v(t.button);
  c[ImGuiCol_ButtonHovered] = v(t.own_bubble);
  c[ImGuiCol_ButtonActive] = v(t.own_bubble);
  c[ImGuiCol_Header] = v(t.surface);
  c[ImGuiCol_HeaderHovered] = v(t.button);
  c[ImGuiCol_HeaderActive] = v(t.own_bubble);
  c[ImGuiCol_CheckMark] = v(t.accent);
  c[ImGuiCol_SliderGrab] = v(t.accent);
  c[ImGuiCol_SliderGrabActive] = v(t.accent);
  c[ImGuiCol_Separator] = v(t.surface);
  c[ImGuiCol_TableRowBgAlt] = v(t.surface, 0.35f);
  c[ImGuiCol_TableHeaderBg] = v(t.surface);
  c[ImGuiCol_NavHighlight] = v(t.accent);
  c[ImGuiCol_ScrollbarBg] = v(t.window_bg, 0.0f);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

Result<void> load_fonts(const std::filesystem::path& font_file, float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.OversampleH = 2;
  if (!io.Fonts->AddFontFromFileTTF(font_file.string().c_str(), std::round(kFontPixels * scale), &config,
                                    kGlyphRanges)) {
    io.Fonts->AddFontDefault();
    return fail("app.font", "cannot load " + font_file.string());
  }
  return {};
}

}  // namespace sk::app
