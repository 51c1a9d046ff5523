#include "app/screenshot.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <stb/stb_image_write.h>

#include <set>
#include <vector>

namespace sk::app {

Result<CaptureInfo> capture_png(const std::filesystem::path& file, int width, int height) {
  if (width <= 0 || height <= 0) return fail("app.capture", "empty framebuffer");
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // GL rows run bottom-up; PNG rows top-down. The window is translucent only on screen, so
  // the saved picture is opaque.
  std::vector<unsigned char> flipped(pixels.size());
  std::size_t row = static_cast<std::size_t>(width) * 4;
  std::set<unsigned> colours;
  for (int y = 0; y < height; ++y) {
    const unsigned char* src = &pixels[static_cast<std::size_t>(height - 1 - y) * row];
    unsigned char* dst = &flipped[static_cast<std::size_t>(y) * row];
    for (std::size_t x = 0; x < row; x += 4) {
      dst[x] = src[x];
      dst[x + 1] = src[x + 1];
      dst[x + 2] = src[x + 2];
      dst[x + 3] = 255;
      if (colours.size() < 64) colours.insert((src[x] << 16) | (src[x + 1] << 8) | src[x + 2]);
    }
  }
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  if (!stbi_write_png(file.string().c_str(), width, height, 4, flipped.data(), static_cast<int>(row))) {
    return fail("app.capture", "cannot write " + file.string());
  }
  return CaptureInfo{width, height, static_cast<int>(colours.size())};
}

}  // namespace sk::app
