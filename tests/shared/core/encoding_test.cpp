#include "sk/core/encoding.hpp"

#include <gtest/gtest.h>

namespace sk {
namespace {

TEST(Hex, RoundTripsAndRejectsMalformed) {
  const Bytes bytes{0x00, 0x7f, 0xff, 0xa5};
  EXPECT_EQ(hex_encode(bytes), "007fffa5");
  EXPECT_EQ(hex_decode("007FFFa5"), bytes);
  EXPECT_FALSE(hex_decode("0"));
  EXPECT_FALSE(hex_decode("zz"));
}

// RFC 4648 §10 test vectors, in the URL-safe alphabet without padding.
TEST(Base64Url, MatchesRfc4648Vectors) {
  const std::pair<std::string_view, std::string_view> vectors[] = {
      {"", ""},           {"f", "Zg"},          {"fo", "Zm8"},         {"foo", "Zm9v"},
      {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(base64url_encode(as_bytes(plain)), encoded);
    const auto decoded = base64url_decode(encoded);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(to_string(*decoded), plain);
  }
}

TEST(Base64Url, UsesUrlSafeAlphabet) {
  const Bytes bytes{0xfb, 0xff, 0xbf};
  EXPECT_EQ(base64url_encode(bytes), "-_-_");
  EXPECT_EQ(base64url_decode("-_-_"), bytes);
}

TEST(Base64Url, RejectsNonCanonicalSpellings) {
  EXPECT_FALSE(base64url_decode("Zg=="));    // padding
  EXPECT_FALSE(base64url_decode("Zh"));      // non-zero trailing bits
  EXPECT_FALSE(base64url_decode("Zm9v\n"));  // whitespace
  EXPECT_FALSE(base64url_decode("Z"));       // impossible length
  EXPECT_FALSE(base64url_decode("+/+/"));    // standard alphabet
}

TEST(Base64Url, RoundTripsEveryLengthAndRejectsABadCharacterAnywhere) {
  Bytes data;
  for (int n = 0; n < 100; ++n) {
    const auto text = base64url_encode(data);
    ASSERT_EQ(base64url_decode(text), data) << n;
    for (std::size_t i = 0; i < text.size(); ++i) {
      for (const char bad : {'=', '+', '/', '.', '\0', '\x80'}) {
        auto broken = text;
        broken[i] = bad;
        EXPECT_FALSE(base64url_decode(broken)) << "length " << n << ", position " << i;
      }
    }
    data.push_back(static_cast<std::uint8_t>(n * 37 + 11));
  }
}

}  // namespace
}  // namespace sk
