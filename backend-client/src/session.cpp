#include "session.hpp"

#include <future>

#include "api.hpp"
#include "sk/protocol/protocol.hpp"

namespace sk::client {

namespace {

constexpr auto kRenewBefore = std::chrono::seconds(60);

HttpResponse failed(ApiError error) {
  HttpResponse r;
  r.transport = std::move(error);
  return r;
}

}  // namespace

Session::Session(Network& network, std::shared_ptr<const crypto::DeviceIdentity> identity,
                 std::string device_id)
    : network_(network), identity_(std::move(identity)), device_id_(std::move(device_id)) {}

HttpResponse Session::exchange(HttpRequest request) {
  std::promise<HttpResponse> answer;
  auto f = answer.get_future();
  network_.post([this, &answer, request = std::move(request)]() mutable {
    submit(std::move(request), [&answer](HttpResponse r) { answer.set_value(std::move(r)); });
  });
  return f.get();
}

void Session::submit(HttpRequest request, Network::Done done) {
  send(Waiting{std::move(request), std::move(done), false});
}

void Session::send(Waiting w) {
  if (revoked_) {
    w.done(failed({Failure::kRevoked, 401, "unauthorized", "this device has been revoked", {}}));
    return;
  }
  if (token_.empty() || std::chrono::steady_clock::now() >= renew_at_) {
    waiting_.push_back(std::move(w));
    log_in();
    return;
  }
  w.request.bearer = token_;
  auto request = w.request;
  network_.submit(std::move(request), [this, w = std::move(w)](HttpResponse r) mutable {
    if (r.status == 401 && !w.retried) {
      // The token died early (server restart, revocation): log in again once; a revoked device
      // is then refused at the login and everything fails with kRevoked.
      if (w.request.bearer == token_) token_.clear();
      w.retried = true;
      send(std::move(w));
      return;
    }
    w.done(std::move(r));
  });
}

void Session::log_in() {
  if (logging_in_) return;
  logging_in_ = true;
  network_.submit(api::challenge(device_id_), [this](HttpResponse r) {
    auto nonce = api::parse_challenge(r);
    if (!nonce) return login_failed(nonce.error());
    const auto signature = identity_->sign(protocol::login_message(device_id_, *nonce));
    network_.submit(api::token(device_id_, *nonce, signature.view()), [this](HttpResponse tr) {
      auto token = api::parse_token(tr);
      if (!token) return login_failed(token.error());
      logged_in(token->token, std::chrono::seconds(token->expires_in_s));
    });
  });
}

void Session::logged_in(std::string token, std::chrono::seconds valid_for) {
  logging_in_ = false;
  refused_logins_ = 0;
  token_ = std::move(token);
  renew_at_ = std::chrono::steady_clock::now() + std::max(valid_for - kRenewBefore, valid_for / 2);
  auto waiting = std::move(waiting_);
  waiting_.clear();
  for (auto& w : waiting) send(std::move(w));
}

void Session::login_failed(const ApiError& error) {
  logging_in_ = false;
  ApiError reported = error;
  if (error.failure == Failure::kUnauthorized && ++refused_logins_ >= 2) {
    revoked_ = true;
    reported = {Failure::kRevoked, 401, "unauthorized", "this device has been revoked", {}};
  } else if (error.failure == Failure::kUnauthorized) {
    // A nonce can expire between challenge and answer on a very slow link: one more try.
    if (!waiting_.empty()) return log_in();
  }
  auto waiting = std::move(waiting_);
  waiting_.clear();
  for (auto& w : waiting) w.done(failed(reported));
}

}  // namespace sk::client
