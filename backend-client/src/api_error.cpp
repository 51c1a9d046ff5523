#include "sk/client/api_error.hpp"

#include "sk/client/sync_status.hpp"

namespace sk::client {

std::string_view to_string(Failure failure) {
  switch (failure) {
    case Failure::kOffline:
      return "offline";
    case Failure::kTls:
      return "tls";
    case Failure::kUnauthorized:
      return "unauthorized";
    case Failure::kRevoked:
      return "revoked";
    case Failure::kForbidden:
      return "forbidden";
    case Failure::kNotFound:
      return "not_found";
    case Failure::kConflict:
      return "conflict";
    case Failure::kCodeExpired:
      return "code_expired";
    case Failure::kRejected:
      return "rejected";
    case Failure::kRateLimited:
      return "rate_limited";
    case Failure::kServer:
      return "server";
    case Failure::kBadResponse:
      return "bad_response";
  }
  return "server";
}

bool is_transient(Failure failure) {
  return failure == Failure::kOffline || failure == Failure::kRateLimited || failure == Failure::kServer ||
         failure == Failure::kBadResponse || failure == Failure::kTls;
}

Error to_error(const ApiError& error) {
  return Error{"client." + std::string(to_string(error.failure)), error.message};
}

std::string_view to_string(Connectivity c) {
  switch (c) {
    case Connectivity::kStarting:
      return "starting";
    case Connectivity::kOnline:
      return "online";
    case Connectivity::kOffline:
      return "offline";
    case Connectivity::kRevoked:
      return "revoked";
    case Connectivity::kStopped:
      return "stopped";
  }
  return "stopped";
}

}  // namespace sk::client
