#include "sk/core/utf8.hpp"

#include <gtest/gtest.h>

namespace sk {
namespace {

TEST(Utf8, AcceptsNorwegianAndEmoji) {
  EXPECT_TRUE(is_valid_utf8("Hei på deg, blåbærsyltetøy! 🎮"));
  EXPECT_EQ(utf8_length("æøå🎮"), 4U);
}

TEST(Utf8, RejectsMalformedSequences) {
  EXPECT_FALSE(is_valid_utf8("\xC3"));              // truncated
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // UTF-16 surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xFF"));
}

}  // namespace
}  // namespace sk
