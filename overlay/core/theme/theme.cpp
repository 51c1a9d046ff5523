#include "core/theme/theme.hpp"

#include <algorithm>
#include <cmath>

namespace sk::app {
namespace {

constexpr Rgb hex(unsigned v) {
  return Rgb{static_cast<float>((v >> 16) & 0xff) / 255.0f, static_cast<float>((v >> 8) & 0xff) / 255.0f,
             static_cast<float>(v & 0xff) / 255.0f};
}

double channel(float c) {
  double v = c;
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

}  // namespace

Theme calm_theme() {
  return Theme{
      .window_bg = hex(0x1c2130),
      .surface = hex(0x2a3142),
      .own_bubble = hex(0x23465a),
      .button = hex(0x34405a),
      .accent = hex(0x7fd1c7),
      .text = hex(0xf2f4f8),
      .text_muted = hex(0xc0c8d8),
      .text_on_accent = hex(0x10242a),
      .warm = hex(0xf3c98b),
      .text_on_warm = hex(0x2b1d08),
  };
}

double relative_luminance(Rgb c) {
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast_ratio(Rgb a, Rgb b) {
  double la = relative_luminance(a);
  double lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb blend_over(Rgb top, float alpha, Rgb under) {
  return Rgb{top.r * alpha + under.r * (1 - alpha), top.g * alpha + under.g * (1 - alpha),
             top.b * alpha + under.b * (1 - alpha)};
}

}  // namespace sk::app
