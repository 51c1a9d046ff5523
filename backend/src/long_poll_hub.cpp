#include "long_poll_hub.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace sk::backend {

namespace asio = boost::asio;

namespace {
struct Waiter : std::enable_shared_from_this<Waiter> {
  explicit Waiter(asio::io_context& l) : loop(l), timer(l) {}
  asio::io_context& loop;
  asio::steady_timer timer;
  std::vector<std::string> keys;
  std::function<void()> resume;
};
}  // namespace

struct LongPollHub::Impl {
  mutable std::mutex mutex;
  std::unordered_map<std::string, std::uint64_t> versions;
  // A waiter is listed under each of its keys until its timer handler runs; the handler holds
  // the only owning reference, so a listed waiter is alive.
  std::unordered_map<std::string, std::unordered_set<Waiter*>> waiters;
  std::int64_t open = 0;
  bool closed = false;

  std::uint64_t version(const std::string& key) const {
    auto it = versions.find(key);
    return it == versions.end() ? 0 : it->second;
  }
  // Takes the waiters of `key` off its list (they stay on their other keys' lists until their
  // handlers run) into `out`.
  void take(const std::string& key, std::unordered_set<Waiter*>& out) {
    auto it = waiters.find(key);
    if (it == waiters.end()) return;
    out.merge(it->second);
    waiters.erase(it);
  }
  static void cancel_later(const std::unordered_set<Waiter*>& ws) {
    for (auto* w : ws) asio::post(w->loop, [s = w->shared_from_this()] { s->timer.cancel(); });
  }
};

LongPollHub::LongPollHub() : impl_(std::make_shared<Impl>()) {}
LongPollHub::~LongPollHub() = default;

std::vector<std::uint64_t> LongPollHub::versions(const std::vector<std::string>& keys) const {
  std::vector<std::uint64_t> out;
  out.reserve(keys.size());
  std::lock_guard lock(impl_->mutex);
  for (const auto& k : keys) out.push_back(impl_->version(k));
  return out;
}

void LongPollHub::park(asio::io_context& loop, std::vector<std::string> keys,
                       const std::vector<std::uint64_t>& seen, std::chrono::milliseconds wait,
                       std::function<void()> resume) {
  auto w = std::make_shared<Waiter>(loop);
  w->keys = std::move(keys);
  w->resume = std::move(resume);
  {
    std::lock_guard lock(impl_->mutex);
    bool changed = seen.size() != w->keys.size();
    for (std::size_t i = 0; !changed && i < w->keys.size(); ++i)
      changed = impl_->version(w->keys[i]) != seen[i];
    if (impl_->closed || changed) {
      asio::post(loop, [w] { w->resume(); });
      return;
    }
    for (const auto& k : w->keys) impl_->waiters[k].insert(w.get());
    ++impl_->open;
  }
  w->timer.expires_after(wait);
  // The handler runs once, whether the deadline passed or a wake cancelled the timer.
  w->timer.async_wait([impl = impl_, w](const boost::system::error_code&) {
    {
      std::lock_guard lock(impl->mutex);
      --impl->open;
      for (const auto& k : w->keys) {
        auto it = impl->waiters.find(k);
        if (it == impl->waiters.end()) continue;
        it->second.erase(w.get());
        if (it->second.empty()) impl->waiters.erase(it);
      }
    }
    auto resume_once = std::move(w->resume);
    resume_once();
  });
}

void LongPollHub::notify(const std::vector<std::string>& keys) {
  std::unordered_set<Waiter*> woken;
  std::lock_guard lock(impl_->mutex);
  for (const auto& k : keys) {
    ++impl_->versions[k];
    impl_->take(k, woken);
  }
  // Posted under the lock: a woken waiter's handler, which unlists it, must not run before.
  Impl::cancel_later(woken);
}

void LongPollHub::shutdown() {
  std::unordered_set<Waiter*> woken;
  std::lock_guard lock(impl_->mutex);
  impl_->closed = true;
  for (auto& [k, ws] : impl_->waiters) woken.insert(ws.begin(), ws.end());
  impl_->waiters.clear();
  Impl::cancel_later(woken);
}

std::int64_t LongPollHub::open() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->open;
}

}  // namespace sk::backend
