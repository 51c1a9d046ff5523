// Routes: the case mailbox. Append goes through the group-commit writer and is answered after
// COMMIT; fetch returns envelopes after a cursor and may park as a long-poll.
#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <memory>

#include "api_context.hpp"
#include "ids.hpp"
#include "json_body.hpp"
#include "sk/core/encoding.hpp"

namespace sk::backend::routes {

namespace {

constexpr std::size_t kMaxEnvelope = 64 * 1024;
using namespace mailbox_limits;

struct FetchQuery {
  std::int64_t after = 0;
  int limit = kDefaultLimit;
  int wait_seconds = 0;
};

bool parse_number(std::string_view text, std::int64_t min, std::int64_t max, std::int64_t& out) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || ptr != text.data() + text.size() || text.empty() || v < min || v > max)
    return false;
  out = v;
  return true;
}

// "after=N&limit=L&wait=S", each at most once, nothing else.
std::optional<FetchQuery> parse_query(std::string_view target) {
  FetchQuery q;
  const auto qm = target.find('?');
  if (qm == std::string_view::npos) return q;
  auto rest = target.substr(qm + 1);
  unsigned seen = 0;
  while (!rest.empty()) {
    const auto amp = std::min(rest.find('&'), rest.size());
    const auto pair = rest.substr(0, amp);
    rest.remove_prefix(std::min(amp + 1, rest.size()));
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    const auto key = pair.substr(0, eq);
    const auto value = pair.substr(eq + 1);
    std::int64_t v = 0;
    if (key == "after" && !(seen & 1u) && parse_number(value, 0, INT64_MAX, v)) {
      q.after = v;
      seen |= 1u;
    } else if (key == "limit" && !(seen & 2u) && parse_number(value, 1, kMaxLimit, v)) {
      q.limit = static_cast<int>(v);
      seen |= 2u;
    } else if (key == "wait" && !(seen & 4u) && parse_number(value, 0, kMaxWaitSeconds, v)) {
      q.wait_seconds = static_cast<int>(v);
      seen |= 4u;
    } else {
      return std::nullopt;
    }
  }
  return q;
}

// One long-poll: fetch, and if nothing is new for the caller, park until the case (or the
// caller's device) changes. Who the caller is and what it may read are decided again at every
// step, so a device revoked or a consent withdrawn while it waits takes effect on the answer.
struct LongPoll : std::enable_shared_from_this<LongPoll> {
  LongPoll(ApiContext& c, Call call_, std::string case_id_, FetchQuery q)
      : ctx(c),
        call(std::move(call_)),
        case_id(std::move(case_id_)),
        query(q),
        deadline(std::chrono::steady_clock::now() + std::chrono::seconds(q.wait_seconds)),
        keys{wake_key::case_changed(case_id), wake_key::device(call.caller->device_id),
             wake_key::everything()} {}

  void step() {
    // Versions first: a change after this read makes park() resume at once.
    const auto seen = ctx.hub.versions(keys);
    Response error;
    const auto caller = route_util::current_caller(ctx, call.request, &error);
    if (!caller) return call.respond(error);
    const auto c = route_util::visible_case(ctx, *caller, case_id, &error);
    if (!c) return call.respond(error);
    auto events =
        ctx.storage.fetch_events(case_id, query.after, route_util::readable(*c, *caller), query.limit + 1);
    if (!events) return call.respond(errors::unavailable());
    const auto now = std::chrono::steady_clock::now();
    if (events->empty() && now < deadline && !ctx.stopping) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
      return ctx.hub.park(*call.request.loop, keys, seen, left,
                          [self = shared_from_this()] { self->step(); });
    }
    route_util::PageBudget budget{kMaxPageBytes};
    auto page = route_util::event_page(*events, query.after, query.limit, budget);
    call.respond(json_response(200, nlohmann::json{{"events", std::move(page.events)},
                                                   {"next_after", page.next_after},
                                                   {"more", page.more}}
                                        .dump()));
  }

  ApiContext& ctx;
  Call call;
  std::string case_id;
  FetchQuery query;
  std::chrono::steady_clock::time_point deadline;
  std::vector<std::string> keys;
};

}  // namespace

void append_event(ApiContext& ctx, Call call) {
  const auto& caller = *call.caller;
  Response error;
  auto c = route_util::visible_case(ctx, caller, call.params[0], &error);
  if (!c) return call.respond(error);
  auto body = JsonBody::parse(call.request.body, {"event_id", "audience", "envelope"});
  if (!body) return call.respond(errors::bad_json());
  AppendRequest a;
  a.case_id = c->id;
  a.event_id = body->string("event_id", 36);
  const auto audience = model::audience_from_string(body->string("audience", 32));
  a.envelope = body->base64("envelope", 1, kMaxEnvelope);
  if (body->too_large()) return call.respond(errors::too_large());
  if (!body->ok() || !audience || !is_uuid(a.event_id)) return call.respond(errors::bad_json());
  if (!route_util::may_post(*c, caller, *audience)) return call.respond(errors::forbidden());
  a.audience = *audience;
  a.author_device = caller.device_id;
  a.received_at = now_ms();

  ctx.writer.submit(std::move(a), [&ctx, respond = std::move(call.respond)](Result<AppendAck> ack) {
    if (!ack) {
      if (ack.error().code == "conflict")
        return respond(errors::conflict("This event id is used in another case."));
      return respond(errors::unavailable());
    }
    if (!ack->duplicate) ctx.metrics.add_appends(1);
    respond(json_response(ack->duplicate ? 200 : 201,
                          fmt::format(R"({{"seq":{},"received_at":{},"duplicate":{}}})", ack->seq,
                                      ack->received_at, ack->duplicate)));
  });
}

void fetch_events(ApiContext& ctx, Call call) {
  const auto& caller = *call.caller;
  Response error;
  auto c = route_util::visible_case(ctx, caller, call.params[0], &error);
  if (!c) return call.respond(error);
  const auto query = parse_query(call.request.target);
  if (!query) return call.respond(errors::bad_request());
  auto poll = std::make_shared<LongPoll>(ctx, std::move(call), c->id, *query);
  poll->step();
}

}  // namespace sk::backend::routes
