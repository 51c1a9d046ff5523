// The API client's parsers and builders (backend-client/src/api.*): strict about what the
// backend sends, and every non-2xx answer one typed error.
#include "api.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sk/core/encoding.hpp"

namespace sk::client {
namespace {

using nlohmann::json;

HttpResponse answer(long status, const json& body) {
  return {status, body.dump(), {}, {}};
}

const std::string kKey(43, 'A');  // 32 zero bytes as base64url

json device(const std::string& id) {
  return {{"device_id", id}, {"principal_id", "p-" + id}, {"ed25519", kKey}, {"x25519", kKey}};
}

json envelope(std::int64_t seq) {
  return {{"seq", seq},
          {"event_id", "e" + std::to_string(seq)},
          {"audience", "case"},
          {"author_device", "d1"},
          {"received_at", 1000 + seq},
          {"envelope", "AAEC"}};
}

TEST(Api, ASyncAnswerIsReadWhole) {
  const json body{{"cases",
                   {{{"case_id", "c1"},
                     {"youth_consent", true},
                     {"paired", true},
                     {"directory", 4},
                     {"events", {envelope(1), envelope(2)}},
                     {"next_after", 2},
                     {"more", false}}}},
                  {"removed", {"c9"}}};
  const auto s = api::parse_sync(answer(200, body));
  ASSERT_TRUE(s) << s.error().message;
  ASSERT_EQ(s->cases.size(), 1u);
  const auto& c = s->cases[0];
  EXPECT_EQ(c.case_id, "c1");
  EXPECT_TRUE(c.youth_consent);
  EXPECT_EQ(c.directory, 4);
  ASSERT_EQ(c.events.size(), 2u);
  EXPECT_EQ(c.events[1].seq, 2);
  EXPECT_EQ(c.events[1].envelope, (Bytes{0x00, 0x01, 0x02}));
  EXPECT_EQ(c.next_after, 2);
  EXPECT_EQ(s->removed, std::vector<std::string>{"c9"});
}

TEST(Api, AnythingButWhatTheDocsPromiseIsABadResponse) {
  json ok{{"events", {envelope(1)}}, {"next_after", 1}, {"more", false}};
  ASSERT_TRUE(api::parse_events_page(answer(200, ok)));
  auto expect_bad = [](const HttpResponse& r, const char* why) {
    const auto p = api::parse_events_page(r);
    ASSERT_FALSE(p) << why;
    EXPECT_EQ(p.error().failure, Failure::kBadResponse) << why;
    EXPECT_FALSE(p.error().message.empty());
  };
  json missing = ok;
  missing.erase("more");
  expect_bad(answer(200, missing), "a member missing");
  json wrong_type = ok;
  wrong_type["next_after"] = "1";
  expect_bad(answer(200, wrong_type), "a string for an integer");
  json bad_blob = ok;
  bad_blob["events"][0]["envelope"] = "not base64url!";
  expect_bad(answer(200, bad_blob), "an envelope that is not base64url");
  expect_bad({200, "{\"events\": [", {}, {}}, "truncated JSON");
  expect_bad({200, "", {}, {}}, "an empty body");
  expect_bad(answer(200, json::array()), "an array for an object");
}

TEST(Api, KeysOfTheWrongSizeAreRefused) {
  json d{{"case_id", "c1"},
         {"org", {{"org_id", "o1"}, {"recovery_x25519", kKey}}},
         {"youth_consent", false},
         {"members", {{{"principal_id", "p1"}, {"role", "youth"}, {"devices", {device("d1")}}}}}};
  const auto ok = api::parse_key_directory(answer(200, d));
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->members[0].devices[0].principal_id, "p1");
  d["members"][0]["devices"][0]["x25519"] = std::string(42, 'A');  // 31 bytes
  EXPECT_EQ(api::parse_key_directory(answer(200, d)).error().failure, Failure::kBadResponse);
  const auto nonce = api::parse_challenge(answer(200, {{"nonce", "AAEC"}}));
  EXPECT_FALSE(nonce) << "a challenge nonce is 32 bytes";
}

TEST(Api, EveryErrorAnswerIsOneTypedFailure) {
  const std::pair<long, Failure> cases[] = {
      {400, Failure::kRejected},     {413, Failure::kRejected},    {415, Failure::kRejected},
      {401, Failure::kUnauthorized}, {403, Failure::kForbidden},   {404, Failure::kNotFound},
      {409, Failure::kConflict},     {410, Failure::kCodeExpired}, {429, Failure::kRateLimited},
      {500, Failure::kServer},       {503, Failure::kServer},      {302, Failure::kBadResponse},
  };
  for (const auto& [status, failure] : cases) {
    HttpResponse r = answer(status, {{"error", {{"code", "some_code"}, {"message", "said plainly"}}}});
    r.retry_after = std::chrono::seconds(status == 429 ? 7 : 0);
    const auto e = api::parse_token(r);
    ASSERT_FALSE(e) << status;
    EXPECT_EQ(e.error().failure, failure) << status;
    EXPECT_EQ(e.error().status, status);
    EXPECT_EQ(e.error().code, "some_code");
    EXPECT_EQ(e.error().message, "said plainly");
    EXPECT_EQ(e.error().retry_after, r.retry_after);
  }
  // No JSON in the error body: still typed, still worded.
  const auto bare = api::parse_ok({502, "<html>Bad gateway</html>", {}, {}});
  ASSERT_FALSE(bare);
  EXPECT_EQ(bare.error().failure, Failure::kServer);
  EXPECT_NE(bare.error().message.find("502"), std::string::npos);
  // No answer at all.
  HttpResponse offline;
  offline.transport = ApiError{Failure::kOffline, 0, {}, "no connection", {}};
  EXPECT_EQ(api::parse_sync(offline).error().failure, Failure::kOffline);
  EXPECT_TRUE(is_transient(Failure::kOffline));
  EXPECT_TRUE(is_transient(Failure::kRateLimited));
  EXPECT_TRUE(is_transient(Failure::kServer));
  EXPECT_FALSE(is_transient(Failure::kRevoked));
  EXPECT_FALSE(is_transient(Failure::kRejected));
  // A TLS failure is retried too (a hotel's captive portal answers before the real server does);
  // the status says "tls" meanwhile, so a wrong pin is visible, not silent.
  EXPECT_TRUE(is_transient(Failure::kTls));
}

TEST(Api, RequestsCarryWhatTheServerNeedsAndNoMore) {
  const auto append = api::append("c1", "e1", "team", Bytes{0xff, 0x00});
  EXPECT_EQ(append.method, "POST");
  EXPECT_EQ(append.path, "/v1/cases/c1/events");
  const auto body = json::parse(append.body);
  EXPECT_EQ(body, (json{{"event_id", "e1"}, {"audience", "team"}, {"envelope", "_wA"}}));

  const auto sync = api::sync({{"c1", {3, 2}}, {"c2", {0, 1}}}, 25, 500);
  const auto s = json::parse(sync.body);
  EXPECT_EQ(s["cases"]["c1"], (json{{"after", 3}, {"directory", 2}}));
  EXPECT_EQ(s["wait"], 25);
  EXPECT_EQ(sync.extra_timeout, std::chrono::seconds(25)) << "a long-poll's wait adds to the timeout";

  const auto revoke = api::revoke("-dash");
  EXPECT_TRUE(revoke.body.empty()) << "a body-less POST";
}

}  // namespace
}  // namespace sk::client
