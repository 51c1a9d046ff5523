#include "memory.hpp"

#include <csignal>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "../backend/asio.hpp"
#include "../backend/process.hpp"
#include "profiles.hpp"
#include "sk/store/store.hpp"

namespace sk::bench {

namespace {

constexpr auto kPullTimeout = std::chrono::minutes(10);
constexpr auto kSettle = std::chrono::seconds(3);  // parked in its long-poll, caches warm

// A "Name:   1234 kB" line of /proc/PID/status, in kB (0 when absent).
long status_kb(pid_t pid, std::string_view name) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);) {
    if (line.size() > name.size() && line.compare(0, name.size(), name) == 0 && line[name.size()] == ':')
      return std::stol(line.substr(name.size() + 1));
  }
  return 0;
}

bool caught_up(const std::filesystem::path& store_path, const std::map<std::string, std::int64_t>& last_seq) {
  auto store = store::Store::open_read_only(store_path);
  if (!store) return false;
  for (const auto& [case_id, seq] : last_seq) {
    auto cursor = store->cursor(case_id);
    if (!cursor || *cursor < seq) return false;
  }
  return true;
}

ChildProcess start_child(const MemoryRun& run) {
  return ChildProcess::spawn(
      {run.self.string(), "--memory-child", "--profile", run.profile.string(), "--url", run.base_url},
      run.log.string());
}

}  // namespace

MemoryFigures measure_memory(const MemoryRun& run) {
  MemoryFigures figures;
  const auto store_path = run.profile / "store.db";
  {
    ChildProcess child = start_child(run);
    const auto start = Clock::now();
    while (!caught_up(store_path, run.last_seq)) {
      if (!child.running()) throw std::runtime_error("the memory child exited; see " + run.log.string());
      if (Clock::now() - start > kPullTimeout) throw std::runtime_error("the memory child did not catch up");
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    figures.pull_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    figures.pull_peak_rss_kb = status_kb(child.pid(), "VmHWM");
    if (child.stop(SIGTERM, std::chrono::seconds(10)) != 0)
      throw std::runtime_error("the memory child did not stop cleanly");
  }
  {
    ChildProcess child = start_child(run);
    std::this_thread::sleep_for(kSettle);
    if (!child.running()) throw std::runtime_error("the memory child exited; see " + run.log.string());
    figures.rss_kb = status_kb(child.pid(), "VmRSS");
    figures.rss_anon_kb = status_kb(child.pid(), "RssAnon");
    figures.rss_file_kb = status_kb(child.pid(), "RssFile");
    figures.peak_rss_kb = status_kb(child.pid(), "VmHWM");
    if (child.stop(SIGTERM, std::chrono::seconds(10)) != 0)
      throw std::runtime_error("the memory child did not stop cleanly");
  }
  for (const auto& [case_id, seq] : run.last_seq) figures.events += static_cast<std::size_t>(seq);
  figures.store_bytes = std::filesystem::file_size(store_path);
  return figures;
}

int run_memory_child(const std::filesystem::path& profile, const std::string& base_url) {
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  // Blocked before the network thread starts, so only sigwait below sees them.
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);
  client::ClientOptions options;
  options.profile_dir = profile;
  options.server.base_url = base_url;
  auto c = client::Client::open(std::move(options));
  if (!c) return 3;
  if (auto u = (*c)->unlock(kPassphrase); !u) return 4;
  if (auto s = (*c)->start_sync([](const client::Changes&) {}); !s) return 5;
  int signal = 0;
  sigwait(&stop, &signal);
  (*c)->stop_sync();
  return 0;
}

}  // namespace sk::bench
