// POST /v1/sync: one wait per device over all of its cases. It answers at once when anything is
// to report (readable events in any case, a case gained or lost, a directory changed), parks
// otherwise, is woken within milliseconds by what the device may see, and decides who may read
// what again at every answer.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <future>
#include <map>

#include "harness/scenario.hpp"

namespace sk::backend::test {
namespace {

using Clock = std::chrono::steady_clock;

struct Known {
  long after = 0;
  long directory = 0;
  friend bool operator==(const Known&, const Known&) = default;
};
using KnownCases = std::map<std::string, Known>;

nlohmann::json sync_body(const KnownCases& known, int wait, int limit = 100) {
  nlohmann::json cases = nlohmann::json::object();
  for (const auto& [id, k] : known) cases[id] = {{"after", k.after}, {"directory", k.directory}};
  return {{"cases", cases}, {"wait", wait}, {"limit", limit}};
}

// What a device knows after an answer: each case's cursor and directory version.
KnownCases known_from(const HttpResult& r) {
  KnownCases out;
  for (const auto& c : r.json["cases"])
    out[c["case_id"]] = {c["next_after"].get<long>(), c["directory"].get<long>()};
  return out;
}

const nlohmann::json* case_in(const HttpResult& r, const std::string& case_id) {
  for (const auto& c : r.json["cases"]) {
    if (c["case_id"] == case_id) return &c;
  }
  return nullptr;
}

class Sync : public ::testing::Test {
 protected:
  void SetUp() override {
    sup = s.supervisor();
    contact = s.contact(sup);
    for (int i = 0; i < 5; ++i) {
      auto [case_id, youth] = s.pair_youth(contact);
      cases.push_back(case_id);
      youths.push_back(youth);
    }
  }
  HttpResult sync(const TestDevice& who, const KnownCases& known, int wait = 0, int limit = 100) {
    return s.http().post("/v1/sync", sync_body(known, wait, limit), who.token);
  }
  // The device's state after a first, immediate sync.
  KnownCases current(const TestDevice& who) {
    auto r = sync(who, {});
    EXPECT_EQ(r.status, 200) << r.body;
    return known_from(r);
  }
  // A sync with `wait` on its own connection; the result and how long it took.
  std::future<std::pair<HttpResult, double>> park(const TestDevice& who, KnownCases known, int wait = 20) {
    return std::async(std::launch::async, [this, &who, known = std::move(known), wait] {
      HttpClient http(s.server().base_url());
      const auto start = Clock::now();
      auto r = http.post("/v1/sync", sync_body(known, wait), who.token);
      return std::make_pair(r, std::chrono::duration<double>(Clock::now() - start).count());
    });
  }
  void wait_until_parked(int n) { ASSERT_TRUE(s.wait_until_parked(n)) << "the sync did not park"; }
  // Parks a sync of `who` from its current state; `change` should answer it within a second.
  HttpResult woken_by(const TestDevice& who, const std::function<void()>& change) {
    auto waiter = park(who, current(who));
    wait_until_parked(1);
    const auto changed = Clock::now();
    change();
    auto [r, seconds] = waiter.get();
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - changed).count(), 1.0)
        << "woken by the change, not by the 20 s timeout";
    return r;
  }

  Scenario s;
  TestDevice sup, contact;
  std::vector<std::string> cases;
  std::vector<TestDevice> youths;
};

TEST_F(Sync, FirstCallListsEveryVisibleCaseAtOnce) {
  auto r = sync(contact, {}, 20);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json["cases"].size(), 5u);
  for (const auto& c : r.json["cases"]) {
    EXPECT_TRUE(c["paired"].get<bool>());
    EXPECT_GT(c["directory"].get<long>(), 0);
    EXPECT_TRUE(c["events"].empty());
    EXPECT_EQ(c["next_after"], 0);
    EXPECT_FALSE(c["more"].get<bool>());
  }
  EXPECT_TRUE(r.json["removed"].empty());
  EXPECT_EQ(sync(sup, {}).json["cases"].size(), 5u) << "a supervisor sees every case of the organisation";
  EXPECT_EQ(sync(youths[2], {}).json["cases"].size(), 1u);
}

TEST_F(Sync, ParkedWaitWokenByAppendInAnyCase) {
  auto r = woken_by(contact, [&] { ASSERT_EQ(s.append(youths[2], cases[2], "case", {42}).status, 201); });
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json["cases"].size(), 5u);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto* c = case_in(r, cases[i]);
    ASSERT_NE(c, nullptr);
    if (i == 2) {
      ASSERT_EQ((*c)["events"].size(), 1u);
      EXPECT_EQ((*c)["events"][0]["author_device"], youths[2].device_id);
      EXPECT_EQ((*c)["next_after"], 1);
    } else {
      EXPECT_TRUE((*c)["events"].empty());
      EXPECT_EQ((*c)["next_after"], 0);
    }
  }
}

TEST_F(Sync, ReturnsAtOnceWhenEventsAreAlreadyThere) {
  const auto known = current(contact);
  ASSERT_EQ(s.append(youths[4], cases[4], "case", {1}).status, 201);
  const auto start = Clock::now();
  auto r = sync(contact, known, 20);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 1.0);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ((*case_in(r, cases[4]))["events"].size(), 1u);
}

TEST_F(Sync, NothingNewTimesOutWithEmptyEvents) {
  const auto known = current(contact);
  const auto start = Clock::now();
  auto r = sync(contact, known, 1);
  EXPECT_GE(std::chrono::duration<double>(Clock::now() - start).count(), 0.9);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(known_from(r), known);
  for (const auto& c : r.json["cases"]) EXPECT_TRUE(c["events"].empty());
}

TEST_F(Sync, AnEventTheCallerMayNotReadDoesNotAnswerTheWait) {
  auto waiter = park(youths[0], current(youths[0]));
  wait_until_parked(1);
  ASSERT_EQ(s.append(contact, cases[0], "team", {7}).status, 201);
  EXPECT_EQ(waiter.wait_for(std::chrono::milliseconds(500)), std::future_status::timeout)
      << "a team note must not wake (and so reveal itself to) the youth";
  ASSERT_EQ(s.append(contact, cases[0], "case", {8}).status, 201);
  auto [r, seconds] = waiter.get();
  ASSERT_EQ(r.status, 200);
  const auto& events = (*case_in(r, cases[0]))["events"];
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["audience"], "case");
  EXPECT_EQ(events[0]["seq"], 2);
}

TEST_F(Sync, ParkedWaitWokenWhenTheSupervisorAddsTheDeviceToACase) {
  auto other = s.contact(sup);
  ASSERT_TRUE(current(other).empty());
  auto r = woken_by(other, [&] {
    ASSERT_EQ(
        s.http()
            .post("/v1/cases/" + cases[1] + "/members", {{"principal_id", other.principal_id}}, sup.token)
            .status,
        200);
  });
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.json["cases"].size(), 1u);
  EXPECT_EQ(r.json["cases"][0]["case_id"], cases[1]);
}

TEST_F(Sync, ParkedSupervisorWokenByANewCaseInTheOrganisation) {
  std::string created;
  auto r = woken_by(sup, [&] { created = s.pair_youth(contact).first; });
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(case_in(r, created), nullptr);
}

TEST_F(Sync, ParkedWaitWokenWhenTheYouthPairsANewDevice) {
  const auto before = current(contact).at(cases[3]).directory;
  auto r = woken_by(contact, [&] { s.pair_again(contact, cases[3]); });
  ASSERT_EQ(r.status, 200);
  EXPECT_GT((*case_in(r, cases[3]))["directory"].get<long>(), before);
  EXPECT_EQ((*case_in(r, cases[0]))["directory"], current(contact).at(cases[0]).directory)
      << "only the youth's own case changed";
}

TEST_F(Sync, ParkedWaitWokenWhenAMembersDeviceIsRevoked) {
  const auto before = current(youths[1]).at(cases[1]).directory;
  auto r = woken_by(youths[1], [&] {
    ASSERT_EQ(s.http()
                  .post("/v1/devices/" + contact.device_id + "/revoke", nlohmann::json::object(), sup.token)
                  .status,
              200);
  });
  ASSERT_EQ(r.status, 200);
  EXPECT_GT((*case_in(r, cases[1]))["directory"].get<long>(), before);
}

TEST_F(Sync, ASupervisorsNewDeviceChangesEveryCasesDirectory) {
  const auto before = current(contact);
  auto r = woken_by(contact, [&] {
    const auto code = code_from_output(
        run_backend({"admin", "enroll-code", "--data", s.data_dir().string(), "--role", "supervisor"}).out);
    s.enroll(code);
  });
  ASSERT_EQ(r.status, 200);
  for (const auto& [id, k] : known_from(r)) EXPECT_GT(k.directory, before.at(id).directory) << id;
}

TEST_F(Sync, DeviceRevokedWhileParkedIsAnswered401) {
  auto r = woken_by(contact, [&] {
    ASSERT_EQ(s.http()
                  .post("/v1/devices/" + contact.device_id + "/revoke", nlohmann::json::object(), sup.token)
                  .status,
              200);
  });
  EXPECT_EQ(r.status, 401);
}

TEST_F(Sync, DeviceRevokedByTheAdminCliWhileParkedIsAnswered401) {
  auto r = woken_by(youths[0], [&] {
    auto revoke = run_backend({"admin", "revoke", "--data", s.data_dir().string(), youths[0].device_id});
    ASSERT_EQ(revoke.exit_code, 0) << revoke.out;
  });
  EXPECT_EQ(r.status, 401);
}

TEST_F(Sync, ConsentWithdrawnWhileParkedWithholdsCheckInsFromSupervisors) {
  ASSERT_EQ(s.http()
                .put("/v1/cases/" + cases[0] + "/consent", {{"supervisors_may_read", true}}, youths[0].token)
                .status,
            200);
  auto waiter = park(sup, current(sup));
  wait_until_parked(1);
  ASSERT_EQ(s.http()
                .put("/v1/cases/" + cases[0] + "/consent", {{"supervisors_may_read", false}}, youths[0].token)
                .status,
            200);
  ASSERT_EQ(s.append(youths[0], cases[0], "youth_consented", {5}).status, 201);
  auto [r, seconds] = waiter.get();
  ASSERT_EQ(r.status, 200);
  EXPECT_FALSE((*case_in(r, cases[0]))["youth_consent"].get<bool>());
  EXPECT_TRUE((*case_in(r, cases[0]))["events"].empty()) << r.body;
  auto again = sync(sup, {{cases[0], {0, 0}}});
  EXPECT_TRUE((*case_in(again, cases[0]))["events"].empty()) << again.body;
  EXPECT_EQ((*case_in(sync(contact, {{cases[0], {0, 0}}}), cases[0]))["events"].size(), 1u)
      << "the contacts still read check-ins";
}

TEST_F(Sync, ACaseTheCallerMayNotSeeIsReportedRemoved) {
  auto known = current(youths[0]);
  known[cases[1]] = {0, 1};                  // another youth's case
  known["AAAAAAAAAAAAAAAAAAAAAA"] = {3, 1};  // no such case
  auto r = sync(youths[0], known, 20);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["cases"].size(), 1u);
  std::vector<std::string> removed{"AAAAAAAAAAAAAAAAAAAAAA", cases[1]};
  std::sort(removed.begin(), removed.end());
  EXPECT_EQ(r.json["removed"], nlohmann::json(removed));
}

TEST_F(Sync, LimitCutsAPageAndSaysMore) {
  for (int i = 0; i < 3; ++i) ASSERT_EQ(s.append(youths[0], cases[0], "case", {1}).status, 201);
  auto r = sync(contact, {}, 0, 2);
  const auto& c = *case_in(r, cases[0]);
  EXPECT_EQ(c["events"].size(), 2u);
  EXPECT_TRUE(c["more"].get<bool>());
  EXPECT_EQ(c["next_after"], 2);
}

TEST_F(Sync, BadInputIsRefusedWith400) {
  const std::string id = cases[0];
  nlohmann::json too_many = nlohmann::json::object();
  for (int i = 0; i < 2001; ++i) {
    auto name = std::to_string(i);
    too_many[std::string(22 - name.size(), 'A') + name] = {{"after", 0}};
  }
  const std::vector<std::string> bodies = {
      "",
      "[]",
      R"({"cases":{},"wait":1,"extra":true})",
      R"({"wait":1})",
      R"({"cases":[]})",
      R"({"cases":{},"wait":31})",
      R"({"cases":{},"wait":-1})",
      R"({"cases":{},"limit":0})",
      R"({"cases":{},"limit":501})",
      R"({"cases":{"short":{"after":0}}})",
      R"({"cases":{")" + id + R"(":{"after":-1}}})",
      R"({"cases":{")" + id + R"(":{"after":"1"}}})",
      R"({"cases":{")" + id + R"(":{"cursor":1}}})",
      R"({"cases":{")" + id + R"(":{"after":1,"after":2}}})",
      R"({"cases":{")" + id + R"(":{},")" + id + R"(":{}}})",
      R"({"cases":{")" + id + R"(":7}})",
      nlohmann::json{{"cases", too_many}}.dump(),
  };
  for (const auto& body : bodies) {
    auto r = s.http().request("POST", "/v1/sync", body, contact.token);
    EXPECT_EQ(r.status, 400) << body.substr(0, 200);
    EXPECT_EQ(r.error_code(), "bad_request") << body.substr(0, 200);
  }
  EXPECT_EQ(s.http().post("/v1/sync", {{"cases", nlohmann::json::object()}}).status, 401);
}

}  // namespace
}  // namespace sk::backend::test
