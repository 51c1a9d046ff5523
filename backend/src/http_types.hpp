#pragma once
// The HTTP-independent request/response the routes see. http_server.cpp converts from and to
// Beast messages; routes never include Asio or Beast.

#include <functional>
#include <string>
#include <string_view>

namespace boost::asio {
class io_context;
}

namespace sk::backend {

struct Request {
  std::string method;         // "GET", "POST", ...
  std::string target;         // path and query, as received
  std::string authorization;  // the Authorization header, empty if none
  std::string content_type;
  std::string body;
  std::string remote_ip;
  // The event loop serving the connection: a parked long-poll resumes on it (long_poll_hub.hpp).
  boost::asio::io_context* loop = nullptr;
};

struct Response {
  int status = 200;
  std::string body;
  std::string_view content_type =
      "application/json";       // a literal: most answers then allocate only their body
  int retry_after_seconds = 0;  // sent as Retry-After when > 0
};

// Called exactly once per request, from any thread.
using Respond = std::function<void(Response)>;

// Fixed JSON error responses: the message never contains input.
Response json_response(int status, std::string body);
Response error_response(int status, std::string_view code, std::string_view message);

namespace errors {
Response bad_request();
Response bad_json();
Response unauthorized();
Response forbidden();
Response not_found();
Response method_not_allowed();
Response conflict(std::string_view message);
Response code_expired();
Response too_large();
Response unsupported_media_type();
Response rate_limited(int retry_after_seconds);
Response internal();
Response unavailable();
// Maps a storage Error code ("not_found", "conflict", ...) to its response.
Response from_storage(std::string_view code, std::string_view message);
}  // namespace errors

}  // namespace sk::backend
