// Nothing lost, nothing twice: the network breaks, the server dies, a client dies, a client is
// offline for a while — and afterwards every message is there exactly once, in order.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <thread>

#include "support/cast.hpp"
#include "support/ordering.hpp"
#include "support/profile_view.hpp"

namespace sk::integration {
namespace {

using namespace std::chrono_literals;

TEST(Faults, ThroughAProxyThatDropsDelaysResetsAndCutsEveryMessageArrivesOnce) {
  Cast cast;
  auto a = cast.contact().start({"send", "--from-file", numbered_lines(cast.contact(), "kari", 150)});
  auto b = cast.youth().start({"send", "--from-file", numbered_lines(cast.youth(), "ola", 150)});
  using F = FaultProxy::Fault;
  const F faults[] = {F::kDelay,  F::kReset,     F::kNone,  F::kCutResponse,
                      F::kRefuse, F::kHalfClose, F::kStall, F::kNone};
  for (int i = 0; a.running() || b.running(); ++i) {
    cast.proxy().set_fault(faults[i % std::size(faults)]);
    std::this_thread::sleep_for(120ms);
  }
  cast.proxy().set_fault(F::kNone);
  // A sender may have given up after a minute of trouble; what it queued is still queued.
  (void)a.wait();
  (void)b.wait();
  for (int round = 0; round < 2; ++round) {
    must_run(cast.contact(), {"sync", "--once"});
    must_run(cast.youth(), {"sync", "--once"});
  }
  EXPECT_GT(cast.proxy().faults_applied(), 0);
  expect_each_once_in_order(chat_texts(cast.youth(), cast.case_id()), {{"kari", 150}, {"ola", 150}});
  EXPECT_EQ(chat_texts(cast.contact(), cast.case_id()), chat_texts(cast.youth(), cast.case_id()));
}

TEST(Faults, ServerKilledMidBurstLosesAndDuplicatesNothing) {
  Cast cast;
  auto a = cast.contact().start({"send", "--from-file", numbered_lines(cast.contact(), "kari", 400)});
  std::this_thread::sleep_for(400ms);
  cast.restart_server(/*kill9=*/true);
  EXPECT_EQ(a.wait().exit_code, 0) << "sync --once rides out a server restart";
  must_run(cast.youth(), {"sync", "--once"});
  expect_each_once_in_order(chat_texts(cast.youth(), cast.case_id()), {{"kari", 400}});
}

TEST(Faults, ClientKilledDuringPushResumesFromItsStore) {
  Cast cast;
  auto a = cast.contact().start({"send", "--from-file", numbered_lines(cast.contact(), "kari", 400)});
  // `send` queues every line first, then pushes: kill it once all are queued and some are out.
  std::size_t sent = 0;
  for (;;) {
    const auto state = fold(cast.contact(), cast.case_id());
    const auto& entries = state.chat().entries();
    sent = static_cast<std::size_t>(
        std::count_if(entries.begin(), entries.end(), [](const auto& e) { return e.seq.has_value(); }));
    if ((entries.size() == 400 && sent >= 20) || !a.running()) break;
    std::this_thread::sleep_for(5ms);
  }
  a.kill9();
  EXPECT_LT(sent, 400u) << "the kill should land while the queue is being pushed";
  must_run(cast.contact(), {"sync", "--once"});
  must_run(cast.youth(), {"sync", "--once"});
  expect_each_once_in_order(chat_texts(cast.youth(), cast.case_id()), {{"kari", 400}});
}

TEST(Faults, ClientKilledDuringPullResumesFromItsCursor) {
  Cast cast;
  must_run(cast.contact(), {"send", "--from-file", numbered_lines(cast.contact(), "kari", 600)});
  auto pulling = cast.youth().start({"sync", "--once"});
  std::size_t pulled = 0;
  while (pulling.running() && (pulled = chat_texts(cast.youth(), cast.case_id()).size()) == 0)
    std::this_thread::sleep_for(2ms);
  pulling.kill9();
  EXPECT_LT(pulled, 600u) << "the kill should land between two pages of the pull";
  must_run(cast.youth(), {"sync", "--once"});
  expect_each_once_in_order(chat_texts(cast.youth(), cast.case_id()), {{"kari", 600}});
}

TEST(Faults, TwoHundredQueuedOfflineAreDeliveredOnceWhenTheServerIsBack) {
  Cast cast;
  cast.proxy().set_fault(FaultProxy::Fault::kRefuse);  // the network is gone
  must_run(cast.youth(), {"send", "--no-sync", "--from-file", numbered_lines(cast.youth(), "ola", 200)});
  const auto offline = cast.youth().run({"sync", "--once", "--retry-for", "0"});
  EXPECT_EQ(offline.exit_code, 3) << "offline is its own exit code: " << offline.out << offline.err;
  const auto queued = must_run(cast.youth(), {"status"}).json();
  EXPECT_EQ(queued["pending"], 200);
  cast.proxy().set_fault(FaultProxy::Fault::kNone);
  must_run(cast.youth(), {"sync", "--once"});
  EXPECT_EQ(must_run(cast.youth(), {"status"}).json()["pending"], 0);
  must_run(cast.contact(), {"sync", "--once"});
  expect_each_once_in_order(chat_texts(cast.contact(), cast.case_id()), {{"ola", 200}});
}

}  // namespace
}  // namespace sk::integration
