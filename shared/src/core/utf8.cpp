#include "sk/core/utf8.hpp"

#include <utf8cpp/utf8.h>

namespace sk {

bool is_valid_utf8(std::string_view text) {
  return utf8::is_valid(text.begin(), text.end());
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    // Count every byte that does not continue a sequence.
    n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  }
  return n;
}

}  // namespace sk
