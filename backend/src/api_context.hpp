#pragma once
// What every route handler works with: the services of a running server, and one call.
// Handlers validate, authorise, make one storage (or writer) call and answer via `respond`.

#include <atomic>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "append_writer.hpp"
#include "authenticator.hpp"
#include "config.hpp"
#include "http_types.hpp"
#include "long_poll_hub.hpp"
#include "metrics.hpp"
#include "rate_limiter.hpp"
#include "storage.hpp"

namespace sk::backend {

struct ApiContext {
  ApiContext(const ServeConfig& c, Storage& s, AppendWriter& w, LongPollHub& h, Authenticator& a, Metrics& m)
      : config(c),
        storage(s),
        writer(w),
        hub(h),
        auth(a),
        metrics(m),
        device_limiter(c.device_rate_per_second, c.device_burst),
        ip_limiter(c.ip_rate_per_second, c.ip_burst),
        lookup_limiter(c.lookup_attempts_per_hour / 3600.0, c.lookup_attempts_per_hour) {}

  const ServeConfig& config;
  Storage& storage;
  AppendWriter& writer;
  LongPollHub& hub;
  Authenticator& auth;
  Metrics& metrics;
  RateLimiter device_limiter;
  RateLimiter ip_limiter;
  RateLimiter lookup_limiter;
  std::atomic<bool> stopping{false};
};

struct Call {
  Request request;
  std::optional<Caller> caller;     // set on authenticated routes
  std::vector<std::string> params;  // the {…} segments of the route pattern, in order
  Respond respond;
};

// The limits of reading a mailbox, the same for a case's fetch and a device's sync.
namespace mailbox_limits {
inline constexpr int kDefaultLimit = 100;  // events per case and response
inline constexpr int kMaxLimit = 500;
inline constexpr int kMaxWaitSeconds = 30;
inline constexpr std::size_t kMaxPageBytes = 4 * 1024 * 1024;  // of envelope bytes per response
}  // namespace mailbox_limits

// Helpers shared by the route files (routes_common.cpp).
namespace route_util {
// The case if the caller may see it at all (same org, and a member or a supervisor).
std::optional<CaseInfo> visible_case(ApiContext& ctx, const Caller& caller, const std::string& case_id,
                                     Response* error);
AudienceMask readable(const CaseInfo& c, const Caller& caller);
// The caller of a parked request, decided again: nullopt with `error` set (401, or 503) when
// its token no longer works, e.g. because its device was revoked while it waited.
std::optional<Caller> current_caller(ApiContext& ctx, const Request& request, Response* error);
// One case's page of events as fetch and sync answer it: at most `limit` events, and envelope
// bytes within what is left of the response's budget (shared by the cases of a sync). The first
// event of a response always fits, so a response is never empty while events wait.
struct PageBudget {
  std::size_t bytes_left = 0;
  bool taken_any = false;
};
struct EventPage {
  nlohmann::json events = nlohmann::json::array();
  std::int64_t next_after = 0;
  bool more = false;
};
EventPage event_page(const std::vector<StoredEvent>& events, std::int64_t after, int limit,
                     PageBudget& budget);
// Wakes the waiters that a change of `principal`'s device list concerns: the cases they are a
// member of (all of the organisation's for a supervisor), and `device` itself if revoked.
void notify_device_change(ApiContext& ctx, const Device& device);
bool may_post(const CaseInfo& c, const Caller& caller, Audience audience);
nlohmann::json device_json(const Device& d);
void audit(ApiContext& ctx, std::string kind, const std::string& org_id, const std::string& principal_id,
           const std::string& device_id, std::string detail = {});
// Answers the storage error of a failed Result and returns true when `r` failed.
template <class T>
bool failed(const Result<T>& r, const Call& call) {
  if (r.ok()) return false;
  call.respond(errors::from_storage(r.error().code, r.error().message));
  return true;
}
}  // namespace route_util

// Route handlers (router.cpp lists them with their patterns).
namespace routes {
void enroll(ApiContext&, Call);
void issue_enroll_code(ApiContext&, Call);
void code_status(ApiContext&, Call);
void set_code_confirmation(ApiContext&, Call);
void redeem_pairing(ApiContext&, Call);
void auth_challenge(ApiContext&, Call);
void auth_token(ApiContext&, Call);
void me(ApiContext&, Call);
void org(ApiContext&, Call);
void revoke_device(ApiContext&, Call);
void create_case(ApiContext&, Call);
void list_cases(ApiContext&, Call);
void add_member(ApiContext&, Call);
void set_consent(ApiContext&, Call);
void key_directory(ApiContext&, Call);
void create_pairing_code(ApiContext&, Call);
void append_event(ApiContext&, Call);
void fetch_events(ApiContext&, Call);
void sync(ApiContext&, Call);
}  // namespace routes

}  // namespace sk::backend
