// Bad input never crashes the server and always gets a fixed JSON error with the right status:
// size limits, malformed or invalid JSON, invalid UTF-8, wrong content type, garbage bytes on
// the socket, and slow or silent clients (timed out).
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <random>
#include <thread>

#include "harness/scenario.hpp"
#include "sk/core/encoding.hpp"

namespace sk::backend::test {
namespace {

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    sup = s.supervisor();
    contact = s.contact(sup);
    std::tie(case_id, youth) = s.pair_youth(contact);
  }
  void expect_alive() {
    EXPECT_TRUE(s.server().running());
    HttpClient fresh(s.server().base_url());
    EXPECT_EQ(fresh.get("/healthz").status, 200);
  }
  std::string events() const { return "/v1/cases/" + case_id + "/events"; }
  Scenario s{{"--read-timeout-seconds", "2"}};
  TestDevice sup, contact, youth;
  std::string case_id;
};

TEST_F(BadInput, EnvelopeOverSixtyFourKibIsTooLarge) {
  EXPECT_EQ(s.append(contact, case_id, "case", Bytes(64 * 1024, 7)).status, 201);
  auto r = s.append(contact, case_id, "case", Bytes(64 * 1024 + 1, 7));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.error_code(), "too_large");
  expect_alive();
}

TEST_F(BadInput, RequestOverOneMibIsTooLarge) {
  const std::string huge = R"({"event_id":")" + std::string(1100 * 1024, 'a') + "\"}";
  auto r = s.http().request("POST", events(), huge, contact.token);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.error_code(), "too_large");
  expect_alive();
}

TEST_F(BadInput, MalformedBodiesAreBadRequestsWithFixedMessages) {
  const std::string marker = "CANARY-ECHO-7731";
  const std::vector<std::string> bodies = {
      "{not json " + marker,
      "[1,2,3]",
      R"({"event_id":")" + new_uuid() + R"(","audience":"case","envelope":"AAAA","extra":")" + marker + "\"}",
      R"({"event_id":"not-a-uuid","audience":"case","envelope":"AAAA"})",
      R"({"event_id":")" + new_uuid() + R"(","audience":")" + marker + R"(","envelope":"AAAA"})",
      R"({"event_id":")" + new_uuid() + R"(","audience":"case","envelope":"!!!!"})",
      R"({"event_id":")" + new_uuid() + R"(","audience":"case","envelope":12})",
      R"({"event_id":")" + new_uuid() + R"(","audience":"case"})",
      R"({"event_id":")" + new_uuid() + R"(","audience":"case","envelope":""})",
      // a member given twice: which one counts would be the parser's choice
      R"({"event_id":")" + new_uuid() + R"(","audience":"case","audience":"team","envelope":"AAAA"})",
      // an escape that decodes to a lone surrogate is not UTF-8
      R"({"event_id":"\udc00","audience":"case","envelope":"AAAA"})",
      "{\"event_id\":\"\xff\xfe\",\"audience\":\"case\",\"envelope\":\"AAAA\"}",
      "{\"event_id\":\"" + new_uuid() + "\",\"audience\":\"case\",\"envelope\":\"AAAA\"}\xc3",
      "",
  };
  for (const auto& body : bodies) {
    auto r = s.http().request("POST", events(), body, contact.token);
    EXPECT_EQ(r.status, 400) << body.substr(0, 80);
    EXPECT_EQ(r.error_code(), "bad_request");
    EXPECT_EQ(r.body.find(marker), std::string::npos) << "errors never echo input";
  }
  expect_alive();
}

TEST_F(BadInput, DeeplyNestedJsonIsRejectedWithoutExhaustingTheStack) {
  std::string nested = R"({"device_id":)";
  for (int i = 0; i < 150000; ++i) nested += R"({"a":)";
  nested += "1" + std::string(150001, '}');
  auto r = s.http().request("POST", "/v1/auth/challenge", nested, "");
  EXPECT_EQ(r.status, 400);
  const std::string arrays = R"({"device_id":)" + std::string(400000, '[') + std::string(400000, ']') + "}";
  EXPECT_EQ(s.http().request("POST", "/v1/auth/challenge", arrays, "").status, 400);
  expect_alive();
}

TEST_F(BadInput, WrongContentTypeQueryRouteAndMethod) {
  const nlohmann::json ok = {{"event_id", new_uuid()}, {"audience", "case"}, {"envelope", "AAAA"}};
  EXPECT_EQ(s.http().request("POST", events(), ok.dump(), contact.token, "text/plain").status, 415);
  for (const std::string q : {"?after=-1", "?after=abc", "?wait=31", "?limit=0", "?limit=501",
                              "?after=1&after=2", "?evil=1", "?after", "?after=99999999999999999999"}) {
    EXPECT_EQ(s.http().get(events() + q, contact.token).status, 400) << q;
  }
  EXPECT_EQ(s.http().get("/v1/nothing-here").status, 404);
  EXPECT_EQ(s.http().get("/v1/cases/" + std::string(300, 'x') + "/events", contact.token).status, 404);
  EXPECT_EQ(s.http().request("DELETE", events(), "", contact.token).status, 405);
  EXPECT_EQ(s.http().get("/v1/cases/..%2F..%2Fetc/events", contact.token).status, 404);
  expect_alive();
}

TEST_F(BadInput, ARequestWithoutABodyNeedsNoContentType) {
  // Authentication comes first: without a token the answer is 401, not 415.
  const auto revoke = "POST /v1/devices/" + youth.device_id + "/revoke HTTP/1.1\r\nHost: x\r\n";
  auto got = raw_exchange(s.server().port(), revoke + "Content-Length: 0\r\nConnection: close\r\n\r\n", 5000);
  EXPECT_NE(got.find("HTTP/1.1 401"), std::string::npos) << got;
  got = raw_exchange(s.server().port(),
                     revoke + "Authorization: Bearer " + youth.token + "\r\nConnection: close\r\n\r\n", 5000);
  EXPECT_NE(got.find("HTTP/1.1 200"), std::string::npos) << got;
  // A body still needs its type.
  EXPECT_EQ(s.http().request("POST", "/v1/sync", "{}", contact.token, "text/plain").status, 415);
  expect_alive();
}

TEST_F(BadInput, GarbageBytesOnTheSocketNeverCrashTheServer) {
  std::mt19937 rng(1234);
  for (int i = 0; i < 60; ++i) {
    std::string junk(static_cast<std::size_t>(1 + rng() % 2000), '\0');
    for (auto& c : junk) c = static_cast<char>(rng());
    if (i % 3 == 0) junk = "GET / HTTP/1.1\r\n" + junk;
    if (i % 5 == 0)
      junk = "POST /v1/auth/token HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n" + junk;
    const auto reply = raw_exchange(s.server().port(), junk + "\r\n\r\n", 500);
    if (!reply.empty()) {
      EXPECT_TRUE(reply.starts_with("HTTP/1.1 4")) << reply.substr(0, 40);
    }
  }
  const auto header_bomb = "GET /healthz HTTP/1.1\r\nX: " + std::string(20000, 'h') + "\r\n\r\n";
  EXPECT_NE(raw_exchange(s.server().port(), header_bomb, 2000).find("413"), std::string::npos);
  expect_alive();
}

TEST_F(BadInput, SlowAndSilentClientsAreTimedOut) {
  const int silent = connect_loopback(s.server().port());
  const int slow = connect_loopback(s.server().port());
  ASSERT_GE(silent, 0);
  ASSERT_GE(slow, 0);
  const std::string partial = "POST /v1/auth/challenge HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{";
  ASSERT_GT(::send(slow, partial.data(), partial.size(), MSG_NOSIGNAL), 0);
  // The read deadline is 2 s: within 5 s both connections are closed by the server.
  auto closed_by_server = [](int fd) {
    timeval tv{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    char c = 0;
    return ::recv(fd, &c, 1, 0) == 0;
  };
  EXPECT_TRUE(closed_by_server(silent));
  EXPECT_TRUE(closed_by_server(slow));
  ::close(silent);
  ::close(slow);
  expect_alive();
}

TEST_F(BadInput, UnauthenticatedRoutesAreRateLimitedPerIp) {
  int limited = 0;
  std::string retry_after;
  for (int i = 0; i < 300 && limited == 0; ++i) {
    auto r = s.http().post("/v1/auth/challenge", {{"device_id", contact.device_id}});
    if (r.status == 429) {
      ++limited;
      retry_after = r.retry_after;
      EXPECT_EQ(r.error_code(), "rate_limited");
    }
  }
  EXPECT_EQ(limited, 1);
  EXPECT_FALSE(retry_after.empty());
}

}  // namespace
}  // namespace sk::backend::test
