#pragma once
// LongPollHub: parks long-poll requests per case without holding a thread, and wakes them
// within milliseconds of a committed append.
//
// A waiter is a steady_timer set to its deadline on the event loop of its connection; waking it
// means posting the timer's cancellation to that loop. Each loop is one thread
// (docs/backend.md), so a waiter's timer is only ever touched by that thread and `resume` runs
// there. Each case has a version that every committed append bumps: a route reads the version
// BEFORE fetching, and park() resumes at once if it changed since, so an append that lands
// between the fetch and the park is never missed.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace sk::backend {

class LongPollHub {
 public:
  LongPollHub();
  ~LongPollHub();
  LongPollHub(const LongPollHub&) = delete;
  LongPollHub& operator=(const LongPollHub&) = delete;

  std::uint64_t version(const std::string& case_id) const;
  // Called on `loop`'s thread. Calls `resume` exactly once, on `loop`: after an append to
  // `case_id` newer than `seen_version`, when `wait` has passed, or at shutdown.
  void park(boost::asio::io_context& loop, const std::string& case_id, std::uint64_t seen_version, std::chrono::milliseconds wait,
            std::function<void()> resume);
  // Any thread: the cases whose appends just committed.
  void notify(const std::vector<std::string>& case_ids);
  // Resumes every waiter; later park() calls resume at once.
  void shutdown();
  std::int64_t open() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace sk::backend
