#include <utility>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include "serve.hpp"

#include <csignal>
#include <functional>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

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

// After SIGTERM: waits until every request already read has been answered (or kDrainLimit),
// then stops the io_context; idle keep-alive connections are simply closed.
void drain_then_stop(asio::io_context& io, HttpServer& server, std::shared_ptr<asio::steady_timer> timer,
                     std::chrono::steady_clock::time_point give_up) {
  if (server.in_flight() == 0 || std::chrono::steady_clock::now() >= give_up) {
    io.stop();
    return;
  }
  timer->expires_after(kDrainPoll);
  timer->async_wait([&io, &server, timer, give_up](const boost::system::error_code&) {
    drain_then_stop(io, server, timer, give_up);
  });
}

}  // namespace

int serve(const ServeConfig& config) {
  // Logs go to stderr in UTC, one event per line (docs/backend.md, "Logging policy").
  spdlog::set_default_logger(spdlog::stderr_color_mt("backend"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  if (auto level = spdlog::level::from_str(config.log_level); level != spdlog::level::off || config.log_level == "off") {
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
  auto storage = SqliteStorage::open(config.data_dir);
  if (!storage) {
    spdlog::error("{}", storage.error().message);
    return 1;
  }
  if (auto orgs = (*storage)->list_orgs(); orgs && orgs->empty()) {
    spdlog::warn("no organisation yet: run `spillkontakt-backend admin init --data DIR --org NAME`");
  }
  std::signal(SIGPIPE, SIG_IGN);

  asio::io_context io(1);
  Metrics metrics;
  LongPollHub hub(io);
  AppendWriter writer(**storage, [&hub](const std::vector<std::string>& cases) { hub.notify(cases); });
  Authenticator auth(**storage, std::chrono::seconds(config.token_ttl_seconds));
  ApiContext ctx(config, **storage, writer, hub, auth, metrics);
  Router router(ctx);
  HttpServer server(io, router, config);
  auto port = server.listen(*endpoint);
  if (!port) {
    spdlog::error("{}", port.error().message);
    return 1;
  }
  spdlog::info("listening on {}:{} ({})", endpoint->host, *port, config.insecure_http ? "plain HTTP, loopback" : "HTTPS");

  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& ec, int signal_number) {
    if (ec) return;
    spdlog::info("signal {}: shutting down", signal_number);
    ctx.stopping = true;
    server.stop_accepting();
    writer.close();  // commits and acknowledges every append already queued
    hub.shutdown();  // parked long-polls answer now
    drain_then_stop(io, server, std::make_shared<asio::steady_timer>(io),
                    std::chrono::steady_clock::now() + kDrainLimit);
  });
  io.run();
  writer.close();
  spdlog::info("stopped");
  return 0;
}

}  // namespace sk::backend
