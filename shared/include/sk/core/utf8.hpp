#pragma once

#include <cstddef>
#include <string_view>

namespace sk {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Number of Unicode code points in well-formed UTF-8 `text` (what a user sees as its length).
std::size_t utf8_length(std::string_view text);

}  // namespace sk
