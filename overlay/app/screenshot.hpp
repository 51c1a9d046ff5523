#pragma once
// Saves the frame just rendered (the GL back buffer) as a PNG, for the window tests and the
// screenshots in docs/. Also reports whether the picture is blank (one colour only), which is
// what a broken frame looks like.

#include <filesystem>

#include "sk/core/result.hpp"

namespace sk::app {

struct CaptureInfo {
  int width = 0, height = 0;
  int distinct_colours = 0;  // counted up to 64
};

Result<CaptureInfo> capture_png(const std::filesystem::path& file, int width, int height);

}  // namespace sk::app
