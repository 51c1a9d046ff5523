#pragma once
// One keep-alive HTTP/1.1 client connection to a loopback server, used from coroutines on the
// tool's single event loop. Network errors are thrown (boost::system::system_error).

#include <optional>
#include <string>

#include "asio.hpp"

namespace sk::bench {

class HttpConnection {
 public:
  HttpConnection(asio::io_context& io, tcp::endpoint endpoint);

  asio::awaitable<void> connect();
  // Connects if needed, sends `request` and reads the whole answer. `sent_at`, when given, is set
  // just before the request's first byte is written: that is where append latency starts.
  asio::awaitable<Response> round_trip(Request& request, Clock::duration timeout,
                                       Clock::time_point* sent_at = nullptr);
  void close();

 private:
  void serialize(const Request& request);

  tcp::endpoint endpoint_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::string out_;  // the request being sent
  bool connected_ = false;
};

// A request with the headers every call needs.
Request make_request(http::verb verb, std::string target, std::string host);

}  // namespace sk::bench
