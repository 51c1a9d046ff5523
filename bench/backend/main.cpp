// sk-backend-load: the long-poll wake-up and append throughput benchmark of spillkontakt-backend,
// side by side with nginx + Nchan (docs/benchmarks.md). Everything runs on 127.0.0.1, for a
// bounded time, and stops by itself. The last line of the output is one JSON object.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "disk_baseline.hpp"
#include "nchan_target.hpp"
#include "process.hpp"
#include "report.hpp"
#include "spillkontakt_target.hpp"
#include "sync_target.hpp"
#include "work_dir.hpp"

namespace {

using namespace sk::bench;

// 2 s at 200/s: enough for a p99 (the 4th-worst of 400).
constexpr int kPacedFsyncRounds = 400;

struct Options {
  std::size_t clients = 1000;
  double rate = 200;
  int duration_s = 20;
  int drain_s = 5;
  std::size_t sync_devices = 2000;
  std::size_t sync_cases = 5;
  bool no_sync = false;
  std::size_t throughput_clients = 64;
  int throughput_duration_s = 10;
  bool no_nchan = false;
  bool no_throughput = false;
  bool nchan_only = false;
  bool keep_dir = false;
  std::filesystem::path temp_parent = std::filesystem::temp_directory_path();
  SpillkontaktOptions server;
  NchanOptions nchan;
};

// Publishing in the throughput and sync runs uses keys far above the wake run's, so event ids
// never repeat.
constexpr std::uint64_t kThroughputKeyBase = std::uint64_t{1} << 40;
constexpr std::uint64_t kSyncKeyBase = std::uint64_t{1} << 41;

WakeConfig wake_config(const Options& o) {
  WakeConfig config;
  config.rate_per_s = o.rate;
  config.duration = std::chrono::seconds(o.duration_s);
  config.drain = std::chrono::seconds(o.drain_s);
  return config;
}

ThroughputConfig throughput_config(const Options& o) {
  ThroughputConfig config;
  config.clients = o.throughput_clients;
  config.duration = std::chrono::seconds(o.throughput_duration_s);
  config.key_base = kThroughputKeyBase;
  return config;
}

double appends_per_commit(SpillkontaktTarget::CommitCounters before,
                          SpillkontaktTarget::CommitCounters after) {
  const double batches = after.batches - before.batches;
  return batches > 0 ? (after.appends - before.appends) / batches : 0.0;
}

// The same waking pattern with one POST /v1/sync per device over its cases instead of one
// long-poll per case.
asio::awaitable<void> run_sync(asio::io_context& io, const Options& o, const SpillkontaktTarget& target,
                               Report& report) {
  std::cout << "spillkontakt-backend: setting up " << o.sync_devices << " contact devices with "
            << o.sync_cases << " cases each..." << std::endl;
  const auto setup_start = Clock::now();
  auto sync = co_await target.sync_devices(io, o.sync_devices, o.sync_cases, 16);
  report.sync_setup_seconds = std::chrono::duration<double>(Clock::now() - setup_start).count();
  report.sync_cases_per_device = o.sync_cases;
  std::cout << "  ready in " << report.sync_setup_seconds << " s; sync run: " << o.rate << " appends/s for "
            << o.duration_s << " s" << std::endl;
  auto config = wake_config(o);
  config.key_base = kSyncKeyBase;
  report.sync_run_seconds = o.duration_s;
  report.ours_sync = co_await run_wake(io, *sync, config);
  print_wake(std::cout,
             "spillkontakt-backend, append->wake with POST /v1/sync (" + std::to_string(o.sync_cases) +
                 " cases per device):",
             *report.ours_sync);
}

asio::awaitable<void> run_ours(asio::io_context& io, const Options& o, Report& report) {
  std::cout << "spillkontakt-backend: setting up " << o.clients << " cases through the API..." << std::endl;
  const auto setup_start = Clock::now();
  auto target = co_await SpillkontaktTarget::start(io, o.server, o.clients);
  report.setup_seconds = std::chrono::duration<double>(Clock::now() - setup_start).count();
  std::cout << "  ready in " << report.setup_seconds << " s; waking run: " << o.rate << " appends/s for "
            << o.duration_s << " s" << std::endl;
  auto before = co_await target->commit_counters(io);
  report.ours = co_await run_wake(io, *target, wake_config(o));
  print_wake(std::cout, "spillkontakt-backend, append->wake:", *report.ours);
  auto after = co_await target->commit_counters(io);
  report.wake_appends_per_commit = appends_per_commit(before, after);
  std::cout << "  group commit: " << report.wake_appends_per_commit << " appends per transaction"
            << std::endl;
  if (!o.no_sync) co_await run_sync(io, o, *target, report);
  if (!o.no_throughput) {
    before = co_await target->commit_counters(io);
    report.ours_throughput = co_await run_throughput(io, *target, throughput_config(o));
    print_throughput(std::cout, "spillkontakt-backend, durable append throughput:", *report.ours_throughput);
    after = co_await target->commit_counters(io);
    report.throughput_appends_per_commit = appends_per_commit(before, after);
    std::cout << "  group commit: " << report.throughput_appends_per_commit << " appends per transaction"
              << std::endl;
  }
  const int status = target->stop();
  std::cout << "spillkontakt-backend stopped with status " << status << (status == 0 ? " (graceful)" : "")
            << std::endl;
}

asio::awaitable<void> run_nchan(asio::io_context& io, const Options& o, Report& report) {
  if (auto why = NchanTarget::unavailable(o.nchan)) {
    report.nchan_skipped = *why + " (scripts/install-deps --bench installs it)";
    co_return;
  }
  std::cout << "nginx+nchan: starting, " << o.nchan.workers << " worker(s)" << std::endl;
  auto target = co_await NchanTarget::start(io, o.nchan, o.clients);
  report.nchan = co_await run_wake(io, *target, wake_config(o));
  print_wake(std::cout, "nginx+nchan, publish->wake:", *report.nchan);
  if (!o.no_throughput) {
    report.nchan_throughput = co_await run_throughput(io, *target, throughput_config(o));
    print_throughput(std::cout, "nginx+nchan, in-memory publish throughput:", *report.nchan_throughput);
  }
}

asio::awaitable<void> run_all(asio::io_context& io, const Options& o, Report& report) {
  if (!o.nchan_only) co_await run_ours(io, o, report);
  if (o.no_nchan) {
    report.nchan_skipped = "disabled with --no-nchan";
  } else {
    co_await run_nchan(io, o, report);
  }
  print_comparison(std::cout, report);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"spillkontakt-backend long-poll and append benchmark, compared with nginx+Nchan"};
  app.add_option("--server", o.server.server, "spillkontakt-backend binary");
  app.add_option("-n,--clients", o.clients, "waiting long-poll clients, one per case")
      ->check(CLI::Range(1, 20000));
  app.add_option("--rate", o.rate, "appends per second in the waking run")->check(CLI::Range(1.0, 5000.0));
  app.add_option("--duration", o.duration_s, "seconds of appending in the waking run")
      ->check(CLI::Range(1, 120));
  app.add_option("--drain", o.drain_s, "seconds to wait for the last deliveries")->check(CLI::Range(1, 60));
  app.add_option("--sync-devices", o.sync_devices,
                 "devices each waiting with one POST /v1/sync in the sync run")
      ->check(CLI::Range(1, 20000));
  app.add_option("--sync-cases", o.sync_cases, "cases per device in the sync run")->check(CLI::Range(1, 100));
  app.add_flag("--no-sync", o.no_sync, "skip the sync run");
  app.add_option("--throughput-clients", o.throughput_clients, "keep-alive clients in the throughput run")
      ->check(CLI::Range(1, 1024));
  app.add_option("--throughput-duration", o.throughput_duration_s, "seconds of the throughput run")
      ->check(CLI::Range(1, 120));
  app.add_option("--server-arg", o.server.extra_serve_args, "extra argument for `serve` (repeatable)");
  app.add_flag("--no-throughput", o.no_throughput, "skip the throughput runs");
  app.add_flag("--no-nchan", o.no_nchan, "skip the nginx+Nchan comparison");
  app.add_flag("--nchan-only", o.nchan_only, "run only the nginx+Nchan side (checks the machinery)");
  app.add_option("--nchan-conf", o.nchan.config_template, "nginx config template")->capture_default_str();
  app.add_option("--nchan-workers", o.nchan.workers, "nginx worker processes")->check(CLI::Range(1, 64));
  app.add_option("--nginx", o.nchan.nginx, "nginx binary")->capture_default_str();
  app.add_option("--temp-dir", o.temp_parent,
                 "where the run's temporary directory (server data, logs) is made; a tmpfs such as /dev/shm "
                 "takes the disk out of the figures")
      ->capture_default_str();
  app.add_flag("--keep", o.keep_dir, "keep the temporary directory (logs, data) for inspection");
  o.nchan.config_template = SK_BENCH_NCHAN_TEMPLATE;
  o.server.server = SK_BENCH_DEFAULT_SERVER;
  CLI11_PARSE(app, argc, argv);

  const long nofile = raise_nofile_limit();
  const auto waiters = std::max(o.clients, o.no_sync ? 0 : o.sync_devices);
  if (static_cast<long>(waiters) + 512 > nofile) {
    std::cerr << "open-files limit " << nofile << " is too low for " << waiters << " clients\n";
    return 2;
  }
  if (!o.nchan_only && !std::filesystem::exists(o.server.server)) {
    std::cerr << "no server binary at " << o.server.server << " (pass --server PATH)\n";
    return 2;
  }

  const auto work_dir = make_work_dir(o.temp_parent, "sk-backend-bench");
  o.server.work_dir = work_dir;
  o.nchan.work_dir = work_dir;
  Report report;
  report.n = o.clients;
  std::ifstream("/proc/loadavg") >> report.load_average;
  report.fsync = measure_fsync(work_dir, 200);
  report.fsync_paced =
      measure_fsync(work_dir, kPacedFsyncRounds,
                    std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / o.rate)));
  std::cout << "sk-backend-load: " << o.clients << " waiting clients, " << std::thread::hardware_concurrency()
            << " cores, load average " << report.load_average << "; 4 KiB write+fdatasync here: p50 "
            << report.fsync->p50_ms << " ms, p99 " << report.fsync->p99_ms << " ms back to back; p50 "
            << report.fsync_paced->p50_ms << " ms, p99 " << report.fsync_paced->p99_ms << " ms at " << o.rate
            << "/s" << std::endl;
  int exit_code = 0;
  {
    asio::io_context io(1);
    asio::co_spawn(io, run_all(io, o, report), [&](std::exception_ptr e) {
      io.stop();  // whatever is still parked (a failed run's waiters) ends with the loop
      if (!e) return;
      exit_code = 1;
      try {
        std::rethrow_exception(e);
      } catch (const std::exception& error) {
        std::cerr << "benchmark failed: " << error.what() << '\n';
      }
    });
    io.run();
  }
  finish_work_dir(work_dir, o.keep_dir, std::cout);
  print_headline_json(std::cout, report);
  return exit_code;
}
