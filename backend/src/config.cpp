#include "config.hpp"

#include <arpa/inet.h>
#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <thread>

namespace sk::backend {

namespace {

template <class T>
void read(const toml::table& t, std::string_view key, T& out) {
  if (auto v = t[key].value<T>()) out = *v;
}

void read_path(const toml::table& t, std::string_view key, std::filesystem::path& out) {
  if (auto v = t[key].value<std::string>()) out = *v;
}

}  // namespace

Result<void> load_config_file(const std::filesystem::path& file, ServeConfig& c) {
  toml::table t;
  try {
    t = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    return sk::fail("config.invalid", "Cannot read the configuration file " + file.string() + ": " +
                                          std::string(e.description()));
  }
  for (const auto& [key, value] : t) {
    static constexpr std::string_view kKnown[] = {"listen",
                                                  "data",
                                                  "tls_cert",
                                                  "tls_key",
                                                  "insecure_http",
                                                  "port_file",
                                                  "log_level",
                                                  "io_threads",
                                                  "token_ttl_seconds",
                                                  "read_timeout_seconds",
                                                  "device_rate_per_second",
                                                  "device_burst",
                                                  "ip_rate_per_second",
                                                  "ip_burst",
                                                  "lookup_attempts_per_hour"};
    if (std::find(std::begin(kKnown), std::end(kKnown), key.str()) == std::end(kKnown)) {
      return sk::fail("config.unknown_key",
                      "Unknown key in the configuration file: " + std::string(key.str()));
    }
  }
  read(t, "listen", c.listen);
  read_path(t, "data", c.data_dir);
  read_path(t, "tls_cert", c.tls_cert);
  read_path(t, "tls_key", c.tls_key);
  read(t, "insecure_http", c.insecure_http);
  read_path(t, "port_file", c.port_file);
  read(t, "log_level", c.log_level);
  read(t, "io_threads", c.io_threads);
  if (c.io_threads < 0 || c.io_threads > ServeConfig::kMaxIoThreads) {
    return sk::fail("config.io_threads", "io_threads must be between 0 (one per core) and " +
                                             std::to_string(ServeConfig::kMaxIoThreads));
  }
  read(t, "token_ttl_seconds", c.token_ttl_seconds);
  read(t, "read_timeout_seconds", c.read_timeout_seconds);
  read(t, "device_rate_per_second", c.device_rate_per_second);
  read(t, "device_burst", c.device_burst);
  read(t, "ip_rate_per_second", c.ip_rate_per_second);
  read(t, "ip_burst", c.ip_burst);
  read(t, "lookup_attempts_per_hour", c.lookup_attempts_per_hour);
  return {};
}

Result<Endpoint> parse_endpoint(const std::string& listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return sk::fail("config.listen", "--listen must be HOST:PORT, e.g. 127.0.0.1:8443");
  }
  Endpoint e;
  e.host = listen.substr(0, colon);
  if (e.host.size() >= 2 && e.host.front() == '[' && e.host.back() == ']')
    e.host = e.host.substr(1, e.host.size() - 2);
  const auto port = std::string_view(listen).substr(colon + 1);
  unsigned value = 0;
  auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc{} || ptr != port.data() + port.size() || value > 65535) {
    return sk::fail("config.listen", "--listen has an invalid port");
  }
  e.port = static_cast<std::uint16_t>(value);
  in6_addr a6{};
  in_addr a4{};
  if (inet_pton(AF_INET, e.host.c_str(), &a4) != 1 && inet_pton(AF_INET6, e.host.c_str(), &a6) != 1) {
    return sk::fail("config.listen", "--listen needs a numeric IP address, e.g. 127.0.0.1 or ::1");
  }
  return e;
}

bool is_loopback(const std::string& host) {
  in_addr a4{};
  if (inet_pton(AF_INET, host.c_str(), &a4) == 1) return (ntohl(a4.s_addr) >> 24) == 127;
  in6_addr a6{};
  if (inet_pton(AF_INET6, host.c_str(), &a6) == 1) {
    static const in6_addr kLoopback = IN6ADDR_LOOPBACK_INIT;
    return std::equal(std::begin(a6.s6_addr), std::end(a6.s6_addr), std::begin(kLoopback.s6_addr));
  }
  return false;
}

unsigned io_thread_count(const ServeConfig& c) {
  if (c.io_threads > 0) return static_cast<unsigned>(c.io_threads);
  return std::max(1u, std::thread::hardware_concurrency());
}

Result<void> check_transport(const ServeConfig& c, const Endpoint& e) {
  if (c.insecure_http) {
    if (!is_loopback(e.host)) {
      return sk::fail("config.insecure_http",
                      "--insecure-http is only allowed on a loopback address (127.0.0.0/8 or ::1); "
                      "use --tls-cert and --tls-key to listen on " +
                          e.host);
    }
    return {};
  }
  if (c.tls_cert.empty() || c.tls_key.empty()) {
    return sk::fail("config.tls", "HTTPS needs --tls-cert and --tls-key (or --insecure-http on loopback)");
  }
  return {};
}

}  // namespace sk::backend
