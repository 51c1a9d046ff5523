#pragma once
// LongPollHub: parks waiting requests (per-case long-polls and per-device syncs) without
// holding a thread, and wakes them within milliseconds of a change they may care about.
//
// Rules:
//  - A waiter waits on several keys (wake_key below); notify(keys) bumps each key's version and
//    wakes every waiter of any of them. A woken request decides again what to answer (and whom:
//    a revoked device gets 401), and parks again if nothing is for it.
//  - A waiter is a steady_timer set to its deadline on the event loop of its connection; waking
//    it means posting the timer's cancellation to that loop. Each loop is one thread
//    (docs/backend.md), so a waiter's timer is only touched by that thread and `resume` runs there.
//  - A route reads the versions of its keys BEFORE reading what it answers from, and park()
//    resumes at once if any changed since, so a change that lands between the read and the park
//    is never missed.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace sk::backend {

// What can wake a waiter. A case's own key is its id (appends, and changes of its membership,
// consent or directory); the others carry a prefix ids never contain.
namespace wake_key {
inline std::string case_changed(std::string_view case_id) {
  return std::string(case_id);
}
// The device was revoked.
inline std::string device(std::string_view device_id) {
  return "d:" + std::string(device_id);
}
// The principal gained a case (created it, was added to it).
inline std::string principal(std::string_view principal_id) {
  return "p:" + std::string(principal_id);
}
// Every case of the organisation changed its directory (a supervisor's device list changed).
inline std::string org(std::string_view org_id) {
  return "o:" + std::string(org_id);
}
// The organisation has a new case, which its supervisors now see.
inline std::string org_supervisors(std::string_view org_id) {
  return "s:" + std::string(org_id);
}
// Anything may have changed (a revocation by another process, the admin CLI): every waiter.
inline std::string everything() {
  return "*";
}
}  // namespace wake_key

class LongPollHub {
 public:
  LongPollHub();
  ~LongPollHub();
  LongPollHub(const LongPollHub&) = delete;
  LongPollHub& operator=(const LongPollHub&) = delete;

  std::vector<std::uint64_t> versions(const std::vector<std::string>& keys) const;
  // Called on `loop`'s thread. Calls `resume` exactly once, on `loop`: after a notify() of one of
  // `keys` newer than `seen` (the versions() of `keys`), when `wait` has passed, or at shutdown.
  // Every waiter includes wake_key::everything() in its keys.
  void park(boost::asio::io_context& loop, std::vector<std::string> keys,
            const std::vector<std::uint64_t>& seen, std::chrono::milliseconds wait,
            std::function<void()> resume);
  // Any thread: these keys changed (the writer: the cases whose appends are now durable).
  void notify(const std::vector<std::string>& keys);
  // Resumes every waiter; later park() calls resume at once.
  void shutdown();
  std::int64_t open() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace sk::backend
