#include "sk/model/event_id.hpp"

#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

namespace sk::model {
namespace {

constexpr std::int64_t kNow = 1790000000000;

TEST(EventId, GeneratedIdHasVersion7AndRfc9562Variant) {
  EventIdGenerator gen([] { return kNow; });
  const EventId id = gen.next();
  EXPECT_EQ(id.octets()[6] >> 4, 0x7);
  EXPECT_EQ(id.octets()[8] >> 6, 0b10);
  EXPECT_TRUE(id.is_v7());
  EXPECT_EQ(id.str()[14], '7');
}

TEST(EventId, FirstFortyEightBitsAreTheClockInMilliseconds) {
  EventIdGenerator gen([] { return kNow; });
  EXPECT_EQ(gen.next().unix_ms(), kNow);
}

TEST(EventId, LaterClockGivesGreaterId) {
  std::int64_t now = kNow;
  EventIdGenerator gen([&now] { return now; });
  const EventId a = gen.next();
  now += 1;
  const EventId b = gen.next();
  EXPECT_LT(a, b);
  EXPECT_LT(a.str(), b.str());  // text sorts like the octets
}

TEST(EventId, MonotonicWithinOneMillisecond) {
  EventIdGenerator gen([] { return kNow; });
  EventId prev = gen.next();
  for (int i = 0; i < 10000; ++i) {
    const EventId next = gen.next();
    ASSERT_LT(prev, next);
    EXPECT_EQ(next.unix_ms(), kNow);
    EXPECT_TRUE(next.is_v7());
    prev = next;
  }
}

TEST(EventId, MonotonicWhenTheClockStepsBackwards) {
  std::int64_t now = kNow;
  EventIdGenerator gen([&now] { return now; });
  const EventId a = gen.next();
  now -= 5000;
  const EventId b = gen.next();
  EXPECT_LT(a, b);
  EXPECT_EQ(b.unix_ms(), kNow);
}

TEST(EventId, SharedGeneratorGivesDistinctIncreasingIdsToEachThread) {
  EventIdGenerator gen([] { return kNow; });
  std::vector<std::vector<EventId>> per_thread(2);
  std::vector<std::thread> threads;
  for (auto& ids : per_thread) {
    threads.emplace_back([&gen, &ids] {
      for (int i = 0; i < 2000; ++i) ids.push_back(gen.next());
    });
  }
  for (auto& t : threads) t.join();
  std::set<EventId> all;
  for (const auto& ids : per_thread) {
    for (std::size_t i = 1; i < ids.size(); ++i) ASSERT_LT(ids[i - 1], ids[i]);
    all.insert(ids.begin(), ids.end());
  }
  EXPECT_EQ(all.size(), 4000U);
}

TEST(EventId, RandomPartDiffersBetweenGenerators) {
  EventIdGenerator g1([] { return kNow; });
  EventIdGenerator g2([] { return kNow; });
  EXPECT_NE(g1.next(), g2.next());
}

TEST(EventId, SystemClockIdIsCurrent) {
  EventIdGenerator gen;
  const auto id = gen.next();
  EXPECT_GT(id.unix_ms(), 1577836800000);  // after 2020
}

TEST(EventId, TextRoundTrips) {
  EventIdGenerator gen;
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const EventId id = gen.next();
    const auto parsed = EventId::parse(id.str());
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, id);
    EXPECT_TRUE(seen.insert(id.str()).second);
  }
}

TEST(EventId, ParseAcceptsCanonicalLowerCaseOnly) {
  EXPECT_TRUE(EventId::parse("0190f3c2-7a1b-7c3d-8e4f-0123456789ab").ok());
  EXPECT_FALSE(EventId::parse("0190F3C2-7A1B-7C3D-8E4F-0123456789AB").ok());
  EXPECT_FALSE(EventId::parse("0190f3c27a1b7c3d8e4f0123456789ab").ok());
  EXPECT_FALSE(EventId::parse("{0190f3c2-7a1b-7c3d-8e4f-0123456789ab}").ok());
  EXPECT_FALSE(EventId::parse("0190f3c2-7a1b-7c3d-8e4f-0123456789a").ok());
  EXPECT_FALSE(EventId::parse("0190f3c2-7a1b-7c3d-8e4f-0123456789ag").ok());
  EXPECT_FALSE(EventId::parse("").ok());
}

TEST(EventId, ParseRejectsOtherVersionsAndVariants) {
  EXPECT_FALSE(EventId::parse("0190f3c2-7a1b-4c3d-8e4f-0123456789ab").ok());  // v4
  EXPECT_FALSE(EventId::parse("0190f3c2-7a1b-7c3d-ce4f-0123456789ab").ok());  // Microsoft variant
  EXPECT_FALSE(EventId::parse("00000000-0000-0000-0000-000000000000").ok());  // nil
  const auto err = EventId::parse("0190f3c2-7a1b-4c3d-8e4f-0123456789ab");
  EXPECT_EQ(err.error().code, "model.invalid");
}

TEST(EventId, DefaultIsNilAndInvalid) {
  EXPECT_TRUE(EventId{}.is_nil());
  EXPECT_FALSE(EventId{}.is_v7());
}

}  // namespace
}  // namespace sk::model
