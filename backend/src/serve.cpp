#include "serve.hpp"

#include <fcntl.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/file.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <csignal>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include "append_writer.hpp"
#include "authenticator.hpp"
#include "http_server.hpp"
#include "long_poll_hub.hpp"
#include "metrics.hpp"
#include "router.hpp"
#include "sqlite_storage.hpp"

namespace sk::backend {

namespace asio = boost::asio;

namespace {

constexpr auto kDrainPoll = std::chrono::milliseconds(10);
constexpr auto kDrainLimit = std::chrono::seconds(5);
constexpr auto kRevocationPoll = std::chrono::milliseconds(250);

// The event loops: one io_context per thread, each kept running (even without connections)
// until stop(). Loop 0 also runs the acceptor, the signal handler and the shutdown drain.
class EventLoops {
 public:
  explicit EventLoops(unsigned count) {
    for (unsigned i = 0; i < count; ++i) {
      loops_.push_back(std::make_unique<asio::io_context>(1));
      guards_.emplace_back(loops_.back()->get_executor());
    }
  }
  asio::io_context& first() { return *loops_.front(); }
  std::vector<asio::io_context*> all() const {
    std::vector<asio::io_context*> out;
    for (const auto& l : loops_) out.push_back(l.get());
    return out;
  }
  // Runs loop 0 on the calling thread and the others on their own threads, until stop().
  void run() {
    std::vector<std::jthread> threads;
    for (std::size_t i = 1; i < loops_.size(); ++i) threads.emplace_back([l = loops_[i].get()] { l->run(); });
    loops_.front()->run();
  }
  void stop() {
    for (auto& l : loops_) l->stop();
  }

 private:
  std::vector<std::unique_ptr<asio::io_context>> loops_;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards_;
};

// After SIGTERM: waits until every request already read has been answered (or kDrainLimit),
// then stops the loops; idle keep-alive connections are simply closed.
void drain_then_stop(EventLoops& loops, HttpServer& server, std::shared_ptr<asio::steady_timer> timer,
                     std::chrono::steady_clock::time_point give_up) {
  if (server.in_flight() == 0 || std::chrono::steady_clock::now() >= give_up) {
    loops.stop();
    return;
  }
  timer->expires_after(kDrainPoll);
  timer->async_wait([&loops, &server, timer, give_up](const boost::system::error_code&) {
    drain_then_stop(loops, server, timer, give_up);
  });
}

// A revocation by another process (the admin CLI) reaches the server only through the shared
// revocation count: when it changes, every parked request looks again at who it answers, so a
// revoked device's wait ends with 401 and its peers see the directory change.
void watch_revocations(const SqliteStorage& storage, LongPollHub& hub,
                       std::shared_ptr<asio::steady_timer> timer, std::uint64_t seen) {
  const auto now = storage.revocation_count();
  if (now != seen) hub.notify({wake_key::everything()});
  timer->expires_after(kRevocationPoll);
  timer->async_wait([&storage, &hub, timer, now](const boost::system::error_code& ec) {
    if (!ec) watch_revocations(storage, hub, timer, now);
  });
}

}  // namespace

int serve(const ServeConfig& config) {
  // Logs go to stderr in UTC, one event per line (docs/backend.md, "Logging policy").
  spdlog::set_default_logger(spdlog::stderr_color_mt("backend"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  if (auto level = spdlog::level::from_str(config.log_level);
      level != spdlog::level::off || config.log_level == "off") {
    spdlog::set_level(level);
  }
  auto endpoint = parse_endpoint(config.listen);
  if (!endpoint) {
    spdlog::error("{}", endpoint.error().message);
    return 2;
  }
  if (auto ok = check_transport(config, *endpoint); !ok) {
    spdlog::error("{}", ok.error().message);
    return 2;
  }
  if (config.data_dir.empty()) {
    spdlog::error("--data DIR is required");
    return 2;
  }
  // One server per data directory: its append writer numbers each case's events from memory and
  // its case cache assumes no one else changes cases (the admin CLI may run beside it).
  const auto lock_file = config.data_dir / "serve.lock";
  std::error_code dir_error;
  std::filesystem::create_directories(config.data_dir, dir_error);
  const int lock_fd = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);  // held until exit
  if (lock_fd < 0 || ::flock(lock_fd, LOCK_EX | LOCK_NB) != 0) {
    spdlog::error("another spillkontakt-backend is serving {} (or {} cannot be locked)",
                  config.data_dir.string(), lock_file.string());
    return 1;
  }
  auto storage = SqliteStorage::open(config.data_dir);
  if (!storage) {
    spdlog::error("{}", storage.error().message);
    return 1;
  }
  if (auto orgs = (*storage)->list_orgs(); orgs && orgs->empty()) {
    spdlog::warn("no organisation yet: run `spillkontakt-backend admin init --data DIR --org NAME`");
  }
  std::signal(SIGPIPE, SIG_IGN);

  EventLoops loops(io_thread_count(config));
  Metrics metrics;
  LongPollHub hub;
  AppendWriter writer(**storage, [&hub](const std::vector<std::string>& cases) { hub.notify(cases); });
  Authenticator auth(**storage, std::chrono::seconds(config.token_ttl_seconds));
  ApiContext ctx(config, **storage, writer, hub, auth, metrics);
  Router router(ctx);
  HttpServer server(loops.all(), router, config, metrics);
  auto port = server.listen(*endpoint);
  if (!port) {
    spdlog::error("{}", port.error().message);
    return 1;
  }
  spdlog::info("listening on {}:{} ({}, {} event loops)", endpoint->host, *port,
               config.insecure_http ? "plain HTTP, loopback" : "HTTPS", io_thread_count(config));

  auto revocation_timer = std::make_shared<asio::steady_timer>(loops.first());
  watch_revocations(**storage, hub, revocation_timer, (*storage)->revocation_count());

  asio::signal_set signals(loops.first(), SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& ec, int signal_number) {
    if (ec) return;
    spdlog::info("signal {}: shutting down", signal_number);
    ctx.stopping = true;
    server.stop_accepting();
    writer.close();  // commits and acknowledges every append already queued
    revocation_timer->cancel();
    hub.shutdown();  // parked long-polls answer now
    drain_then_stop(loops, server, std::make_shared<asio::steady_timer>(loops.first()),
                    std::chrono::steady_clock::now() + kDrainLimit);
  });
  loops.run();
  writer.close();
  spdlog::info("stopped");
  return 0;
}

}  // namespace sk::backend
