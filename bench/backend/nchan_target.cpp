#include "nchan_target.hpp"

#include <charconv>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "http_connection.hpp"
#include "loopback.hpp"

namespace sk::bench {

namespace {

constexpr std::size_t kKeyChars = 16;  // the message body starts with the key in hex

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string channel_id(std::size_t channel) {
  return "c" + std::to_string(channel);
}

}  // namespace

std::optional<std::string> NchanTarget::unavailable(const NchanOptions& options) {
  if (!std::filesystem::exists(options.nginx)) return options.nginx.string() + " is not installed";
  if (!std::filesystem::exists(options.module)) return options.module.string() + " is not installed";
  if (!std::filesystem::exists(options.config_template))
    return options.config_template.string() + " is missing";
  return std::nullopt;
}

asio::awaitable<std::unique_ptr<NchanTarget>> NchanTarget::start(asio::io_context& io,
                                                                 const NchanOptions& options,
                                                                 std::size_t channels) {
  const auto prefix = options.work_dir / "nchan";
  std::filesystem::create_directories(prefix);
  const unsigned short port = free_loopback_port(io);
  std::string config = read_file(options.config_template);
  config = replace_all(config, "@NCHAN_MODULE@", options.module.string());
  config = replace_all(config, "@WORKERS@", std::to_string(options.workers));
  config = replace_all(config, "@PREFIX@", prefix.string());
  config = replace_all(config, "@PORT@", std::to_string(port));
  std::ofstream(prefix / "nginx.conf") << config;

  auto process = ChildProcess::spawn({options.nginx.string(), "-p", prefix.string(), "-c", "nginx.conf", "-e",
                                      (prefix / "error.log").string()},
                                     (prefix / "stderr.log").string());
  const tcp::endpoint endpoint(asio::ip::address_v4::loopback(), port);
  std::unique_ptr<NchanTarget> target(new NchanTarget(std::move(process), endpoint, channels));
  target->host_ = "127.0.0.1:" + std::to_string(port);
  if (!co_await wait_until_ready(io, endpoint, "/healthz", std::chrono::seconds(10))) {
    throw std::runtime_error("nginx did not start; see " + (prefix / "error.log").string());
  }
  target->pids_ = {target->process_.pid()};
  for (pid_t worker : child_pids(target->process_.pid())) target->pids_.push_back(worker);
  co_return target;
}

NchanTarget::~NchanTarget() {
  process_.stop(SIGQUIT, std::chrono::seconds(5));
}

Request NchanTarget::poll_request(std::size_t channel, const Cursor& cursor) const {
  Request request = make_request(http::verb::get, "/sub/" + channel_id(channel), host_);
  if (!cursor.last_modified.empty()) {
    request.set(http::field::if_modified_since, cursor.last_modified);
    request.set(http::field::if_none_match, cursor.etag);
  }
  return request;
}

std::vector<std::uint64_t> NchanTarget::parse_poll(const Response& response, Cursor& cursor) const {
  // Longpoll answers one message per request; a timeout is 304 (or 408 on some versions).
  if (response.result() == http::status::not_modified || response.result() == http::status::request_timeout) {
    return {};
  }
  if (response.result() != http::status::ok) {
    throw std::runtime_error("nchan subscriber answered " + std::to_string(response.result_int()));
  }
  cursor.last_modified = std::string(response[http::field::last_modified]);
  cursor.etag = std::string(response[http::field::etag]);
  const std::string& body = response.body();
  std::uint64_t key = 0;
  if (body.size() < kKeyChars ||
      std::from_chars(body.data(), body.data() + kKeyChars, key, 16).ec != std::errc{}) {
    throw std::runtime_error("nchan message without a key");
  }
  return {key};
}

Request NchanTarget::publish_request(std::size_t channel, std::uint64_t key, std::string_view payload) const {
  Request request = make_request(http::verb::post, "/pub?id=" + channel_id(channel), host_);
  request.set(http::field::content_type, "application/octet-stream");
  char hex[kKeyChars + 1];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(key));
  std::string body(hex, kKeyChars);
  body.append(payload.substr(0, payload.size() > kKeyChars ? payload.size() - kKeyChars : 0));
  request.body() = std::move(body);
  return request;
}

bool NchanTarget::publish_accepted(const Response& response) const {
  return response.result() == http::status::created || response.result() == http::status::accepted;
}

}  // namespace sk::bench
