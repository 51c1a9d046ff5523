// Route: POST /v1/sync, one wait per device over all of its cases (docs/api.md, "Sync").
//
// The server keeps no state per device: the request carries the device's cursor and directory
// version for each case it knows, and the answer lists every case visible to the caller. A
// request with nothing to report parks on the keys of everything that could change that
// (its cases' appends and directories, its principal gaining a case, its device's revocation,
// organisation-wide changes) and decides everything again when woken.
#include <algorithm>
#include <chrono>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "api_context.hpp"
#include "ids.hpp"
#include "json_body.hpp"

namespace sk::backend::routes {

namespace {

using namespace mailbox_limits;

// A supervisor knows every case of the organisation; a request beyond this is refused (400).
constexpr std::size_t kMaxKnownCases = 2000;

struct Known {
  std::int64_t after = 0;
  std::int64_t directory = 0;
};

struct SyncQuery {
  std::unordered_map<std::string, Known> cases;
  int limit = kDefaultLimit;
  int wait_seconds = 0;
};

std::optional<SyncQuery> parse_sync(std::string_view body_text) {
  auto body = JsonBody::parse(body_text, {"cases", "wait", "limit"});
  if (!body) return std::nullopt;
  SyncQuery q;
  const auto records = body->records("cases", {"after", "directory"}, kMaxKnownCases);
  q.wait_seconds = static_cast<int>(body->integer("wait", 0, kMaxWaitSeconds, 0));
  q.limit = static_cast<int>(body->integer("limit", 1, kMaxLimit, kDefaultLimit));
  if (!body->ok()) return std::nullopt;
  for (const auto& r : records) {
    if (!is_id(r.name)) return std::nullopt;
    q.cases.emplace(r.name, Known{r.values[0], r.values[1]});
  }
  return q;
}

// The keys whose change may give a device something to report, besides its cases' own.
std::vector<std::string> standing_keys(const Caller& caller) {
  std::vector<std::string> keys{wake_key::everything(), wake_key::device(caller.device_id),
                                wake_key::principal(caller.principal_id), wake_key::org(caller.org_id)};
  if (caller.role == Role::kSupervisor) keys.push_back(wake_key::org_supervisors(caller.org_id));
  return keys;
}

struct Answer {
  nlohmann::json cases = nlohmann::json::array();
  nlohmann::json removed = nlohmann::json::array();
  bool news = false;  // anything to report
};

struct Sync : std::enable_shared_from_this<Sync> {
  Sync(ApiContext& c, Call call_, SyncQuery q)
      : ctx(c),
        call(std::move(call_)),
        query(std::move(q)),
        deadline(std::chrono::steady_clock::now() + std::chrono::seconds(query.wait_seconds)) {}

  void step() {
    // Versions before every read, so that a change after them makes park() resume at once.
    auto keys = standing_keys(*call.caller);
    auto seen = ctx.hub.versions(keys);
    Response error;
    const auto caller = route_util::current_caller(ctx, call.request, &error);
    if (!caller) return call.respond(error);
    auto visible = ctx.storage.list_cases(*caller);
    if (!visible) return call.respond(errors::unavailable());
    std::vector<std::string> case_keys;
    case_keys.reserve(visible->size());
    for (const auto& c : *visible) case_keys.push_back(wake_key::case_changed(c.id));
    const auto case_seen = ctx.hub.versions(case_keys);
    keys.insert(keys.end(), case_keys.begin(), case_keys.end());
    seen.insert(seen.end(), case_seen.begin(), case_seen.end());

    auto answer = collect(*caller, *visible);
    if (!answer) return call.respond(errors::unavailable());
    const auto now = std::chrono::steady_clock::now();
    if (!answer->news && now < deadline && !ctx.stopping) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
      return ctx.hub.park(*call.request.loop, std::move(keys), seen, left,
                          [self = shared_from_this()] { self->step(); });
    }
    call.respond(json_response(
        200,
        nlohmann::json{{"cases", std::move(answer->cases)}, {"removed", std::move(answer->removed)}}.dump()));
  }

  // Every visible case with its readable events after the device's cursor; what changed.
  std::optional<Answer> collect(const Caller& caller, const std::vector<CaseInfo>& visible) const {
    Answer a;
    route_util::PageBudget budget{kMaxPageBytes};
    for (const auto& c : visible) {
      const auto known = query.cases.find(c.id);
      const Known k = known == query.cases.end() ? Known{} : known->second;
      // A case gained, or whose directory changed, is news even without events.
      if (known == query.cases.end() || k.directory != c.directory_version) a.news = true;
      auto events = ctx.storage.fetch_events(c.id, k.after, route_util::readable(c, caller), query.limit + 1);
      if (!events) return std::nullopt;
      if (!events->empty()) a.news = true;
      auto page = route_util::event_page(*events, k.after, query.limit, budget);
      a.cases.push_back({{"case_id", c.id},
                         {"youth_consent", c.youth_consent},
                         {"paired", !c.youth_principal.empty()},
                         {"directory", c.directory_version},
                         {"events", std::move(page.events)},
                         {"next_after", page.next_after},
                         {"more", page.more}});
    }
    std::unordered_set<std::string_view> still;
    for (const auto& c : visible) still.insert(c.id);
    std::vector<std::string_view> removed;
    for (const auto& [id, k] : query.cases) {
      if (!still.contains(id)) removed.push_back(id);
    }
    std::sort(removed.begin(), removed.end());
    for (const auto id : removed) a.removed.push_back(id);
    a.news = a.news || !removed.empty();
    return a;
  }

  ApiContext& ctx;
  Call call;
  SyncQuery query;
  std::chrono::steady_clock::time_point deadline;
};

}  // namespace

void sync(ApiContext& ctx, Call call) {
  auto query = parse_sync(call.request.body);
  if (!query) return call.respond(errors::bad_json());
  auto s = std::make_shared<Sync>(ctx, std::move(call), std::move(*query));
  s->step();
}

}  // namespace sk::backend::routes
