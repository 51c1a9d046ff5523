// WCAG 2.1 AA for every text/background pair the app draws, with the window at its lowest
// allowed opacity over both a black and a white game frame.
#include <gtest/gtest.h>

#include "core/theme/theme.hpp"

namespace sk::app {
namespace {

constexpr double kAa = 4.5;

TEST(ThemeContrast, ContrastRatioMatchesWcagReferenceValues) {
  EXPECT_NEAR(contrast_ratio(Rgb{0, 0, 0}, Rgb{1, 1, 1}), 21.0, 1e-9);
  EXPECT_NEAR(contrast_ratio(Rgb{1, 1, 1}, Rgb{1, 1, 1}), 1.0, 1e-9);
  // #767676 on white is the classic just-passing grey (4.54:1).
  EXPECT_NEAR(contrast_ratio(Rgb{0x76 / 255.f, 0x76 / 255.f, 0x76 / 255.f}, Rgb{1, 1, 1}), 4.54, 0.01);
}

TEST(ThemeContrast, EveryTextOnItsBackgroundMeetsAaAtLowestOpacityOverAnyGame) {
  Theme t = calm_theme();
  struct Pair {
    const char* what;
    Rgb text;
    const Rgb* bg;  // nullptr: the translucent window itself
  };
  const Pair pairs[] = {
      {"text on window", t.text, nullptr},
      {"muted on window", t.text_muted, nullptr},
      {"accent as text", t.accent, nullptr},
      {"text on surface", t.text, &t.surface},
      {"muted on surface", t.text_muted, &t.surface},
      {"text on own bubble", t.text, &t.own_bubble},
      {"muted on own bubble", t.text_muted, &t.own_bubble},
      {"text on button", t.text, &t.button},
      {"on accent", t.text_on_accent, &t.accent},
      {"on warm", t.text_on_warm, &t.warm},
  };
  for (Rgb game : {Rgb{0, 0, 0}, Rgb{1, 1, 1}}) {
    Rgb window = blend_over(t.window_bg, kMinOpacity, game);
    for (const Pair& p : pairs) {
      // Widgets are drawn opaque on top of the translucent window.
      Rgb bg = p.bg ? *p.bg : window;
      EXPECT_GE(contrast_ratio(p.text, bg), kAa)
          << p.what << " over a " << (game.r > 0 ? "white" : "black") << " game";
    }
  }
}

}  // namespace
}  // namespace sk::app
