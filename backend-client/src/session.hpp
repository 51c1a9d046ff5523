#pragma once
// Session: this device's login with the backend (challenge–response → short-lived bearer token).
//
// Rules:
//  - submit() runs on the network thread only; exchange() on any other thread.
//  - A token is renewed a minute before it expires, so a request never leaves with a token the
//    server is about to refuse; a 401 on a request logs in again once and retries it.
//  - When the server refuses the login itself twice in a row, the device has been revoked (or
//    never existed): every request from then on fails with Failure::kRevoked at once, without
//    reaching the network. A revoked device is told once and stops retrying.

#include <chrono>
#include <deque>
#include <memory>
#include <string>

#include "network.hpp"
#include "sk/crypto/identity.hpp"

namespace sk::client {

class Session {
 public:
  Session(Network& network, std::shared_ptr<const crypto::DeviceIdentity> identity, std::string device_id);

  void submit(HttpRequest request, Network::Done done);  // network thread
  HttpResponse exchange(HttpRequest request);            // other threads: blocks
  bool revoked() const { return revoked_; }              // network thread
  const std::string& device_id() const { return device_id_; }

 private:
  struct Waiting {
    HttpRequest request;
    Network::Done done;
    bool retried = false;
  };
  void send(Waiting w);
  void log_in();
  void logged_in(std::string token, std::chrono::seconds valid_for);
  void login_failed(const ApiError& error);

  Network& network_;
  std::shared_ptr<const crypto::DeviceIdentity> identity_;
  std::string device_id_;
  std::string token_;
  std::chrono::steady_clock::time_point renew_at_{};
  bool logging_in_ = false;
  int refused_logins_ = 0;
  bool revoked_ = false;
  std::deque<Waiting> waiting_;
};

}  // namespace sk::client
