#include "loopback.hpp"

#include "http_connection.hpp"

namespace sk::bench {

unsigned short free_loopback_port(asio::io_context& io) {
  tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
  return acceptor.local_endpoint().port();
}

asio::awaitable<bool> wait_until_ready(asio::io_context& io, tcp::endpoint endpoint, std::string path,
                                       Clock::duration timeout) {
  const auto deadline = Clock::now() + timeout;
  asio::steady_timer pause(io);
  while (Clock::now() < deadline) {
    try {
      HttpConnection connection(io, endpoint);
      Request request = make_request(http::verb::get, path, "127.0.0.1");
      Response response = co_await connection.round_trip(request, std::chrono::seconds(2));
      if (response.result() == http::status::ok) co_return true;
    } catch (const std::exception&) {
      // not listening yet
    }
    pause.expires_after(std::chrono::milliseconds(50));
    co_await pause.async_wait(asio::use_awaitable);
  }
  co_return false;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

}  // namespace sk::bench
