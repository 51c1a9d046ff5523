#pragma once
// FaultProxy: a TCP proxy on loopback between the clients and the backend that breaks the
// connections in the ways networks do, for the fault tests. The fault in force is read by every
// connection before each chunk it forwards, so switching it affects connections already open.
//
//   none         forwards as is
//   refuse       new connections are accepted and reset at once; open ones go on
//   delay        each chunk waits 40 ms
//   reset        a connection is reset (RST) after its next chunk from the client
//   half_close   after the next request chunk, the client's reading side is closed
//   cut_response the next answer is cut after 20 bytes and the connection closed
//   stall        nothing is forwarded while the fault is in force

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace sk::integration {

class FaultProxy {
 public:
  enum class Fault { kNone, kRefuse, kDelay, kReset, kHalfClose, kCutResponse, kStall };

  explicit FaultProxy(int target_port);
  ~FaultProxy();
  FaultProxy(const FaultProxy&) = delete;
  FaultProxy& operator=(const FaultProxy&) = delete;

  int port() const { return port_; }
  void set_target(int port) { target_port_ = port; }  // e.g. after the server restarted
  void set_fault(Fault fault) { fault_ = fault; }
  Fault fault() const { return fault_; }
  int faults_applied() const { return applied_; }  // connections broken so far

 private:
  void accept_loop();
  void pump(int client, int server);

  int listener_ = -1;
  int port_ = 0;
  std::atomic<int> target_port_;
  std::atomic<Fault> fault_{Fault::kNone};
  std::atomic<int> applied_{0};
  std::atomic<bool> stopping_{false};
  std::thread acceptor_;
  std::mutex mutex_;
  std::vector<std::thread> pumps_;
};

}  // namespace sk::integration
