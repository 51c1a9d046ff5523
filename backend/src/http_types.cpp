#include "http_types.hpp"

#include <nlohmann/json.hpp>

namespace sk::backend {

Response json_response(int status, std::string body) {
  return Response{status, std::move(body)};
}

Response error_response(int status, std::string_view code, std::string_view message) {
  nlohmann::json j = {{"error", {{"code", code}, {"message", message}}}};
  return json_response(status, j.dump());
}

namespace errors {
Response bad_request() {
  return error_response(400, "bad_request", "The request is malformed.");
}
Response bad_json() {
  return error_response(400, "bad_request", "The request body is not the expected JSON.");
}
Response unauthorized() {
  return error_response(401, "unauthorized", "Authentication is required.");
}
Response forbidden() {
  return error_response(403, "forbidden", "Your role may not do this.");
}
Response not_found() {
  return error_response(404, "not_found", "Not found.");
}
Response method_not_allowed() {
  return error_response(405, "method_not_allowed", "Method not allowed.");
}
Response conflict(std::string_view message) {
  return error_response(409, "conflict", message);
}
Response code_expired() {
  return error_response(410, "code_expired", "This code has expired or was already used.");
}
Response too_large() {
  return error_response(413, "too_large", "The request or envelope is too large.");
}
Response unsupported_media_type() {
  return error_response(415, "unsupported_media_type", "The body must be application/json.");
}
Response rate_limited(int retry_after_seconds) {
  auto r = error_response(429, "rate_limited", "Too many requests; slow down.");
  r.retry_after_seconds = retry_after_seconds;
  return r;
}
Response internal() {
  return error_response(500, "internal", "Internal server error.");
}
Response unavailable() {
  return error_response(503, "unavailable", "The server is not available right now.");
}

Response from_storage(std::string_view code, std::string_view message) {
  if (code == "not_found") return not_found();
  if (code == "conflict") return conflict(message);
  if (code == "code_expired") return code_expired();
  return unavailable();
}
}  // namespace errors

}  // namespace sk::backend
