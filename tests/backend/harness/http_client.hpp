#pragma once
// A small HTTP/1.1 client on libcurl (keep-alive on one handle), plus raw-socket helpers for
// feeding the server bytes no well-behaved client would send.

#include <nlohmann/json.hpp>
#include <string>

typedef void CURL;

namespace sk::backend::test {

struct HttpResult {
  long status = 0;  // 0 when the transfer failed
  std::string body;
  nlohmann::json json;  // null unless the body is JSON
  std::string retry_after;
  std::string transport_error;     // libcurl's message when status is 0
  std::string error_code() const;  // json["error"]["code"], or ""
};

class HttpClient {
 public:
  explicit HttpClient(std::string base_url);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResult get(const std::string& path, const std::string& token = "");
  HttpResult post(const std::string& path, const nlohmann::json& body, const std::string& token = "");
  HttpResult put(const std::string& path, const nlohmann::json& body, const std::string& token = "");
  HttpResult request(const std::string& method, const std::string& path, const std::string& body,
                     const std::string& token, const std::string& content_type = "application/json");
  void set_timeout_ms(long ms) { timeout_ms_ = ms; }
  void set_ca_file(std::string path) { ca_file_ = std::move(path); }  // HTTPS: trust this certificate

 private:
  std::string base_;
  CURL* curl_;
  long timeout_ms_ = 40000;
  std::string ca_file_;
};

// Connects to 127.0.0.1:port; -1 on failure.
int connect_loopback(int port);
// Sends all of `bytes` on `fd`; false when the connection fails first.
bool send_all(int fd, const std::string& bytes);
// Reads from `fd` until the server closes or `timeout_ms` passes. Returns what was read;
// `closed_by_server`, when given, tells whether the server closed the connection.
std::string read_until_closed(int fd, int timeout_ms, bool* closed_by_server = nullptr);
// Connects, sends `bytes`, then reads as read_until_closed does, and closes.
std::string raw_exchange(int port, const std::string& bytes, int timeout_ms,
                         bool* closed_by_server = nullptr);

}  // namespace sk::backend::test
