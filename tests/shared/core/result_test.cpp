#include "sk/core/result.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace sk {
namespace {

Result<int> parse_positive(int v) {
  if (v <= 0) return fail("test.not_positive", "value must be positive");
  return v;
}

TEST(Result, CarriesValueOrError) {
  const auto good = parse_positive(3);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 3);
  const auto bad = parse_positive(-1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "test.not_positive");
}

TEST(Result, HoldsMoveOnlyValues) {
  Result<std::unique_ptr<int>> r(std::make_unique<int>(7));
  auto p = std::move(r).value();
  EXPECT_EQ(*p, 7);
}

TEST(Result, VoidResultReportsFailure) {
  Result<void> ok;
  EXPECT_TRUE(ok.ok());
  Result<void> bad = fail("x", "y");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "y");
}

}  // namespace
}  // namespace sk
