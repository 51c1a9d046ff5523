// <utility> first: Boost 1.74's Asio uses std::exchange without including it (the include
// formatter would sort it after Boost, hence the fence).
// clang-format off
#include <utility>
// clang-format on

#include "http_server.hpp"

#include <poll.h>
#include <spdlog/spdlog.h>

#include <array>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <fstream>
#include <mutex>
#include <optional>

namespace sk::backend {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using boost::system::error_code;

namespace {

constexpr auto kWriteTimeout = std::chrono::seconds(30);
constexpr std::size_t kReadBufferBytes = 2048;
constexpr auto kTlsShutdownTimeout = std::chrono::seconds(5);
// Lingering close: after the last answer, what the client still sends is read and dropped for a
// moment before the socket closes. Closing with unread bytes makes the kernel reset the
// connection, and the reset can reach the client before it has read that answer (a 413 for a
// body over the limit, typically: the client is still sending it).
constexpr auto kLingerTimeout = std::chrono::seconds(1);
constexpr std::size_t kLingerBytes = std::size_t{2} << 20U;
constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(100);

bool is_parse_error(const error_code& ec) {
  return &ec.category() == &http::make_error_code(http::error::bad_target).category();
}

bool is_limit_error(const error_code& ec) {
  return ec == http::error::body_limit || ec == http::error::header_limit ||
         ec == http::error::buffer_overflow;
}

Request to_request(http::request<http::string_body>&& m, std::string remote_ip, asio::io_context& loop) {
  Request r;
  r.method = std::string(m.method_string());
  r.target = std::string(m.target());
  r.authorization = std::string(m[http::field::authorization]);
  r.content_type = std::string(m[http::field::content_type]);
  r.body = std::move(m.body());
  r.remote_ip = std::move(remote_ip);
  r.loop = &loop;
  return r;
}

// The response's bytes. Written by hand rather than through Beast's serializer: our responses
// have a fixed, small set of headers, and this runs once per request on the event loops.
std::string serialize(const Response& r, unsigned version, bool keep_alive) {
  const auto status = static_cast<http::status>(r.status);
  std::string out;
  out.reserve(160 + r.body.size());
  out += version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
  out += std::to_string(r.status);
  out += ' ';
  out += http::obsolete_reason(status);
  out += "\r\nContent-Type: ";
  out += r.content_type;
  out += "\r\nCache-Control: no-store\r\n";
  if (r.retry_after_seconds > 0) {
    out += "Retry-After: ";
    out += std::to_string(r.retry_after_seconds);
    out += "\r\n";
  }
  out += "Content-Length: ";
  out += std::to_string(r.body.size());
  // HTTP/1.1 keeps a connection by default, HTTP/1.0 closes it by default.
  if (version == 10 && keep_alive) out += "\r\nConnection: keep-alive";
  if (version != 10 && !keep_alive) out += "\r\nConnection: close";
  out += "\r\n\r\n";
  out += r.body;
  return out;
}

// The answer to a connection's current request (a connection serves one request at a time).
struct Pending {
  explicit Pending(const asio::any_io_executor& ex) : signal(ex) {
    signal.expires_at(asio::steady_timer::time_point::max());
  }
  void answer(Response r) {
    response = std::move(r);
    signal.cancel();  // resumes the connection's coroutine, if it is waiting already
  }
  asio::steady_timer signal;
  std::optional<Response> response;
  std::uint64_t request = 0;  // counts the connection's requests: tells a stale watch apart
  bool client_left = false;   // the client hung up while its request waited for the answer
};

// Watches, once, a connection whose fetch is waiting for its answer (a parked long-poll). When the client
// hangs up meanwhile (end of stream or reset), the connection's coroutine resumes and closes the connection
// at once, instead of holding its descriptor until the answer comes, up to a long-poll's 30 s. Other readable
// data (a pipelined request, a TLS record) ends the watch without closing: it is read after the answer. Runs
// on the connection's loop; the socket is alive while the request it was armed for waits.
void watch_for_hang_up(tcp::socket& socket, const std::shared_ptr<Pending>& pending) {
  const int fd = socket.native_handle();
  socket.async_wait(tcp::socket::wait_read, [fd, pending, request = pending->request](const error_code& ec) {
    if (ec || pending->request != request || pending->response) return;  // ended, or answered
    pollfd p{fd, POLLRDHUP, 0};
    if (::poll(&p, 1, 0) == 1 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0) {
      pending->client_left = true;
      pending->signal.cancel();
    }
  });
}

// Hands answers to the connections of one event loop. Answers given on the loop's own thread
// (most routes answer before they return) take effect at once; answers from other threads (the
// append writer acknowledges a whole flushed group at a time) are queued, and one post per
// burst wakes the loop for all of them, instead of one wake-up per answer.
class LoopInbox {
 public:
  explicit LoopInbox(asio::io_context& loop) : loop_(loop) {}
  asio::io_context& loop() { return loop_; }

  void deliver(const std::shared_ptr<Pending>& pending, Response r) {
    if (loop_.get_executor().running_in_this_thread()) return pending->answer(std::move(r));
    bool wake = false;
    {
      std::lock_guard lock(mutex_);
      queued_.emplace_back(pending, std::move(r));
      wake = !wake_posted_;
      wake_posted_ = true;
    }
    if (wake) asio::post(loop_, [this] { drain(); });
  }

 private:
  void drain() {
    {
      std::lock_guard lock(mutex_);
      draining_.swap(queued_);  // draining_ is empty here: both vectors keep their capacity
      wake_posted_ = false;
    }
    for (auto& [pending, response] : draining_) pending->answer(std::move(response));
    draining_.clear();
  }

  using Answer = std::pair<std::shared_ptr<Pending>, Response>;
  asio::io_context& loop_;
  std::mutex mutex_;
  std::vector<Answer> queued_;
  std::vector<Answer> draining_;  // the loop's thread only
  bool wake_posted_ = false;
};

// Counts a connection in the metrics for as long as its session runs.
class OpenConnection {
 public:
  explicit OpenConnection(Metrics& m) : metrics_(m) { metrics_.connection_opened(); }
  ~OpenConnection() { metrics_.connection_closed(); }
  OpenConnection(const OpenConnection&) = delete;
  OpenConnection& operator=(const OpenConnection&) = delete;

 private:
  Metrics& metrics_;
};

}  // namespace

struct HttpServer::Impl : std::enable_shared_from_this<Impl> {
  Impl(const std::vector<asio::io_context*>& loops, Router& r, const ServeConfig& c, Metrics& m)
      : router(r), config(c), metrics(m), acceptor(*loops.front()) {
    for (auto* l : loops) inboxes.push_back(std::make_unique<LoopInbox>(*l));
  }

  std::vector<std::unique_ptr<LoopInbox>> inboxes;  // one per event loop
  Router& router;
  const ServeConfig& config;
  Metrics& metrics;
  tcp::acceptor acceptor;     // on loops.front()
  std::size_t next_loop = 0;  // accept loop only
  std::optional<ssl::context> tls;
  std::atomic<bool> draining{false};
  std::atomic<std::size_t> in_flight{0};

  asio::awaitable<void> accept_loop();
  // Takes references only: g++ 12 destroys by-value coroutine arguments made from temporaries
  // inside a co_await expression twice.
  template <class Stream>
  asio::awaitable<void> serve_requests(Stream& stream, const std::string& remote_ip, LoopInbox& inbox);
  asio::awaitable<void> plain_session(tcp::socket socket, LoopInbox& inbox);
  asio::awaitable<void> tls_session(tcp::socket socket, LoopInbox& inbox);
};

template <class Stream>
asio::awaitable<void> HttpServer::Impl::serve_requests(Stream& stream, const std::string& remote_ip,
                                                       LoopInbox& inbox) {
  auto self = shared_from_this();
  const auto pending = std::make_shared<Pending>(co_await asio::this_coro::executor);
  beast::flat_buffer buffer;
  // Beast reads at most the buffer's free capacity (at least 512 bytes) per call; room for a
  // typical append saves several reads per request.
  buffer.reserve(kReadBufferBytes);
  for (;;) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(kHeaderLimit);
    parser.body_limit(kRequestLimit);
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(config.read_timeout_seconds));
    error_code ec;
    co_await http::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
    std::optional<Response> refusal;
    if (ec == http::error::end_of_stream || ec == beast::error::timeout) co_return;  // closed or too slow
    if (is_limit_error(ec)) {
      refusal = errors::too_large();
    } else if (is_parse_error(ec)) {
      refusal = errors::bad_request();
    } else if (ec) {
      co_return;  // the connection failed: nothing to answer
    }
    const unsigned version = refusal ? 11 : parser.get().version();
    bool keep_alive = !refusal && parser.get().keep_alive() && !draining;
    // Counted until the answer is written, so a graceful shutdown waits for it.
    ++in_flight;
    Response response;
    if (refusal) {
      response = std::move(*refusal);
    } else {
      pending->response.reset();
      pending->client_left = false;
      ++pending->request;
      // Only a long-poll fetch or a sync can wait long (up to 30 s); an append waits for one
      // group commit, and watching each one cost measurably in the throughput run.
      const bool may_wait_long = Router::may_wait_long(parser.get().method_string(), parser.get().target());
      router.handle(to_request(parser.release(), remote_ip, inbox.loop()),
                    [pending, &inbox](Response r) { inbox.deliver(pending, std::move(r)); });
      auto& socket = beast::get_lowest_layer(stream).socket();
      const bool watching = may_wait_long && !pending->response;
      if (watching) watch_for_hang_up(socket, pending);
      while (!pending->response && !pending->client_left) {
        co_await pending->signal.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      }
      if (!pending->response) {
        --in_flight;
        co_return;  // nobody to answer; the answer, when it comes, goes nowhere
      }
      if (watching) socket.cancel(ec);  // ends the watch
      response = std::move(*pending->response);
      keep_alive = keep_alive && !draining;
    }
    const auto bytes = serialize(response, version, keep_alive);
    beast::get_lowest_layer(stream).expires_after(kWriteTimeout);
    co_await asio::async_write(stream, asio::buffer(bytes), asio::redirect_error(asio::use_awaitable, ec));
    --in_flight;
    if (ec || !keep_alive) co_return;
  }
}

asio::awaitable<void> HttpServer::Impl::plain_session(tcp::socket socket, LoopInbox& inbox) {
  const OpenConnection counted(metrics);
  try {
    error_code ec;
    const auto remote = socket.remote_endpoint(ec);
    const std::string ip = ec ? std::string() : remote.address().to_string();
    beast::tcp_stream stream(std::move(socket));
    co_await serve_requests(stream, ip, inbox);
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.expires_after(kLingerTimeout);
    std::array<char, 16384> scratch{};
    for (std::size_t drained = 0; !ec && drained < kLingerBytes;) {
      drained += co_await stream.async_read_some(asio::buffer(scratch),
                                                 asio::redirect_error(asio::use_awaitable, ec));
    }
  } catch (const std::exception& e) {
    spdlog::error("http: connection failed: {}", e.what());
  }
}

asio::awaitable<void> HttpServer::Impl::tls_session(tcp::socket socket, LoopInbox& inbox) {
  const OpenConnection counted(metrics);
  try {
    error_code ec;
    const auto remote = socket.remote_endpoint(ec);
    const auto ip = ec ? std::string() : remote.address().to_string();
    beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), *tls);
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(config.read_timeout_seconds));
    co_await stream.async_handshake(ssl::stream_base::server, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    co_await serve_requests(stream, ip, inbox);
    beast::get_lowest_layer(stream).expires_after(kTlsShutdownTimeout);
    co_await stream.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
  } catch (const std::exception& e) {
    spdlog::error("http: TLS connection failed: {}", e.what());
  }
}

asio::awaitable<void> HttpServer::Impl::accept_loop() {
  auto self = shared_from_this();
  for (;;) {
    error_code ec;
    auto& inbox = *inboxes[next_loop];
    auto& loop = inbox.loop();
    // The new socket belongs to `loop`: its I/O completes on that loop's thread.
    tcp::socket socket = co_await acceptor.async_accept(loop, asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
    if (ec) {
      // Out of descriptors, for instance: back off instead of spinning.
      spdlog::warn("http: accept failed: {}", ec.message());
      asio::steady_timer pause(acceptor.get_executor(), kAcceptRetryDelay);
      co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    next_loop = (next_loop + 1) % inboxes.size();
    socket.set_option(tcp::no_delay(true), ec);
    if (tls) {
      asio::co_spawn(loop, tls_session(std::move(socket), inbox), asio::detached);
    } else {
      asio::co_spawn(loop, plain_session(std::move(socket), inbox), asio::detached);
    }
  }
}

HttpServer::HttpServer(std::vector<asio::io_context*> loops, Router& router, const ServeConfig& config,
                       Metrics& metrics)
    : impl_(std::make_shared<Impl>(loops, router, config, metrics)) {}

HttpServer::~HttpServer() = default;

Result<std::uint16_t> HttpServer::listen(const Endpoint& endpoint) {
  try {
    if (!impl_->config.insecure_http) {
      impl_->tls.emplace(ssl::context::tls_server);
      impl_->tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                              ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                              ssl::context::single_dh_use);
      impl_->tls->use_certificate_chain_file(impl_->config.tls_cert.string());
      impl_->tls->use_private_key_file(impl_->config.tls_key.string(), ssl::context::pem);
    }
  } catch (const std::exception& e) {
    return sk::fail("tls", std::string("Cannot load the TLS certificate or key: ") + e.what());
  }
  try {
    const tcp::endpoint ep(asio::ip::make_address(endpoint.host), endpoint.port);
    auto& a = impl_->acceptor;
    a.open(ep.protocol());
    a.set_option(asio::socket_base::reuse_address(true));
    a.bind(ep);
    a.listen(asio::socket_base::max_listen_connections);
  } catch (const std::exception& e) {
    return sk::fail("listen", std::string("Cannot listen on the address: ") + e.what());
  }
  const auto port = impl_->acceptor.local_endpoint().port();
  if (!impl_->config.port_file.empty()) {
    // Written whole, then renamed, so a reader never sees half a number.
    auto tmp = impl_->config.port_file;
    tmp += ".tmp";
    {
      std::ofstream out(tmp, std::ios::trunc);
      out << port << "\n";
    }
    std::error_code fec;
    std::filesystem::rename(tmp, impl_->config.port_file, fec);
    if (fec) return sk::fail("listen", "Cannot write the port file.");
  }
  asio::co_spawn(impl_->acceptor.get_executor(), impl_->accept_loop(), asio::detached);
  return port;
}

void HttpServer::stop_accepting() {
  impl_->draining = true;
  error_code ec;
  impl_->acceptor.close(ec);
}

std::size_t HttpServer::in_flight() const {
  return impl_->in_flight;
}

}  // namespace sk::backend
