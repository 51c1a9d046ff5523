// The authorization matrix: every authenticated route × {no token, garbage token, expired token,
// revoked device, wrong role, other organisation, non-member of the case, audience excludes
// the caller} → 401/403/404, and no response leaks the case's data.
#include <gtest/gtest.h>

#include <thread>

#include "harness/scenario.hpp"
#include "sk/crypto/one_time_code.hpp"

namespace sk::backend::test {
namespace {

struct Probe {
  std::string method;
  std::string path;
  nlohmann::json body;
};

// One probe per authenticated route, aimed at `case_id` (and friends).
std::vector<Probe> every_route(const std::string& case_id, const std::string& device_id,
                               const std::string& lookup, const std::string& principal_id) {
  const auto c = "/v1/cases/" + case_id;
  return {
      {"GET", "/v1/me", nullptr},
      {"GET", "/v1/org", nullptr},
      {"POST", "/v1/enroll-codes", {{"lookup", "ZZZZ"}, {"role", "contact"}}},
      {"GET", "/v1/codes/" + lookup, nullptr},
      {"PUT", "/v1/codes/" + lookup + "/confirmation", {{"confirmation", "AAAA"}}},
      {"POST", "/v1/devices/" + device_id + "/revoke", nlohmann::json::object()},
      {"GET", "/v1/cases", nullptr},
      {"POST", "/v1/cases", {{"lookup", "YYYY"}}},
      {"POST", c + "/members", {{"principal_id", principal_id}}},
      {"PUT", c + "/consent", {{"supervisors_may_read", true}}},
      {"GET", c + "/keys", nullptr},
      {"POST", c + "/events", {{"event_id", new_uuid()}, {"audience", "case"}, {"envelope", "AAAA"}}},
      {"GET", c + "/events?after=0", nullptr},
  };
}

HttpResult send(HttpClient& http, const Probe& p, const std::string& token) {
  return http.request(p.method, p.path, p.body.is_null() ? "" : p.body.dump(), token);
}

class AuthorizationMatrix : public ::testing::Test {
 protected:
  void SetUp() override {
    sup = s.supervisor();
    contact = s.contact(sup);
    outsider_contact = s.contact(sup);
    std::tie(case_id, youth) = s.pair_youth(contact);
    ASSERT_EQ(s.append(contact, case_id, "case", {1, 2, 3}).status, 201);
    ASSERT_EQ(s.append(contact, case_id, "team", {4, 5, 6}).status, 201);
    ASSERT_EQ(s.append(youth, case_id, "youth_consented", {7, 8, 9}).status, 201);
    code = crypto::OneTimeCode::generate().lookup();
    ASSERT_EQ(s.http().post("/v1/enroll-codes", {{"lookup", code}, {"role", "contact"}}, sup.token).status,
              201);

    const auto other_code = init_org(s.data_dir(), "Andre kommune");
    other_sup = s.enroll(other_code);
    other_contact = s.contact(other_sup);
  }

  std::vector<Probe> probes() {
    return every_route(case_id, contact.device_id, code, outsider_contact.principal_id);
  }

  Scenario s;
  TestDevice sup, contact, outsider_contact, youth, other_sup, other_contact;
  std::string case_id, code;
};

TEST_F(AuthorizationMatrix, NoTokenOrGarbageTokenIsUnauthorizedOnEveryRoute) {
  for (const auto& p : probes()) {
    for (const std::string token : {"", "not-a-token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
      auto r = send(s.http(), p, token);
      EXPECT_EQ(r.status, 401) << p.method << " " << p.path << " token=" << token;
      EXPECT_EQ(r.error_code(), "unauthorized");
    }
  }
}

TEST_F(AuthorizationMatrix, RevokedDeviceIsUnauthorizedOnEveryRoute) {
  auto victim = s.contact(sup);
  ASSERT_EQ(s.http()
                .post("/v1/cases/" + case_id + "/members", {{"principal_id", victim.principal_id}}, sup.token)
                .status,
            200);
  ASSERT_EQ(s.fetch(victim, case_id).status, 200);
  ASSERT_EQ(run_backend({"admin", "revoke", "--data", s.data_dir().string(), victim.device_id}).exit_code, 0);
  for (const auto& p : probes()) {
    EXPECT_EQ(send(s.http(), p, victim.token).status, 401) << p.method << " " << p.path;
  }
}

TEST_F(AuthorizationMatrix, OtherOrganisationSeesNothing) {
  for (const auto* outsider : {&other_sup, &other_contact}) {
    for (const auto& p : probes()) {
      if (p.path.starts_with("/v1/cases/" + case_id) || p.path.starts_with("/v1/codes/") ||
          p.path.starts_with("/v1/devices/")) {
        auto r = send(s.http(), p, outsider->token);
        EXPECT_EQ(r.status, 404) << p.method << " " << p.path << " as " << outsider->role;
        EXPECT_EQ(r.body.find(case_id), std::string::npos);
      }
    }
    auto list = s.http().get("/v1/cases", outsider->token);
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(list.body.find(case_id), std::string::npos);
  }
  // A supervisor of the other org cannot add a contact of this org to its cases either.
  EXPECT_EQ(s.http().get("/v1/org", other_sup.token).json["name"], "Andre kommune");
}

TEST_F(AuthorizationMatrix, NonMemberContactSeesNothingOfTheCase) {
  for (const auto& p : probes()) {
    if (!p.path.starts_with("/v1/cases/" + case_id)) continue;
    auto r = send(s.http(), p, outsider_contact.token);
    EXPECT_EQ(r.status, 404) << p.method << " " << p.path;
  }
  EXPECT_EQ(s.http().get("/v1/cases", outsider_contact.token).body.find(case_id), std::string::npos);
  EXPECT_EQ(s.http().get("/v1/codes/" + code, outsider_contact.token).status, 404);
}

TEST_F(AuthorizationMatrix, WrongRoleIsForbidden) {
  const auto c = "/v1/cases/" + case_id;
  auto expect403 = [&](const TestDevice& who, const std::string& method, const std::string& path,
                       const nlohmann::json& body) {
    auto r = s.http().request(method, path, body.dump(), who.token);
    EXPECT_EQ(r.status, 403) << who.role << " " << method << " " << path << " " << r.body;
    EXPECT_EQ(r.error_code(), "forbidden");
  };
  for (const auto* who : {&contact, &youth}) {
    expect403(*who, "POST", "/v1/enroll-codes", {{"lookup", "ZZZZ"}, {"role", "contact"}});
  }
  for (const auto* who : {&sup, &youth}) expect403(*who, "POST", "/v1/cases", {{"lookup", "YYYY"}});
  for (const auto* who : {&contact, &youth}) {
    expect403(*who, "POST", c + "/members", {{"principal_id", outsider_contact.principal_id}});
  }
  for (const auto* who : {&contact, &sup})
    expect403(*who, "PUT", c + "/consent", {{"supervisors_may_read", true}});
  expect403(youth, "POST", c + "/events",
            {{"event_id", new_uuid()}, {"audience", "team"}, {"envelope", "AAAA"}});
  for (const std::string audience : {"case", "youth_consented"}) {
    expect403(sup, "POST", c + "/events",
              {{"event_id", new_uuid()}, {"audience", audience}, {"envelope", "AAAA"}});
  }
  expect403(contact, "POST", "/v1/devices/" + sup.device_id + "/revoke", nlohmann::json::object());
  expect403(youth, "POST", "/v1/devices/" + contact.device_id + "/revoke", nlohmann::json::object());
}

TEST_F(AuthorizationMatrix, FetchReturnsOnlyEnvelopesWhoseAudienceIncludesTheCaller) {
  auto audiences = [&](const TestDevice& who) {
    std::vector<std::string> out;
    auto r = s.fetch(who, case_id);
    EXPECT_EQ(r.status, 200);
    for (const auto& e : r.json["events"]) out.push_back(e["audience"]);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(audiences(contact), (V{"case", "team", "youth_consented"}));
  EXPECT_EQ(audiences(youth), (V{"case", "youth_consented"})) << "youth never see team notes";
  EXPECT_EQ(audiences(sup), (V{"team"})) << "no consent yet";
  ASSERT_EQ(
      s.http().put("/v1/cases/" + case_id + "/consent", {{"supervisors_may_read", true}}, youth.token).status,
      200);
  EXPECT_EQ(audiences(sup), (V{"team", "youth_consented"}));
  ASSERT_EQ(s.http()
                .put("/v1/cases/" + case_id + "/consent", {{"supervisors_may_read", false}}, youth.token)
                .status,
            200);
  EXPECT_EQ(audiences(sup), (V{"team"}));
}

TEST(Authorization, ExpiredTokenIsUnauthorizedOnEveryRoute) {
  Scenario s({"--token-ttl-seconds", "3"});
  auto sup = s.supervisor();
  auto contact = s.contact(sup);
  auto [case_id, youth] = s.pair_youth(contact);
  std::this_thread::sleep_for(std::chrono::milliseconds(3500));
  for (const auto& p : every_route(case_id, contact.device_id, "ABCD", contact.principal_id)) {
    for (const auto* who : {&sup, &contact, &youth}) {
      EXPECT_EQ(send(s.http(), p, who->token).status, 401) << p.method << " " << p.path;
    }
  }
  s.login(contact);
  EXPECT_EQ(s.http().get("/v1/me", contact.token).status, 200) << "a fresh login works again";
}

}  // namespace
}  // namespace sk::backend::test
