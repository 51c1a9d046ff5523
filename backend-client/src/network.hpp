#pragma once
// Network: the one network thread of a Client, driving a libcurl multi handle.
//
// Rules:
//  - Everything that touches curl, and every callback given here, runs on the network thread.
//    Other threads only post() tasks or submit() requests; both wake the thread at once
//    (curl_multi_wakeup), so nothing waits for a poll timeout.
//  - Transfers run concurrently (a long-poll does not hold up a push); connections are kept
//    alive and reused by the multi handle's connection cache.
//  - exchange() blocks its caller until the answer is in: only for threads other than the
//    network thread (the CLI, first-start calls on a worker thread).
//  - The destructor stops the thread; transfers still running are abandoned without calling
//    their callbacks, and so are pending timers.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "sk/client/api_error.hpp"
#include "sk/client/server_config.hpp"

namespace sk::client {

struct HttpRequest {
  std::string method = "GET";
  std::string path;  // "/v1/me?x=1", appended to the base URL
  std::string body;  // JSON; empty: no body and no Content-Type
  std::string bearer;
  std::chrono::milliseconds extra_timeout{0};  // added to the transfer timeout (long-polls)
};

struct HttpResponse {
  long status = 0;  // 0: no answer, see `transport`
  std::string body;
  std::chrono::seconds retry_after{0};
  std::optional<ApiError> transport;  // set when the exchange failed before an HTTP answer
};

class Network {
 public:
  // Errors: client.bad_url, client.curl (libcurl could not be initialised).
  static Result<std::unique_ptr<Network>> start(ServerConfig config);
  ~Network();
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  using Done = std::function<void(HttpResponse)>;
  void submit(HttpRequest request, Done done);
  void post(std::function<void()> task);
  // Runs `task` on the network thread after `delay`; returns an id for cancel().
  std::uint64_t after(std::chrono::milliseconds delay, std::function<void()> task);
  void cancel(std::uint64_t timer);  // network thread only

  HttpResponse exchange(HttpRequest request);  // not on the network thread
  bool on_network_thread() const;

  const ServerConfig& config() const { return config_; }

 private:
  struct State;
  explicit Network(ServerConfig config);
  void run();

  ServerConfig config_;
  std::unique_ptr<State> state_;
};

// The ApiError for an HTTP answer that is not 2xx (reads {"error":{"code","message"}}).
ApiError error_from_answer(const HttpResponse& response);

}  // namespace sk::client
