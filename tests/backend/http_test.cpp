// The HTTP framing of responses, byte for byte on a raw socket: the server answers in the
// request's HTTP version, honours keep-alive and Connection: close, and serves several requests
// sent back to back on one connection in order.
#include <gtest/gtest.h>

#include "harness/scenario.hpp"

namespace sk::backend::test {
namespace {

constexpr int kGenerousMs = 10'000;  // only reached if the server fails to close
constexpr int kShortMs = 500;        // waits for a second answer that must not close
constexpr std::string_view kHealthy = R"({"status":"ok"})";

std::size_t count(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(Http, Http10RequestGetsAnHttp10AnswerAndTheConnectionIsClosed) {
  Scenario s;
  bool closed = false;
  const auto reply = raw_exchange(s.server().port(), "GET /healthz HTTP/1.0\r\n\r\n", kGenerousMs, &closed);
  EXPECT_TRUE(reply.starts_with("HTTP/1.0 200 OK\r\n")) << reply;
  EXPECT_NE(reply.find("\r\nContent-Type: application/json\r\n"), std::string::npos) << reply;
  EXPECT_NE(reply.find("\r\nCache-Control: no-store\r\n"), std::string::npos) << reply;
  EXPECT_NE(reply.find("\r\nContent-Length: " + std::to_string(kHealthy.size()) + "\r\n"), std::string::npos)
      << reply;
  EXPECT_TRUE(reply.ends_with(std::string("\r\n\r\n") + std::string(kHealthy))) << reply;
  EXPECT_TRUE(closed);
}

TEST(Http, ConnectionCloseIsAnsweredWithConnectionCloseAndHonoured) {
  Scenario s;
  bool closed = false;
  const auto reply =
      raw_exchange(s.server().port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                   kGenerousMs, &closed);
  EXPECT_TRUE(reply.starts_with("HTTP/1.1 200 OK\r\n")) << reply;
  EXPECT_NE(reply.find("\r\nConnection: close\r\n"), std::string::npos) << reply;
  EXPECT_TRUE(closed);
}

TEST(Http, RequestsSentBackToBackAreAnsweredInOrderOnOneKeptConnection) {
  Scenario s;
  bool closed = false;
  const auto reply = raw_exchange(s.server().port(),
                                  "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                                  "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n"
                                  "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
                                  kShortMs, &closed);
  EXPECT_EQ(count(reply, "HTTP/1.1 "), 3u) << reply;
  const auto not_found = reply.find("HTTP/1.1 404 Not Found\r\n");
  ASSERT_NE(not_found, std::string::npos) << reply;
  EXPECT_LT(reply.find("HTTP/1.1 200 OK\r\n"), not_found);
  EXPECT_NE(reply.find("HTTP/1.1 200 OK\r\n", not_found), std::string::npos) << reply;
  EXPECT_EQ(count(reply, "Connection: close"), 0u) << reply;
  EXPECT_FALSE(closed) << "a keep-alive connection stays open";
}

}  // namespace
}  // namespace sk::backend::test
