#pragma once
// Router: matches a request to its route, applies the cross-cutting rules (shutdown, content
// type, authentication, rate limits, metrics, never-throw), then hands it to the handler.

#include "api_context.hpp"

namespace sk::backend {

class Router {
 public:
  explicit Router(ApiContext& ctx) : ctx_(ctx) {}
  // `respond` is called exactly once, possibly later and from another thread.
  void handle(Request request, Respond respond);
  // Whether the route may park the request for long (a long-poll fetch, a sync): the server
  // then watches the connection for the client hanging up meanwhile.
  static bool may_wait_long(std::string_view method, std::string_view target);

 private:
  ApiContext& ctx_;
};

}  // namespace sk::backend
