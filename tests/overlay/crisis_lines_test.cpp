#include "core/help/crisis_lines.hpp"

#include <gtest/gtest.h>

namespace sk::app {
namespace {

std::vector<std::string> numbers(const CrisisTable& t) {
  std::vector<std::string> out;
  for (const auto& l : t.lines) out.push_back(l.number);
  return out;
}

TEST(CrisisLines, NorwayListsTheThreeNationalLinesWithWordsInEveryLanguage) {
  auto t = load_crisis_table(std::string(SK_SOURCE_DIR) + "/assets/crisis_lines/NO.toml");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(numbers(*t), (std::vector<std::string>{"113", "116 111", "116 123"}));
  EXPECT_TRUE(t->lines[0].emergency);
}

TEST(CrisisLines, SwedenListsItsThreeLines) {
  auto t = load_crisis_table(std::string(SK_SOURCE_DIR) + "/assets/crisis_lines/SE.toml");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(numbers(*t), (std::vector<std::string>{"112", "116 111", "90101"}));
}

TEST(CrisisLines, ATableWithoutWordsForALanguageIsRefused) {
  auto t = parse_crisis_table(
      "country = \"NO\"\n[[line]]\nnumber = \"113\"\nname = { nb = \"a\", en = \"b\" }\n"
      "when = { nb = \"a\", en = \"b\", sv = \"c\" }\n",
      "x.toml");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message.find("name.sv"), std::string::npos);
  EXPECT_FALSE(parse_crisis_table("country = \"NO\"\n", "x.toml").ok());
  EXPECT_FALSE(parse_crisis_table("country = [", "x.toml").ok());
}

}  // namespace
}  // namespace sk::app
