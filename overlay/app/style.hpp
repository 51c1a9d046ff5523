#pragma once
// Applies the calm theme, the UI scale and the font to Dear ImGui. Called once at start and
// again when the scale changes (fonts are rebuilt at the new size so text stays sharp).

#include <filesystem>

#include "core/theme/theme.hpp"
#include "sk/core/result.hpp"

namespace sk::app {

inline constexpr float kFontPixels = 17.0f;  // at UI scale 1

void apply_style(const Theme& theme, float scale);
// Loads the UI font at 17 px × scale with Latin-1 (æøå, äö) and the few symbols the app draws.
Result<void> load_fonts(const std::filesystem::path& font_file, float scale);

}  // namespace sk::app
