#include "http_connection.hpp"

namespace sk::bench {

namespace {
constexpr std::size_t kBodyLimit = 32 * 1024 * 1024;
}

HttpConnection::HttpConnection(asio::io_context& io, tcp::endpoint endpoint)
    : endpoint_(endpoint), stream_(io) {}

asio::awaitable<void> HttpConnection::connect() {
  if (connected_) co_return;
  buffer_.clear();
  stream_.expires_after(std::chrono::seconds(10));
  co_await stream_.async_connect(endpoint_, asio::use_awaitable);
  stream_.socket().set_option(tcp::no_delay(true));
  connected_ = true;
}

asio::awaitable<Response> HttpConnection::round_trip(Request& request, Clock::duration timeout,
                                                     Clock::time_point* sent_at) {
  co_await connect();
  request.keep_alive(true);
  request.prepare_payload();
  serialize(request);
  stream_.expires_after(timeout);
  if (sent_at != nullptr) *sent_at = Clock::now();
  try {
    co_await asio::async_write(stream_, asio::buffer(out_), asio::use_awaitable);
    http::response_parser<http::string_body> parser;
    parser.body_limit(kBodyLimit);
    co_await http::async_read(stream_, buffer_, parser, asio::use_awaitable);
    Response response = parser.release();
    if (!response.keep_alive()) close();
    co_return response;
  } catch (...) {
    close();
    throw;
  }
}

void HttpConnection::serialize(const Request& request) {
  // By hand into one reused buffer, sent with one write: Beast's serializer was the load tool's
  // largest cost per request, and the tool shares the server's cores.
  out_.clear();
  out_.append(request.method_string()).append(" ").append(request.target()).append(" HTTP/1.1\r\n");
  for (const auto& field : request) {
    out_.append(field.name_string()).append(": ").append(field.value()).append("\r\n");
  }
  out_.append("\r\n").append(request.body());
}

void HttpConnection::close() {
  if (!connected_) return;
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream_.close();
  connected_ = false;
}

Request make_request(http::verb verb, std::string target, std::string host) {
  Request request{verb, target, 11};
  request.set(http::field::host, host);
  return request;
}

}  // namespace sk::bench
