#include "resource_sampler.hpp"

#include <algorithm>

#include "process.hpp"

namespace sk::bench {

namespace {
constexpr auto kInterval = std::chrono::milliseconds(100);
}

struct ResourceSampler::State {
  explicit State(asio::io_context& io) : timer(io) {}
  asio::steady_timer timer;
  std::vector<pid_t> pids;
  bool running = false;
  ResourceFigures figures;
  Clock::time_point started;
  double server_cpu_start = 0;
  double tool_cpu_start = 0;

  double server_cpu() const {
    double sum = 0;
    for (pid_t pid : pids) sum += process_cpu_seconds(pid);
    return sum;
  }
  void sample() {
    long rss_kb = 0;
    long threads = 0;
    for (pid_t pid : pids) {
      if (auto status = read_proc_status(pid)) {
        rss_kb += status->rss_kb;
        threads += status->threads;
      }
    }
    figures.peak_rss_mb = std::max(figures.peak_rss_mb, static_cast<double>(rss_kb) / 1024.0);
    figures.peak_threads = std::max(figures.peak_threads, threads);
  }
};

namespace {
asio::awaitable<void> sample_loop(std::shared_ptr<ResourceSampler::State> state) {
  while (state->running) {
    state->sample();
    state->timer.expires_after(kInterval);
    boost::system::error_code ec;
    co_await state->timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
}
}  // namespace

ResourceSampler::ResourceSampler(asio::io_context& io, std::vector<pid_t> pids)
    : state_(std::make_shared<State>(io)) {
  state_->pids = std::move(pids);
}

void ResourceSampler::start() {
  state_->running = true;
  state_->figures = {};
  state_->started = Clock::now();
  state_->server_cpu_start = state_->server_cpu();
  state_->tool_cpu_start = self_cpu_seconds();
  asio::co_spawn(state_->timer.get_executor(), sample_loop(state_), asio::detached);
}

ResourceFigures ResourceSampler::stop() {
  state_->running = false;
  state_->timer.cancel();
  state_->sample();
  const double wall = std::chrono::duration<double>(Clock::now() - state_->started).count();
  if (wall > 0) {
    state_->figures.server_cpu_pct = 100.0 * (state_->server_cpu() - state_->server_cpu_start) / wall;
    state_->figures.tool_cpu_pct = 100.0 * (self_cpu_seconds() - state_->tool_cpu_start) / wall;
  }
  return state_->figures;
}

}  // namespace sk::bench
