#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "long_poll_hub.hpp"

#include <algorithm>
#include <mutex>
#include <unordered_map>

namespace sk::backend {

namespace asio = boost::asio;

namespace {
struct Waiter {
  explicit Waiter(asio::io_context& l) : loop(l), timer(l) {}
  asio::io_context& loop;
  asio::steady_timer timer;
  std::string case_id;
  std::function<void()> resume;
};
}  // namespace

struct LongPollHub::Impl {
  mutable std::mutex mutex;
  std::unordered_map<std::string, std::uint64_t> versions;
  std::unordered_map<std::string, std::vector<std::shared_ptr<Waiter>>> waiters;
  std::int64_t open = 0;
  bool closed = false;

  void cancel_later(std::vector<std::shared_ptr<Waiter>> ws) {
    for (auto& w : ws) asio::post(w->loop, [w] { w->timer.cancel(); });
  }
};

LongPollHub::LongPollHub() : impl_(std::make_shared<Impl>()) {}
LongPollHub::~LongPollHub() = default;

std::uint64_t LongPollHub::version(const std::string& case_id) const {
  std::lock_guard lock(impl_->mutex);
  auto it = impl_->versions.find(case_id);
  return it == impl_->versions.end() ? 0 : it->second;
}

void LongPollHub::park(asio::io_context& loop, const std::string& case_id, std::uint64_t seen_version,
                       std::chrono::milliseconds wait, std::function<void()> resume) {
  auto w = std::make_shared<Waiter>(loop);
  w->case_id = case_id;
  w->resume = std::move(resume);
  {
    std::lock_guard lock(impl_->mutex);
    auto v = impl_->versions.find(case_id);
    const bool changed = v != impl_->versions.end() && v->second != seen_version;
    if (impl_->closed || changed) {
      asio::post(loop, [w] { w->resume(); });
      return;
    }
    impl_->waiters[case_id].push_back(w);
    ++impl_->open;
  }
  w->timer.expires_after(wait);
  // The handler runs once, whether the deadline passed or a wake cancelled the timer.
  w->timer.async_wait([impl = impl_, w](const boost::system::error_code&) {
    {
      std::lock_guard lock(impl->mutex);
      --impl->open;
      auto it = impl->waiters.find(w->case_id);
      if (it != impl->waiters.end()) {
        std::erase(it->second, w);
        if (it->second.empty()) impl->waiters.erase(it);
      }
    }
    auto resume_once = std::move(w->resume);
    resume_once();
  });
}

void LongPollHub::notify(const std::vector<std::string>& case_ids) {
  std::vector<std::shared_ptr<Waiter>> woken;
  {
    std::lock_guard lock(impl_->mutex);
    for (const auto& c : case_ids) {
      ++impl_->versions[c];
      auto it = impl_->waiters.find(c);
      if (it == impl_->waiters.end()) continue;
      woken.insert(woken.end(), it->second.begin(), it->second.end());
      impl_->waiters.erase(it);
    }
  }
  impl_->cancel_later(std::move(woken));
}

void LongPollHub::shutdown() {
  std::vector<std::shared_ptr<Waiter>> woken;
  {
    std::lock_guard lock(impl_->mutex);
    impl_->closed = true;
    for (auto& [c, ws] : impl_->waiters) woken.insert(woken.end(), ws.begin(), ws.end());
    impl_->waiters.clear();
  }
  impl_->cancel_later(std::move(woken));
}

std::int64_t LongPollHub::open() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->open;
}

}  // namespace sk::backend
