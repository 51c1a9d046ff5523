#include <spdlog/spdlog.h>

#include <algorithm>

#include "api_context.hpp"
#include "ids.hpp"
#include "sk/core/encoding.hpp"

namespace sk::backend::route_util {

std::optional<CaseInfo> visible_case(ApiContext& ctx, const Caller& caller, const std::string& case_id,
                                     Response* error) {
  // Built only on failure: this runs on every case request.
  const auto hidden = [error] {
    *error = errors::not_found();
    return std::nullopt;
  };
  if (!is_id(case_id)) return hidden();
  auto found = ctx.storage.find_case(case_id);
  if (!found) {
    *error = errors::unavailable();
    return std::nullopt;
  }
  if (!found->has_value()) return hidden();
  auto& c = **found;
  if (c.org_id != caller.org_id) return hidden();  // other organisations: as if it did not exist
  const bool member = caller.role == Role::kSupervisor ||
                      (caller.role == Role::kYouth && c.youth_principal == caller.principal_id) ||
                      (caller.role == Role::kContact && std::find(c.contacts.begin(), c.contacts.end(),
                                                                  caller.principal_id) != c.contacts.end());
  if (!member) return hidden();
  return std::move(c);
}

AudienceMask readable(const CaseInfo& c, const Caller& caller) {
  switch (caller.role) {
    case Role::kYouth:
      return audience_bit(Audience::kCase) | audience_bit(Audience::kYouthConsented);
    case Role::kContact:
      return audience_bit(Audience::kCase) | audience_bit(Audience::kTeam) |
             audience_bit(Audience::kYouthConsented);
    case Role::kSupervisor:
      return audience_bit(Audience::kTeam) | (c.youth_consent ? audience_bit(Audience::kYouthConsented) : 0u);
  }
  return 0;
}

bool may_post(const CaseInfo& c, const Caller& caller, Audience audience) {
  if (caller.role == Role::kSupervisor) return audience == Audience::kTeam;
  if (caller.role == Role::kYouth)
    return audience != Audience::kTeam && (readable(c, caller) & audience_bit(audience));
  return true;  // contacts of the case read and write every audience
}

std::optional<Caller> current_caller(ApiContext& ctx, const Request& request, Response* error) {
  auto caller = ctx.auth.authenticate(request.authorization);
  if (!caller) {
    *error = errors::unavailable();
    return std::nullopt;
  }
  if (!caller->has_value()) {
    *error = errors::unauthorized();
    return std::nullopt;
  }
  return std::move(**caller);
}

EventPage event_page(const std::vector<StoredEvent>& events, std::int64_t after, int limit,
                     PageBudget& budget) {
  EventPage page;
  page.next_after = after;
  for (const auto& e : events) {
    if (page.events.size() == static_cast<std::size_t>(limit) ||
        (budget.taken_any && e.envelope.size() > budget.bytes_left)) {
      page.more = true;
      break;
    }
    budget.taken_any = true;
    budget.bytes_left -= std::min(budget.bytes_left, e.envelope.size());
    page.events.push_back({{"seq", e.seq},
                           {"event_id", e.event_id},
                           {"audience", model::to_string(e.audience)},
                           {"author_device", e.author_device},
                           {"received_at", e.received_at},
                           {"envelope", base64url_encode(e.envelope)}});
    page.next_after = e.seq;
  }
  return page;
}

void notify_device_change(ApiContext& ctx, const Device& device) {
  std::vector<std::string> keys{wake_key::device(device.id)};
  if (device.role == Role::kSupervisor) {
    keys.push_back(wake_key::org(device.org_id));
  } else if (auto cases =
                 ctx.storage.list_cases(Caller{device.org_id, device.principal_id, device.id, device.role})) {
    for (const auto& c : *cases) keys.push_back(wake_key::case_changed(c.id));
  } else {
    keys.push_back(wake_key::everything());  // could not tell which: let every waiter look again
  }
  ctx.hub.notify(keys);
}

nlohmann::json device_json(const Device& d) {
  return {{"device_id", d.id},
          {"ed25519", base64url_encode(d.keys.ed25519)},
          {"x25519", base64url_encode(d.keys.x25519)},
          {"revoked", d.revoked}};
}

void audit(ApiContext& ctx, std::string kind, const std::string& org_id, const std::string& principal_id,
           const std::string& device_id, std::string detail) {
  AuditEntry e{now_ms(), std::move(kind), org_id, principal_id, device_id, std::move(detail)};
  if (auto r = ctx.storage.audit(e); !r) spdlog::error("audit: cannot record event={}", e.kind);
  spdlog::info("audit event={} org={} principal={} device={}", e.kind, e.org_id, e.principal_id, e.device_id);
}

}  // namespace sk::backend::route_util
