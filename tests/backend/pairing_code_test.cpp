// A fresh pairing code for an existing case: a youth who reinstalled pairs a new device, which
// belongs to the same youth principal and appears wherever the case's devices are listed.
#include <gtest/gtest.h>

#include "harness/scenario.hpp"
#include "sk/core/encoding.hpp"
#include "sk/crypto/one_time_code.hpp"

namespace sk::backend::test {
namespace {

class PairingCode : public ::testing::Test {
 protected:
  void SetUp() override {
    sup = s.supervisor();
    contact = s.contact(sup);
    std::tie(case_id, youth) = s.pair_youth(contact);
  }
  HttpResult issue(const TestDevice& who, const std::string& lookup,
                   nlohmann::json extra = nlohmann::json::object()) {
    extra["lookup"] = lookup;
    return s.http().post("/v1/cases/" + case_id + "/pairing-codes", extra, who.token);
  }
  std::vector<std::string> youth_devices() {
    auto dir = s.http().get("/v1/cases/" + case_id + "/keys", contact.token);
    std::vector<std::string> out;
    for (const auto& m : dir.json["members"]) {
      if (m["role"] != "youth") continue;
      for (const auto& d : m["devices"]) out.push_back(d["device_id"]);
    }
    return out;
  }
  long directory() {
    const auto listed = s.http().get("/v1/cases", contact.token);
    for (const auto& c : listed.json["cases"]) {
      if (c["case_id"] == case_id) return c["directory"];
    }
    return -1;
  }
  Scenario s;
  TestDevice sup, contact, youth;
  std::string case_id;
};

TEST_F(PairingCode, EnrollsANewDeviceForTheCasesExistingYouth) {
  const auto before = directory();
  const auto code = crypto::OneTimeCode::generate();
  auto issued = issue(contact, code.lookup(), {{"expires_in", 3600}});
  ASSERT_EQ(issued.status, 201) << issued.body;
  EXPECT_EQ(issued.json["case_id"], case_id);
  EXPECT_EQ(issued.json["lookup"], code.lookup());
  EXPECT_GT(issued.json["expires_at"].get<long>(), 0);

  auto again = s.redeem_pairing(code.lookup());
  EXPECT_EQ(again.principal_id, youth.principal_id);
  EXPECT_EQ(again.role, "youth");
  EXPECT_EQ(again.enroll_response["case_id"], case_id);
  EXPECT_EQ(again.enroll_response["issuer"]["device_id"], contact.device_id);
  EXPECT_EQ(youth_devices(), (std::vector<std::string>{youth.device_id, again.device_id}));
  EXPECT_GT(directory(), before);
  // The new device reads the case's history, and both youth devices stay in.
  ASSERT_EQ(s.append(contact, case_id, "case", {1}).status, 201);
  EXPECT_EQ(s.fetch(again, case_id).json["events"].size(), 1u);
  EXPECT_EQ(s.fetch(youth, case_id).json["events"].size(), 1u);
  EXPECT_EQ(s.http().get("/v1/cases", again.token).json["cases"].size(), 1u);
}

TEST_F(PairingCode, TheCodeExchangeWorksAsForTheFirstPairing) {
  const auto code = crypto::OneTimeCode::generate();
  ASSERT_EQ(issue(contact, code.lookup()).status, 201);
  auto again = s.redeem_pairing(code.lookup());
  ASSERT_EQ(s.http()
                .put("/v1/codes/" + code.lookup() + "/confirmation", {{"confirmation", "AAAA"}}, again.token)
                .status,
            200);
  auto seen = s.http().get("/v1/codes/" + code.lookup(), contact.token);
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.json["status"], "used");
  EXPECT_EQ(seen.json["kind"], "pair");
  EXPECT_EQ(seen.json["case_id"], case_id);
  EXPECT_EQ(seen.json["redeemer"]["device_id"], again.device_id);
  EXPECT_EQ(seen.json["redeemer_confirmation"], "AAAA");
  EXPECT_EQ(s.http().get("/v1/codes/" + code.lookup(), again.token).json["you_are"], "redeemer");
  EXPECT_EQ(s.http()
                .post("/v1/pairing/redeem", {{"lookup", code.lookup()},
                                             {"ed25519", base64url_encode(Bytes(32, 1))},
                                             {"x25519", base64url_encode(Bytes(32, 2))}})
                .status,
            410)
      << "single use";
}

TEST_F(PairingCode, OnlyAContactOfTheCaseMayIssueOne) {
  const auto code = crypto::OneTimeCode::generate();
  EXPECT_EQ(issue(youth, code.lookup()).status, 403);
  EXPECT_EQ(issue(sup, code.lookup()).status, 403);
  EXPECT_EQ(issue(s.contact(sup), code.lookup()).status, 404) << "another contact does not see the case";
  EXPECT_EQ(issue(contact, "not-a-lookup").status, 400);
  EXPECT_EQ(issue(contact, code.lookup(), {{"expires_in", 10}}).status, 400);
  ASSERT_EQ(issue(contact, code.lookup()).status, 201);
  EXPECT_EQ(issue(contact, code.lookup()).status, 409) << "lookup id in use";
}

}  // namespace
}  // namespace sk::backend::test
