#include "support/fault_proxy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <stdexcept>

namespace sk::integration {

namespace {

void reset_and_close(int fd) {
  linger l{1, 0};  // close with RST, as a crashed peer or a middlebox would
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
  ::close(fd);
}

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool send_all(int fd, const char* data, std::size_t n) {
  while (n > 0) {
    const auto sent = ::send(fd, data, n, MSG_NOSIGNAL);
    if (sent <= 0) return false;
    data += sent;
    n -= static_cast<std::size_t>(sent);
  }
  return true;
}

}  // namespace

FaultProxy::FaultProxy(int target_port) : target_port_(target_port) {
  listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const int one = 1;
  setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listener_, 64) != 0)
    throw std::runtime_error("fault proxy: cannot listen");
  socklen_t len = sizeof addr;
  getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

FaultProxy::~FaultProxy() {
  stopping_ = true;
  acceptor_.join();
  ::close(listener_);
  std::lock_guard lock(mutex_);
  for (auto& t : pumps_) t.join();
}

void FaultProxy::accept_loop() {
  while (!stopping_) {
    pollfd p{listener_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    if (fault_ == Fault::kRefuse) {
      ++applied_;
      reset_and_close(client);
      continue;
    }
    const int server = connect_to(target_port_);
    if (server < 0) {  // the server is down: the client sees the connection fail
      reset_and_close(client);
      continue;
    }
    std::lock_guard lock(mutex_);
    pumps_.emplace_back([this, client, server] { pump(client, server); });
  }
}

void FaultProxy::pump(int client, int server) {
  std::array<char, 16384> buffer{};
  bool client_reading = true;  // false after a half close towards the client
  for (;;) {
    if (stopping_) break;
    const Fault f = fault_;
    if (f == Fault::kStall) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      continue;
    }
    std::array<pollfd, 2> fds{pollfd{client, POLLIN, 0}, pollfd{server, POLLIN, 0}};
    if (::poll(fds.data(), fds.size(), 50) <= 0) continue;
    if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
      const auto n = ::recv(client, buffer.data(), buffer.size(), 0);
      if (n <= 0) break;
      if (f == Fault::kDelay) std::this_thread::sleep_for(std::chrono::milliseconds(40));
      if (!send_all(server, buffer.data(), static_cast<std::size_t>(n))) break;
      if (f == Fault::kReset) {
        ++applied_;
        reset_and_close(client);
        ::close(server);
        return;
      }
      if (f == Fault::kHalfClose && client_reading) {
        ++applied_;
        ::shutdown(client, SHUT_WR);
        client_reading = false;
      }
    }
    if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
      const auto n = ::recv(server, buffer.data(), buffer.size(), 0);
      if (n <= 0) break;
      if (!client_reading) continue;  // the client's side is closed: what the server says is lost
      if (f == Fault::kDelay) std::this_thread::sleep_for(std::chrono::milliseconds(40));
      if (f == Fault::kCutResponse) {
        ++applied_;
        send_all(client, buffer.data(), std::min<std::size_t>(20, static_cast<std::size_t>(n)));
        reset_and_close(client);
        ::close(server);
        return;
      }
      if (!send_all(client, buffer.data(), static_cast<std::size_t>(n))) break;
    }
  }
  ::close(client);
  ::close(server);
}

}  // namespace sk::integration
