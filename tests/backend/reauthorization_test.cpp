// A parked long-poll does not keep the permissions it had when it began: who the caller is and
// what it may read are decided again at every answer.
#include <gtest/gtest.h>

#include <future>

#include "harness/scenario.hpp"

namespace sk::backend::test {
namespace {

using Clock = std::chrono::steady_clock;

class Reauthorization : public ::testing::Test {
 protected:
  void SetUp() override {
    sup = s.supervisor();
    contact = s.contact(sup);
    std::tie(case_id, youth) = s.pair_youth(contact);
  }
  std::future<HttpResult> park(const TestDevice& who, int wait) {
    return std::async(std::launch::async, [this, &who, wait] {
      HttpClient http(s.server().base_url());
      return http.get("/v1/cases/" + case_id + "/events?after=0&wait=" + std::to_string(wait), who.token);
    });
  }
  void wait_until_parked(int n) { ASSERT_TRUE(s.wait_until_parked(n)) << "the long-poll did not park"; }
  HttpResult consent(bool on) {
    return s.http().put("/v1/cases/" + case_id + "/consent", {{"supervisors_may_read", on}}, youth.token);
  }
  Scenario s;
  TestDevice sup, contact, youth;
  std::string case_id;
};

TEST_F(Reauthorization, DeviceRevokedByTheAdminCliWhileParkedGets401NotTheNextEnvelope) {
  auto waiter = park(contact, 20);
  wait_until_parked(1);
  auto revoke = run_backend({"admin", "revoke", "--data", s.data_dir().string(), contact.device_id});
  ASSERT_EQ(revoke.exit_code, 0) << revoke.out;
  ASSERT_EQ(s.append(youth, case_id, "case", {1}).status, 201);
  const auto r = waiter.get();
  EXPECT_EQ(r.status, 401) << r.body;
}

TEST_F(Reauthorization, DeviceRevokedThroughTheApiWhileParkedGets401AtOnce) {
  auto waiter = park(contact, 20);
  wait_until_parked(1);
  ASSERT_EQ(s.http()
                .post("/v1/devices/" + contact.device_id + "/revoke", nlohmann::json::object(), sup.token)
                .status,
            200);
  ASSERT_EQ(waiter.wait_for(std::chrono::seconds(1)), std::future_status::ready);
  EXPECT_EQ(waiter.get().status, 401);
}

TEST_F(Reauthorization, ConsentWithdrawnWhileParkedWithholdsLaterCheckInsFromSupervisors) {
  ASSERT_EQ(consent(true).status, 200);
  auto waiter = park(sup, 2);
  wait_until_parked(1);
  ASSERT_EQ(consent(false).status, 200);
  ASSERT_EQ(s.append(youth, case_id, "youth_consented", {5}).status, 201);
  const auto r = waiter.get();
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.json["events"].empty()) << r.body;
  EXPECT_TRUE(s.fetch(sup, case_id).json["events"].empty());
  EXPECT_EQ(s.fetch(contact, case_id).json["events"].size(), 1u) << "contacts still read check-ins";
}

TEST_F(Reauthorization, ConsentGivenWhileParkedLetsTheSupervisorReadTheNextCheckIn) {
  auto waiter = park(sup, 20);
  wait_until_parked(1);
  ASSERT_EQ(consent(true).status, 200);
  ASSERT_EQ(s.append(youth, case_id, "youth_consented", {5}).status, 201);
  const auto r = waiter.get();
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json["events"].size(), 1u) << r.body;
}

}  // namespace
}  // namespace sk::backend::test
