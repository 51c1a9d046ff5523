#pragma once
// The app's colours, kept apart from ImGui so the contrast test can check them without a window
// (WCAG 2.1 AA: at least 4.5:1 for text). The app applies them to ImGuiStyle in app/style.cpp.
//
// The window is semi-transparent over a game, so every background is judged as it looks at the
// lowest opacity the settings allow, over both a black and a white game frame.

#include <array>

namespace sk::app {

struct Rgb {
  float r = 0, g = 0, b = 0;  // 0..1, sRGB
};

struct Theme {
  Rgb window_bg;   // panel and bar background
  Rgb surface;     // frames, inputs, chat bubbles of the other side
  Rgb own_bubble;  // the user's own chat bubbles
  Rgb button;      // calm buttons
  Rgb accent;      // the one main action on a screen
  Rgb text;        // body text
  Rgb text_muted;  // secondary text: times, "who can see this"
  Rgb text_on_accent;
  Rgb warm;  // help and crisis lines: warm, not alarm red
  Rgb text_on_warm;
};

// Calm dark blue-grey with a soft teal accent; nothing flashes or shouts.
Theme calm_theme();

inline constexpr float kMinOpacity = 0.80f;  // the opacity slider's floor
inline constexpr float kMaxOpacity = 1.0f;

double relative_luminance(Rgb c);                 // WCAG 2.1 definition
double contrast_ratio(Rgb a, Rgb b);              // 1..21
Rgb blend_over(Rgb top, float alpha, Rgb under);  // `top` at `alpha` over an opaque `under`

}  // namespace sk::app
