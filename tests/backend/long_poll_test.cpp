// Long-poll: a parked fetch answers within milliseconds of an append by another client, holds
// no answer for appends the caller may not read, and returns empty when its wait runs out.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <future>

#include "harness/scenario.hpp"

namespace sk::backend::test {
namespace {

using Clock = std::chrono::steady_clock;

class LongPoll : public ::testing::Test {
 protected:
  explicit LongPoll(std::vector<std::string> server_args = {}) : s(std::move(server_args)) {}
  void SetUp() override {
    sup = s.supervisor();
    contact = s.contact(sup);
    std::tie(case_id, youth) = s.pair_youth(contact);
  }
  // Fetch with `wait` on a separate connection; returns the result and how long it took.
  std::future<std::pair<HttpResult, double>> park(const TestDevice& who, long after, int wait) {
    return std::async(std::launch::async, [this, &who, after, wait] {
      HttpClient http(s.server().base_url());
      const auto start = Clock::now();
      auto r = http.get(
          "/v1/cases/" + case_id + "/events?after=" + std::to_string(after) + "&wait=" + std::to_string(wait),
          who.token);
      return std::make_pair(r, std::chrono::duration<double>(Clock::now() - start).count());
    });
  }
  void wait_until_parked(int n) { ASSERT_TRUE(s.wait_until_parked(n)) << "long-polls did not park"; }
  // Parks `n` waiters on their own connections (youth and contact in turn), appends once, and
  // expects every waiter to answer with exactly that event.
  void expect_waiters_woken_once(int n) {
    std::vector<std::future<std::pair<HttpResult, double>>> waiters;
    for (int i = 0; i < n; ++i) waiters.push_back(park(i % 2 ? youth : contact, 0, 20));
    wait_until_parked(n);
    ASSERT_EQ(s.append(contact, case_id, "case", {1}).status, 201);
    for (auto& w : waiters) {
      auto [r, seconds] = w.get();
      ASSERT_EQ(r.status, 200);
      ASSERT_EQ(r.json["events"].size(), 1u);
      EXPECT_EQ(r.json["events"][0]["seq"], 1);
    }
  }
  Scenario s;
  TestDevice sup, contact, youth;
  std::string case_id;
};

TEST_F(LongPoll, WaiterIsWokenByAnAppendFromAnotherClient) {
  auto waiter = park(youth, 0, 20);
  wait_until_parked(1);
  const auto appended = Clock::now();
  ASSERT_EQ(s.append(contact, case_id, "case", {42}).status, 201);
  auto [r, seconds] = waiter.get();
  const double after_append = std::chrono::duration<double>(Clock::now() - appended).count();
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.json["events"].size(), 1u);
  EXPECT_EQ(r.json["events"][0]["author_device"], contact.device_id);
  EXPECT_LT(after_append, 1.0) << "woken by the append, not by the 20 s timeout";
  EXPECT_LT(seconds, 10.0);
}

TEST_F(LongPoll, ReturnsAtOnceWhenSomethingIsAlreadyThere) {
  ASSERT_EQ(s.append(contact, case_id, "case", {1}).status, 201);
  auto [r, seconds] = park(youth, 0, 20).get();
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json["events"].size(), 1u);
  EXPECT_LT(seconds, 1.0);
}

TEST_F(LongPoll, TimesOutWithAnEmptyPage) {
  auto [r, seconds] = park(youth, 0, 1).get();
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.json["events"].empty());
  EXPECT_EQ(r.json["next_after"], 0);
  EXPECT_GE(seconds, 0.9);
}

TEST_F(LongPoll, AnEventTheCallerMayNotReadDoesNotAnswerTheWait) {
  auto waiter = park(youth, 0, 20);
  wait_until_parked(1);
  ASSERT_EQ(s.append(contact, case_id, "team", {7}).status, 201);
  EXPECT_EQ(waiter.wait_for(std::chrono::milliseconds(500)), std::future_status::timeout)
      << "a team note must not wake (and so reveal itself to) the youth";
  ASSERT_EQ(s.append(contact, case_id, "case", {8}).status, 201);
  auto [r, seconds] = waiter.get();
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.json["events"].size(), 1u);
  EXPECT_EQ(r.json["events"][0]["audience"], "case");
}

TEST_F(LongPoll, ManyWaitersOnOneCaseAreAllWoken) {
  expect_waiters_woken_once(8);
}

// A long-poll on a raw connection, for what HttpClient cannot do: hang up, half-close, pipeline.
class RawLongPoll : public LongPoll {
 protected:
  std::string poll_request(int wait) const {
    return "GET /v1/cases/" + case_id + "/events?after=0&wait=" + std::to_string(wait) +
           " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + youth.token + "\r\n\r\n";
  }
  long connections_open() {
    const auto body = s.http().get("/metrics").body;
    const std::string key = "\nsk_http_connections_open ";
    const auto at = body.find(key);
    return at == std::string::npos ? -1 : std::stol(body.substr(at + key.size()));
  }
};

TEST_F(RawLongPoll, AClientThatHangsUpWhileParkedIsLetGoAtOnce) {
  const long before = connections_open();  // the metrics connection itself
  ASSERT_GE(before, 1);
  const int fd = connect_loopback(s.server().port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(send_all(fd, poll_request(30)));
  wait_until_parked(1);
  EXPECT_EQ(connections_open(), before + 1);
  ::close(fd);
  // Without the watch the server would hold the connection until the 30 s wait ends.
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (connections_open() != before && Clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(connections_open(), before);
  // The abandoned wait is answered into the void when the case changes; the server goes on.
  ASSERT_EQ(s.append(contact, case_id, "case", {1}).status, 201);
  auto [r, seconds] = park(youth, 0, 5).get();
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json["events"].size(), 1u);
}

TEST_F(RawLongPoll, AHalfCloseWhileParkedClosesTheConnectionUnanswered) {
  const int fd = connect_loopback(s.server().port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(send_all(fd, poll_request(30)));
  wait_until_parked(1);
  ASSERT_EQ(::shutdown(fd, SHUT_WR), 0);  // as a client that gives up on the request
  bool closed = false;
  const auto got = read_until_closed(fd, 10000, &closed);
  ::close(fd);
  EXPECT_TRUE(closed) << "still open after 10 s of a 30 s wait";
  EXPECT_EQ(got, "");
}

TEST_F(RawLongPoll, ARequestPipelinedBehindAParkedPollIsAnsweredAfterIt) {
  const int fd = connect_loopback(s.server().port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(send_all(fd, poll_request(20)));
  wait_until_parked(1);
  // Arrives while the poll is parked: readable data that is not a hang-up.
  ASSERT_TRUE(send_all(fd, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_EQ(s.append(contact, case_id, "case", {9}).status, 201);
  bool closed = false;
  const auto got = read_until_closed(fd, 10000, &closed);
  ::close(fd);
  EXPECT_TRUE(closed);
  const auto first = got.find("HTTP/1.1 200");
  const auto second = got.find("HTTP/1.1 200", first + 1);
  ASSERT_NE(first, std::string::npos) << got;
  ASSERT_NE(second, std::string::npos) << got;
  const auto events = got.find("\"events\"");
  EXPECT_GT(events, first);
  EXPECT_LT(events, second) << "the poll's answer (with the event) comes first: " << got;
}

// Connections are spread over the event loops round-robin: with three loops, waiters parked on
// every loop are woken by appends that arrive on yet other connections, each exactly once.
class LongPollOnSeveralLoops : public LongPoll {
 protected:
  LongPollOnSeveralLoops() : LongPoll({"--io-threads", "3"}) {}
};

TEST_F(LongPollOnSeveralLoops, WaitersOnEveryLoopAreWokenOnce) {
  expect_waiters_woken_once(9);
  EXPECT_NE(s.server().log().find("3 event loops"), std::string::npos) << s.server().log();
}

}  // namespace
}  // namespace sk::backend::test
