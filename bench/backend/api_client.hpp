#pragma once
// JSON calls to spillkontakt-backend's API v1 (docs/api.md) for setting up a run: enrollment,
// challenge-response authentication, cases and pairing. Failures are thrown with the status and
// the server's error code, so a broken setup stops the run with a clear message.

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "http_connection.hpp"
#include "sk/crypto/keys.hpp"

namespace sk::bench {

// A device the tool plays: its Ed25519 seed signs the auth challenges.
struct BenchDevice {
  crypto::Secret<crypto::kKeySize> seed;
  crypto::Ed25519PublicKey ed25519;
  crypto::X25519PublicKey x25519;
  std::string device_id;
  std::string token;

  static BenchDevice generate();
  nlohmann::json public_keys() const;  // {"ed25519":…, "x25519":…}
};

// A call that got another status than expected.
struct ApiError : std::runtime_error {
  ApiError(const std::string& what, unsigned status_) : std::runtime_error(what), status(status_) {}
  unsigned status;
};

class ApiClient {
 public:
  ApiClient(HttpConnection& connection, std::string host) : connection_(connection), host_(std::move(host)) {}

  // `expected` is the success status; anything else throws ApiError.
  asio::awaitable<nlohmann::json> call(http::verb verb, const std::string& path, const nlohmann::json* body,
                                       const std::string& token, http::status expected);
  // Challenge, sign, token: fills device.token.
  asio::awaitable<void> authenticate(BenchDevice& device);

 private:
  HttpConnection& connection_;
  std::string host_;
};

// Random blob standing in for a code confirmation: the server stores it opaquely and the
// benchmark's devices never check each other's keys.
std::string fake_confirmation();

// A one-time-code lookup id (4 Crockford base32 characters) from a counter.
std::string lookup_id(std::uint32_t counter);

// Runs `count` setup workers made by `make_worker()` side by side until all are done; rethrows
// the first failure.
template <class MakeWorker>
asio::awaitable<void> run_workers(asio::io_context& io, std::size_t count, MakeWorker make_worker) {
  std::size_t running = 0;
  std::exception_ptr failure;
  for (std::size_t i = 0; i < count; ++i) {
    ++running;
    asio::co_spawn(io, make_worker(), [&](std::exception_ptr e) {
      if (e && !failure) failure = e;
      --running;
    });
  }
  asio::steady_timer pause(io);
  while (running > 0) {
    pause.expires_after(std::chrono::milliseconds(20));
    co_await pause.async_wait(asio::use_awaitable);
  }
  if (failure) std::rethrow_exception(failure);
}

// The lookup ids a run's setup workers hand out, from a random start.
class LookupIds {
 public:
  LookupIds();
  std::string take();

 private:
  std::uint32_t next_ = 0;
};

// Issues a code through `issue(lookup)` with a fresh lookup id, retrying when the id is taken (409).
template <class Issue>
asio::awaitable<nlohmann::json> with_fresh_lookup(LookupIds& ids, Issue issue) {
  for (int attempt = 0;; ++attempt) {
    try {
      co_return co_await issue(ids.take());
    } catch (const ApiError& e) {
      if (e.status != 409 || attempt == 20) throw;
    }
  }
}

}  // namespace sk::bench
