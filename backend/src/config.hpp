#pragma once
// Configuration of `spillkontakt-backend serve`: a TOML file (docs/backend.md lists the keys)
// whose values command-line flags override.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "sk/core/result.hpp"

namespace sk::backend {

struct ServeConfig {
  static constexpr int kMaxIoThreads = 64;

  std::string listen = "127.0.0.1:8443";
  std::filesystem::path data_dir;
  std::filesystem::path tls_cert;
  std::filesystem::path tls_key;
  bool insecure_http = false;
  std::filesystem::path port_file;  // written with the bound port once listening
  std::string log_level = "info";
  // Event loops serving connections, each one thread (docs/backend.md). 0 = one per CPU core.
  int io_threads = 0;

  int token_ttl_seconds = 900;
  int read_timeout_seconds =
      15;  // a whole request (and keep-alive idle time before it) must arrive within it
  double device_rate_per_second = 200;  // 0 disables
  double device_burst = 400;
  double ip_rate_per_second = 20;  // unauthenticated routes
  double ip_burst = 100;
  double lookup_attempts_per_hour = 10;  // redeem/enroll attempts per lookup id
};

// Reads the TOML file into `config` (keys absent from the file keep their value).
Result<void> load_config_file(const std::filesystem::path& file, ServeConfig& config);

struct Endpoint {
  std::string host;
  std::uint16_t port = 0;
};
// "127.0.0.1:8443", "[::1]:8443", "0.0.0.0:443". Port 0 asks the OS for a free port.
Result<Endpoint> parse_endpoint(const std::string& listen);
bool is_loopback(const std::string& host);
// The number of event-loop threads `config.io_threads` asks for (0 = one per core).
unsigned io_thread_count(const ServeConfig& config);

// Plain HTTP only on loopback; otherwise both TLS files are needed.
Result<void> check_transport(const ServeConfig& config, const Endpoint& endpoint);

}  // namespace sk::backend
