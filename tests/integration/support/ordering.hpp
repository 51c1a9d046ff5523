#pragma once
// The exactly-once check of the integration tests: numbered chat lines "<prefix> <n>" as
// support/profile_view.hpp's numbered_lines() writes them.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace sk::integration {

// Every text exactly once, and for each prefix its numbers 0..count-1 in the order they were
// sent (texts of other prefixes are checked for duplicates only).
inline void expect_each_once_in_order(const std::vector<std::string>& texts,
                                      const std::map<std::string, int>& expected) {
  std::map<std::string, int> next;  // prefix -> the number expected next
  std::set<std::string> seen;
  for (const auto& t : texts) {
    EXPECT_TRUE(seen.insert(t).second) << "twice: " << t;
    const auto space = t.rfind(' ');
    const auto prefix = t.substr(0, space);
    if (!expected.contains(prefix)) continue;
    EXPECT_EQ(std::stoi(t.substr(space + 1)), next[prefix]++) << "out of order: " << t;
  }
  for (const auto& [prefix, count] : expected) EXPECT_EQ(next[prefix], count) << prefix;
}

}  // namespace sk::integration
