#include "chat_run.hpp"

#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "sk/client/event_records.hpp"
#include "sk/model/event_id.hpp"
#include "sk/store/store.hpp"

namespace sk::bench {

namespace {

// What B's callback saw: when a chat message last arrived in the case (network thread → bench).
class Deliveries {
 public:
  explicit Deliveries(std::string case_id) : case_id_(std::move(case_id)) {}

  void on_change(const client::Changes& changes) {
    const auto now = Clock::now();
    for (const auto& c : changes.cases) {
      if (c.case_id != case_id_ || !c.kinds.contains("chat_message")) continue;
      {
        std::lock_guard lock(mutex_);
        last_ = now;
        ++count_;
      }
      ready_.notify_all();
    }
  }

  // Waits for a callback after `seen` callbacks; returns its time and the new count.
  std::optional<std::pair<Clock::time_point, std::size_t>> wait_after(std::size_t seen,
                                                                      Clock::time_point until) {
    std::unique_lock lock(mutex_);
    if (!ready_.wait_until(lock, until, [&] { return count_ > seen; })) return std::nullopt;
    return std::make_pair(last_, count_);
  }

  std::size_t count() {
    std::lock_guard lock(mutex_);
    return count_;
  }

 private:
  std::string case_id_;
  std::mutex mutex_;
  std::condition_variable ready_;
  Clock::time_point last_{};
  std::size_t count_ = 0;
};

void wait_until_settled(client::Client& c) {
  const auto deadline = Clock::now() + std::chrono::seconds(30);
  while (Clock::now() < deadline) {
    const auto s = c.status();
    if (s.connectivity == client::Connectivity::kOnline && s.pending == 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("a client did not come online with an empty outbox");
}

}  // namespace

ChatResult run_chat(Profile& a, Profile& b, const std::string& case_id, const ChatConfig& config) {
  Deliveries deliveries(case_id);
  if (auto s = b.client->start_sync([&](const client::Changes& c) { deliveries.on_change(c); }); !s)
    throw std::runtime_error("B start_sync: " + s.error().message);
  if (auto s = a.client->start_sync([](const client::Changes&) {}); !s)
    throw std::runtime_error("A start_sync: " + s.error().message);
  wait_until_settled(*a.client);
  wait_until_settled(*b.client);
  std::this_thread::sleep_for(std::chrono::seconds(1));  // both parked in their long-polls

  // The UI's own connections to the two stores.
  auto a_store = must(store::Store::open(a.client->store_path()), "open A's store");
  auto b_store = must(store::Store::open_read_only(b.client->store_path()), "open B's store");
  model::EventIdGenerator ids;
  const client::Author author{a.info.principal_id, a.info.device_id, &ids};

  LatencySamples round_trip;
  LatencySamples local_commit;
  ChatResult result;
  for (std::size_t i = 0; i < config.messages; ++i) {
    const std::size_t seen = deliveries.count();
    const auto t0 = Clock::now();
    auto event = must(client::record_action(a_store, author, case_id,
                                            model::ChatMessage{"round trip " + std::to_string(i) + ", hei!"}),
                      "record a chat message");
    const auto committed = Clock::now();
    a.client->nudge();
    local_commit.add(committed - t0);
    const auto id = event.id.str();
    const auto deadline = committed + config.timeout;
    bool delivered = false;
    for (std::size_t n = seen; !delivered;) {
      const auto arrived = deliveries.wait_after(n, deadline);
      if (!arrived) break;
      n = arrived->second;
      auto stored = must(b_store.find_event(id), "find the message in B's store");
      if (stored) {
        round_trip.add(arrived->first - committed);
        delivered = true;
      }
    }
    if (!delivered) ++result.lost;
    std::this_thread::sleep_for(config.pause);
  }
  a.client->stop_sync();
  b.client->stop_sync();
  result.round_trip = round_trip.summary();
  result.local_commit = local_commit.summary();
  return result;
}

}  // namespace sk::bench
