#include "router.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <chrono>

namespace sk::backend {

namespace {

enum class Access { open, open_ip_limited, device };

struct Route {
  constexpr Route(std::string_view name_, Access access_, void (*handler_)(ApiContext&, Call),
                  bool long_poll_ = false)
      : name(name_),
        method(name_.substr(0, name_.find(' '))),
        pattern(name_.substr(name_.find(' ') + 1)),
        access(access_),
        handler(handler_),
        long_poll(long_poll_) {}
  std::string_view name;     // "METHOD /pattern", also the metrics label
  std::string_view method;   // both views into `name`
  std::string_view pattern;  // "{}" matches one path segment
  Access access;
  void (*handler)(ApiContext&, Call);
  bool long_poll;
};

void healthz(ApiContext& ctx, Call call) {
  if (ctx.stopping) return call.respond(errors::unavailable());
  call.respond(json_response(200, R"({"status":"ok"})"));
}

void metrics(ApiContext& ctx, Call call) {
  ctx.metrics.set_long_polls_open(ctx.hub.open());
  ctx.metrics.set_batches(ctx.writer.batches());
  Response r{200, ctx.metrics.render(), "text/plain; version=0.0.4"};
  call.respond(std::move(r));
}

constexpr std::array kRoutes = {
    Route{"GET /healthz", Access::open, healthz},
    Route{"GET /metrics", Access::open, metrics},
    Route{"POST /v1/enroll", Access::open_ip_limited, routes::enroll},
    Route{"POST /v1/enroll-codes", Access::device, routes::issue_enroll_code},
    Route{"GET /v1/codes/{}", Access::device, routes::code_status},
    Route{"PUT /v1/codes/{}/confirmation", Access::device, routes::set_code_confirmation},
    Route{"POST /v1/auth/challenge", Access::open_ip_limited, routes::auth_challenge},
    Route{"POST /v1/auth/token", Access::open_ip_limited, routes::auth_token},
    Route{"GET /v1/me", Access::device, routes::me},
    Route{"GET /v1/org", Access::device, routes::org},
    Route{"POST /v1/devices/{}/revoke", Access::device, routes::revoke_device},
    Route{"GET /v1/cases", Access::device, routes::list_cases},
    Route{"POST /v1/cases", Access::device, routes::create_case},
    Route{"POST /v1/pairing/redeem", Access::open_ip_limited, routes::redeem_pairing},
    Route{"POST /v1/cases/{}/members", Access::device, routes::add_member},
    Route{"PUT /v1/cases/{}/consent", Access::device, routes::set_consent},
    Route{"GET /v1/cases/{}/keys", Access::device, routes::key_directory},
    Route{"POST /v1/cases/{}/events", Access::device, routes::append_event},
    Route{"GET /v1/cases/{}/events", Access::device, routes::fetch_events, true},
    Route{"POST /v1/cases/{}/pairing-codes", Access::device, routes::create_pairing_code},
    Route{"POST /v1/sync", Access::device, routes::sync, true},
};

constexpr std::size_t kMaxSegment = 64;

// Matches `path` against `pattern`, collecting the "{}" segments.
bool match(std::string_view pattern, std::string_view path, std::vector<std::string>& params) {
  params.clear();
  while (!pattern.empty() || !path.empty()) {
    if (pattern.empty() || path.empty() || pattern.front() != '/' || path.front() != '/') return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
    const auto pe = std::min(pattern.find('/'), pattern.size());
    const auto se = std::min(path.find('/'), path.size());
    const auto pseg = pattern.substr(0, pe);
    const auto seg = path.substr(0, se);
    if (pseg == "{}") {
      if (seg.empty() || seg.size() > kMaxSegment) return false;
      params.emplace_back(seg);
    } else if (pseg != seg) {
      return false;
    }
    pattern.remove_prefix(pe);
    path.remove_prefix(se);
  }
  return true;
}

bool is_json(std::string_view content_type) {
  const auto semi = content_type.find(';');
  auto base = content_type.substr(0, semi);
  while (!base.empty() && base.back() == ' ') base.remove_suffix(1);
  return base == "application/json";
}

}  // namespace

bool Router::may_wait_long(std::string_view method, std::string_view target) {
  const auto path = target.substr(0, target.find('?'));
  std::vector<std::string> params;
  return std::any_of(kRoutes.begin(), kRoutes.end(), [&](const Route& r) {
    return r.long_poll && r.method == method && match(r.pattern, path, params);
  });
}

void Router::handle(Request request, Respond respond) {
  const auto started = std::chrono::steady_clock::now();
  const auto path = std::string_view(request.target).substr(0, request.target.find('?'));
  const Route* route = nullptr;
  bool path_known = false;
  std::vector<std::string> params;
  for (const auto& r : kRoutes) {
    if (!match(r.pattern, path, params)) continue;
    path_known = true;
    if (r.method == request.method) {
      route = &r;
      break;
    }
  }
  const std::string_view label = route ? route->name : "unmatched";
  const bool long_poll = route != nullptr && route->long_poll;
  // Metrics wrap the answer, wherever and whenever it is given.
  Respond answer = [this, label, long_poll, started, respond = std::move(respond)](Response r) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    ctx_.metrics.record_request(label, r.status, seconds, long_poll);
    respond(std::move(r));
  };
  if (route == nullptr) return answer(path_known ? errors::method_not_allowed() : errors::not_found());

  Call call{std::move(request), std::nullopt, std::move(params), answer};
  try {
    if (ctx_.stopping && route->handler != healthz) return answer(errors::unavailable());
    // A request without a body needs no Content-Type (a body-less POST .../revoke).
    if ((call.request.method == "POST" || call.request.method == "PUT") && !call.request.body.empty() &&
        !is_json(call.request.content_type)) {
      return answer(errors::unsupported_media_type());
    }
    int retry = 1;
    if (route->access == Access::open_ip_limited && !ctx_.ip_limiter.allow(call.request.remote_ip, &retry)) {
      return answer(errors::rate_limited(retry));
    }
    if (route->access == Access::device) {
      auto caller = ctx_.auth.authenticate(call.request.authorization);
      if (!caller) return answer(errors::unavailable());
      if (!caller->has_value()) return answer(errors::unauthorized());
      if (!ctx_.device_limiter.allow((*caller)->device_id, &retry))
        return answer(errors::rate_limited(retry));
      call.caller = std::move(**caller);
    }
    route->handler(ctx_, std::move(call));
  } catch (const std::exception& e) {
    spdlog::error("route {} failed: {}", label, e.what());
    answer(errors::internal());
  }
}

}  // namespace sk::backend
