#pragma once
// HttpServer: accepts connections on the first event loop and hands them round-robin to the
// loops (one thread each, so a connection's coroutine needs no strand; Beast's awaitable server
// shape): a fresh request_parser per request with header and body
// limits, a deadline re-armed before every read, every error code handled, keep-alive, and
// HTTPS through OpenSSL unless plain HTTP was allowed (loopback only, see config.hpp).

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "config.hpp"
#include "metrics.hpp"
#include "router.hpp"
#include "sk/core/result.hpp"

namespace boost::asio {
class io_context;
}

namespace sk::backend {

class HttpServer {
 public:
  static constexpr std::size_t kHeaderLimit = 8 * 1024;
  static constexpr std::size_t kRequestLimit = 1024 * 1024;

  // `loops` (at least one) outlive the server; each is run by exactly one thread. `metrics`
  // counts the open connections.
  HttpServer(std::vector<boost::asio::io_context*> loops, Router& router, const ServeConfig& config,
             Metrics& metrics);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Loads the TLS files (unless insecure_http), binds, writes the port file, starts accepting.
  Result<std::uint16_t> listen(const Endpoint& endpoint);
  // Closes the listening socket; later responses carry "Connection: close".
  void stop_accepting();
  // Requests read but not yet answered (any thread).
  std::size_t in_flight() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace sk::backend
