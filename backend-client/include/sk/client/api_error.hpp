#pragma once
// ApiError: every way a conversation with the backend can fail, in words the UI can put plainly.
//
// Rules:
//  - Every transport failure and every non-2xx answer maps to exactly one Failure.
//  - `message` is for people and logs; it never holds a token, a key or message content.
//  - is_transient() says whether waiting and trying again can help (offline, rate limited,
//    server trouble); the sync engine backs off and retries exactly those.

#include <chrono>
#include <string>
#include <string_view>

#include "sk/core/result.hpp"

namespace sk::client {

enum class Failure {
  kOffline,       // no connection, DNS failure, timeout, connection cut
  kTls,           // certificate not trusted, wrong host name, pinned key mismatch
  kUnauthorized,  // the token or the login signature was refused
  kRevoked,       // this device was revoked: it stops retrying for good
  kForbidden,     // the role may not do this
  kNotFound,      // unknown object or route, or one the caller may not see
  kConflict,      // lookup id in use, event id reused, confirmation already set
  kCodeExpired,   // a one-time code that is expired or already used
  kRejected,      // the server refused the input (400, 413, 415)
  kRateLimited,   // 429: wait `retry_after`
  kServer,        // 5xx
  kBadResponse,   // the server answered something this client can't read
};

std::string_view to_string(Failure failure);  // "offline", "tls", … (stable, for --json and logs)

struct ApiError {
  Failure failure = Failure::kServer;
  long status = 0;                      // HTTP status, 0 when there was no answer
  std::string code;                     // the server's error code ("rate_limited"), when it sent one
  std::string message;                  // one line for people
  std::chrono::seconds retry_after{0};  // from Retry-After, when given

  friend bool operator==(const ApiError&, const ApiError&) = default;
};

bool is_transient(Failure failure);
// As an sk::Error ("client.offline"), for layers that speak sk::Error.
Error to_error(const ApiError& error);

template <class T>
using ApiResult = Result<T, ApiError>;

}  // namespace sk::client
