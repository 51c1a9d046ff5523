// Faults: the server is killed (-9) or stopped (SIGTERM) while clients append.
//
// Cases:
//  - KillDuringAppends/<ms>: 4 clients append as fast as they can; after <ms> the server gets
//    SIGKILL; after a restart every acknowledged append is there exactly once, in order.
//  - GracefulShutdown: SIGTERM while appending and while a long-poll is parked → the long-poll
//    is answered, the process exits 0, and every acknowledged append is there after a restart.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <future>
#include <mutex>
#include <set>
#include <thread>

#include "harness/scenario.hpp"

namespace sk::backend::test {
namespace {

struct Appenders {
  std::mutex mutex;
  std::vector<std::string> acknowledged;
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;

  void start(Scenario& s, const TestDevice& who, const std::string& case_id, int n) {
    for (int t = 0; t < n; ++t) {
      threads.emplace_back([this, url = s.server().base_url(), token = who.token, case_id] {
        HttpClient http(url);
        http.set_timeout_ms(5000);
        while (!stop) {
          const auto id = new_uuid();
          auto r =
              http.post("/v1/cases/" + case_id + "/events",
                        {{"event_id", id}, {"audience", "case"}, {"envelope", std::string(700, 'Q')}}, token);
          if (r.status == 201) {
            std::lock_guard lock(mutex);
            acknowledged.push_back(id);
          } else if (r.status == 0) {
            return;  // the server is gone
          }
        }
      });
    }
  }
  void join() {
    stop = true;
    for (auto& t : threads) t.join();
  }
};

std::vector<std::string> all_event_ids(Scenario& s, const TestDevice& who, const std::string& case_id) {
  std::vector<std::string> ids;
  long after = 0;
  for (;;) {
    auto r = s.fetch(who, case_id, after, 0, 500);
    EXPECT_EQ(r.status, 200);
    if (r.status != 200) break;
    for (const auto& e : r.json["events"]) ids.push_back(e["event_id"]);
    after = r.json["next_after"];
    if (!r.json["more"].get<bool>()) break;
  }
  return ids;
}

void expect_all_present(const std::vector<std::string>& acknowledged,
                        const std::vector<std::string>& stored) {
  const std::set<std::string> unique(stored.begin(), stored.end());
  EXPECT_EQ(unique.size(), stored.size()) << "no event is stored twice";
  for (const auto& id : acknowledged) EXPECT_TRUE(unique.count(id)) << "acknowledged but lost: " << id;
}

class KillDuringAppends : public ::testing::TestWithParam<int> {};

TEST_P(KillDuringAppends, EveryAcknowledgedAppendSurvives) {
  Scenario s;
  auto sup = s.supervisor();
  auto contact = s.contact(sup);
  auto [case_id, youth] = s.pair_youth(contact);
  Appenders a;
  a.start(s, contact, case_id, 4);
  std::this_thread::sleep_for(std::chrono::milliseconds(GetParam()));
  EXPECT_EQ(s.server().stop(SIGKILL), 128 + SIGKILL);
  a.join();
  s.restart();
  s.login(contact);
  const auto stored = all_event_ids(s, contact, case_id);
  EXPECT_GE(stored.size(), a.acknowledged.size());
  expect_all_present(a.acknowledged, stored);
  RecordProperty("acknowledged", static_cast<int>(a.acknowledged.size()));
}

INSTANTIATE_TEST_SUITE_P(AfterMs, KillDuringAppends, ::testing::Values(50, 300, 1000));

TEST(GracefulShutdown, SigtermAnswersLongPollsCommitsAppendsAndExitsZero) {
  Scenario s;
  auto sup = s.supervisor();
  auto contact = s.contact(sup);
  auto paired = s.pair_youth(contact);
  const std::string case_id = paired.first;
  const TestDevice youth = paired.second;
  auto waiter = std::async(std::launch::async, [case_id, url = s.server().base_url(), token = youth.token] {
    HttpClient http(url);
    return http.get("/v1/cases/" + case_id + "/events?after=1000000&wait=30", token);
  });
  Appenders a;
  a.start(s, contact, case_id, 3);
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  EXPECT_EQ(s.server().stop(SIGTERM), 0);
  a.join();
  auto parked = waiter.get();
  EXPECT_EQ(parked.status, 200) << "the parked long-poll is answered, not dropped";
  EXPECT_FALSE(a.acknowledged.empty());
  s.restart();
  s.login(contact);
  expect_all_present(a.acknowledged, all_event_ids(s, contact, case_id));
}

}  // namespace
}  // namespace sk::backend::test
