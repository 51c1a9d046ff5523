// The backend's answers as the client parses them (backend-client/src/api.cpp): whatever a
// server or a man in the middle sends, a parser returns the whole typed answer or one ApiError,
// never crashes, and never calls a non-2xx answer a success.
//
// Input: byte 0 picks the parser, byte 1 the HTTP status, the rest is the body. Parser 10 is
// the check of a typed-in server address (validate(ServerConfig)), with the body as the URL.
#include <array>
#include <cctype>
#include <string>

#include "api.hpp"
#include "fuzz_target.hpp"

namespace {

using namespace sk::client;

constexpr std::array<long, 10> kStatuses{200, 201, 400, 401, 404, 409, 410, 429, 500, 503};

template <class T>
void check(const HttpResponse& r, const ApiResult<T>& parsed) {
  const bool success = r.status >= 200 && r.status <= 299;
  if (!success) SK_FUZZ_CHECK(!parsed.ok());
  if (!parsed.ok()) {
    SK_FUZZ_CHECK(!to_string(parsed.error().failure).empty());
    SK_FUZZ_CHECK(!parsed.error().message.empty());
    if (success) SK_FUZZ_CHECK(parsed.error().failure == Failure::kBadResponse);
  }
}

void parse_with(std::uint8_t which, const HttpResponse& r) {
  switch (which % 11) {
    case 0:
      check(r, api::parse_enrolled(r));
      break;
    case 1:
      check(r, api::parse_code_status(r));
      break;
    case 2: {
      const auto nonce = api::parse_challenge(r);
      check(r, nonce);
      if (nonce) SK_FUZZ_CHECK(nonce->size() == 32);
      break;
    }
    case 3: {
      const auto token = api::parse_token(r);
      check(r, token);
      if (token) SK_FUZZ_CHECK(!token->token.empty() && token->expires_in_s > 0);
      break;
    }
    case 4:
      check(r, api::parse_created_code(r));
      break;
    case 5:
      check(r, api::parse_key_directory(r));
      break;
    case 6: {
      const auto appended = api::parse_appended(r);
      check(r, appended);
      if (appended) SK_FUZZ_CHECK(appended->seq > 0);
      break;
    }
    case 7:
      check(r, api::parse_sync(r));
      break;
    case 8:
      check(r, api::parse_events_page(r));
      break;
    case 9: {
      const auto ok = api::parse_ok(r);
      SK_FUZZ_CHECK(ok.ok() == (r.status >= 200 && r.status <= 299));
      break;
    }
    default: {  // a server address as a user or a script types it (--server, settings)
      ServerConfig config;
      config.base_url = r.body;
      if (validate(config)) {
        std::string scheme = config.base_url.substr(0, config.base_url.find(':'));
        for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        SK_FUZZ_CHECK(scheme == "https" || scheme == "http");
      }
      break;
    }
  }
}

sk::Bytes seed(std::uint8_t which, std::uint8_t status, const std::string& body) {
  const std::string input = std::string{static_cast<char>(which), static_cast<char>(status)} + body;
  return {input.begin(), input.end()};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  HttpResponse r;
  r.status = kStatuses[data[1] % kStatuses.size()];
  r.body.assign(reinterpret_cast<const char*>(data) + 2, size - 2);
  parse_with(data[0], r);
  return 0;
}

// One well-formed answer per parser (docs/api.md), and an error answer.
std::vector<sk::Bytes> sk_fuzz_seeds() {
  const std::string key(43, 'A');  // 32 zero bytes, base64url
  const std::string dev = R"({"device_id":"d1","principal_id":"p1","ed25519":")" + key + R"(","x25519":")" +
                          key + R"(","revoked":false})";
  const std::string org = R"({"org_id":"o1","name":"Testvik","recovery_x25519":")" + key + R"("})";
  const std::string env =
      R"({"seq":1,"event_id":"e1","audience":"case","author_device":"d1","received_at":5,)"
      R"("envelope":"AAEC"})";
  return {
      seed(0, 0,
           R"({"org_id":"o1","principal_id":"p1","device_id":"d1","role":"youth","org":)" + org +
               R"(,"issuer":)" + dev + R"(,"issuer_confirmation":"AAEC","case_id":"c1"})"),
      seed(1, 0,
           R"({"status":"used","you_are":"issuer","case_id":"c1","issuer":)" + dev + R"(,"redeemer":)" + dev +
               R"(,"issuer_confirmation":"AAEC","redeemer_confirmation":null})"),
      seed(2, 0, R"({"nonce":")" + key + R"("})"),
      seed(3, 0, R"({"token":"t0k3n","expires_in":900})"),
      seed(4, 1, R"({"case_id":"c1","lookup":"L1","expires_at":1700000000000})"),
      seed(5, 0,
           R"({"case_id":"c1","org":)" + org +
               R"(,"youth_consent":true,"members":[{"principal_id":"p1",)"
               R"("role":"youth","devices":[)" +
               dev + "]}]}"),
      seed(6, 1, R"({"seq":7,"received_at":5,"duplicate":true})"),
      seed(7, 0,
           R"({"cases":[{"case_id":"c1","youth_consent":false,"paired":true,"directory":2,"events":[)" + env +
               R"(],"next_after":1,"more":false}],"removed":["c2"]})"),
      seed(8, 0, R"({"events":[)" + env + R"(],"next_after":1,"more":true})"),
      seed(9, 7, R"({"error":{"code":"rate_limited","message":"slow down"}})"),
      seed(10, 0, "https://spillkontakt.bergen.kommune.no:8443"),
      seed(10, 0, "http://127.0.0.1:8443"),
  };
}
