// The case mailbox: idempotent appends, per-case sequence numbers, cursor paging.
#include <gtest/gtest.h>

#include "harness/scenario.hpp"
#include "sk/core/encoding.hpp"

namespace sk::backend::test {
namespace {

class Mailbox : public ::testing::Test {
 protected:
  void SetUp() override {
    sup = s.supervisor();
    contact = s.contact(sup);
    std::tie(case_id, youth) = s.pair_youth(contact);
  }
  Scenario s;
  TestDevice sup, contact, youth;
  std::string case_id;
};

TEST_F(Mailbox, RepeatedAppendReturnsTheOriginalSequenceNumberAndStoresOnce) {
  const auto id = new_uuid();
  auto first = s.append(youth, case_id, "case", {1, 2, 3}, id);
  ASSERT_EQ(first.status, 201);
  EXPECT_EQ(first.json["duplicate"], false);
  ASSERT_EQ(s.append(youth, case_id, "case", {9}, new_uuid()).status, 201);
  auto again = s.append(youth, case_id, "case", {1, 2, 3}, id);
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.json["duplicate"], true);
  EXPECT_EQ(again.json["seq"], first.json["seq"]);
  EXPECT_EQ(again.json["received_at"], first.json["received_at"]);
  auto page = s.fetch(contact, case_id);
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.json["events"].size(), 2u);
  EXPECT_EQ(page.json["events"][0]["envelope"], base64url_encode(Bytes{1, 2, 3}));
  EXPECT_EQ(page.json["events"][0]["author_device"], youth.device_id);
}

TEST_F(Mailbox, EventIdOfAnotherCaseIsAConflict) {
  auto [other_case, other_youth] = s.pair_youth(contact);
  const auto id = new_uuid();
  ASSERT_EQ(s.append(contact, case_id, "case", {1}, id).status, 201);
  auto r = s.append(contact, other_case, "case", {1}, id);
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.error_code(), "conflict");
}

TEST_F(Mailbox, SequenceNumbersIncreasePerCase) {
  auto [other_case, other_youth] = s.pair_youth(contact);
  std::int64_t last = 0;
  for (int i = 0; i < 5; ++i) {
    auto r = s.append(contact, case_id, "case", {static_cast<std::uint8_t>(i)});
    ASSERT_EQ(r.status, 201);
    EXPECT_EQ(r.json["seq"].get<std::int64_t>(), last + 1);
    last = r.json["seq"];
  }
  EXPECT_EQ(s.append(contact, other_case, "case", {1}).json["seq"], 1) << "each case counts on its own";
}

TEST_F(Mailbox, CursorPagingVisitsEveryEventOnceInOrder) {
  constexpr int kEvents = 23;
  std::vector<std::string> ids;
  for (int i = 0; i < kEvents; ++i) {
    ids.push_back(new_uuid());
    ASSERT_EQ(
        s.append(contact, case_id, i % 3 == 0 ? "team" : "case", {static_cast<std::uint8_t>(i)}, ids.back())
            .status,
        201);
  }
  std::vector<std::string> seen;
  long after = 0;
  int pages = 0;
  for (;;) {
    auto r = s.fetch(contact, case_id, after, 0, 5);
    ASSERT_EQ(r.status, 200);
    for (const auto& e : r.json["events"]) seen.push_back(e["event_id"]);
    after = r.json["next_after"];
    ++pages;
    if (!r.json["more"].get<bool>()) break;
  }
  EXPECT_EQ(seen, ids);
  EXPECT_EQ(pages, 5);
  // The youth pages through only what it may read, and its cursor never passes a hidden event
  // it could not account for.
  std::vector<std::string> youth_seen;
  after = 0;
  for (;;) {
    auto r = s.fetch(youth, case_id, after, 0, 4);
    ASSERT_EQ(r.status, 200);
    for (const auto& e : r.json["events"]) {
      EXPECT_EQ(e["audience"], "case");
      youth_seen.push_back(e["event_id"]);
    }
    after = r.json["next_after"];
    if (!r.json["more"].get<bool>()) break;
  }
  EXPECT_EQ(youth_seen.size(), static_cast<std::size_t>(kEvents - (kEvents + 2) / 3));
}

TEST_F(Mailbox, MetricsCountRequestsAndAppends) {
  ASSERT_EQ(s.append(contact, case_id, "case", {1}).status, 201);
  auto m = s.http().get("/metrics");
  ASSERT_EQ(m.status, 200);
  EXPECT_NE(m.body.find("sk_appends_total 1"), std::string::npos) << m.body;
  EXPECT_NE(m.body.find("sk_http_requests_total{route=\"POST /v1/cases/{}/events\",status=\"201\"} 1"),
            std::string::npos);
  EXPECT_NE(m.body.find("sk_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(m.body.find("sk_long_polls_open 0"), std::string::npos);
  EXPECT_EQ(s.http().get("/healthz").status, 200);
}

}  // namespace
}  // namespace sk::backend::test
