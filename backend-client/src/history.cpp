#include "history.hpp"

#include <algorithm>

#include "sk/client/event_records.hpp"
#include "sk/core/encoding.hpp"

namespace sk::client {

Result<Published> published_by(store::Store& store, const std::string& case_id,
                               const std::string& my_device) {
  Published out;
  std::int64_t cursor = 0;
  for (;;) {
    auto page = store.events_after(case_id, cursor, 1000);
    if (!page) return Unexpected{page.error()};
    if (page->events.empty()) return out;
    cursor = page->next_cursor;
    for (const auto& row : page->events) {
      const auto& r = row.event;
      if (r.author_device_id != my_device) continue;
      if (r.kind != "case_vouch" && r.kind != "team_vouch" && r.kind != "case_grant" &&
          r.kind != "team_grant")
        continue;
      auto event = to_event(r);
      if (!event) return Unexpected{event.error()};
      if (const auto* v = std::get_if<model::CaseVouch>(&event->body))
        for (const auto& d : v->devices) out.vouched_case.insert(d.device.str());
      if (const auto* v = std::get_if<model::TeamVouch>(&event->body))
        for (const auto& d : v->devices) out.vouched_team.insert(d.device.str());
      if (const auto* g = std::get_if<model::CaseGrant>(&event->body))
        out.granted.insert(g->for_device.str());
      if (const auto* g = std::get_if<model::TeamGrant>(&event->body))
        out.granted.insert(g->for_device.str());
    }
  }
}

Result<std::map<std::string, GrantFor>> grants_for(store::Store& store, const std::string& my_device) {
  std::map<std::string, GrantFor> out;
  auto cases = store.cases();
  if (!cases) return Unexpected{cases.error()};
  for (const auto& c : *cases) {
    std::int64_t cursor = 0;
    for (;;) {
      auto page = store.events_after(c.case_id, cursor, 1000);
      if (!page) return Unexpected{page.error()};
      if (page->events.empty()) break;
      cursor = page->next_cursor;
      for (const auto& row : page->events) {
        if (row.event.kind != "case_grant" && row.event.kind != "team_grant") continue;
        auto event = to_event(row.event);
        if (!event) return Unexpected{event.error()};
        const auto* g = std::get_if<model::CaseGrant>(&event->body);
        const auto* t = std::get_if<model::TeamGrant>(&event->body);
        const model::HistoryGrant& grant = g ? static_cast<const model::HistoryGrant&>(*g) : *t;
        if (grant.for_device.str() != my_device) continue;
        for (const auto& e : grant.grants)
          out[e.event.str()] =
              GrantFor{base64url_decode(e.grant).value_or(Bytes{}), row.event.author_device_id};
      }
    }
  }
  return out;
}

bool may_read(const model::Case& c, const std::string& principal, model::Audience audience) {
  const model::PrincipalId p(principal);
  if (audience == model::Audience::kYouthConsented && p == c.youth) return true;
  return c.can_read(p, audience);
}

Result<std::vector<TrustedDevice>> grantees(store::Store& store, const Self& self, const model::Case& c) {
  std::vector<TrustedDevice> out;
  if (self.role != "contact") return out;  // only contacts read every audience a newcomer may need
  auto peers = store.peers();
  if (!peers) return Unexpected{peers.error()};
  // The case's contact devices this device trusts, itself included.
  std::vector<std::string> contacts{self.device_id};
  for (const auto& p : *peers) {
    if (!p.revoked && p.role == "contact" &&
        c.role_of(model::PrincipalId(p.principal_id)) == model::Role::kContact)
      contacts.push_back(p.device_id);
  }
  std::sort(contacts.begin(), contacts.end());
  for (const auto& p : *peers) {
    if (p.revoked) continue;
    const auto role = c.role_of(model::PrincipalId(p.principal_id));
    if (!role || std::string(model::to_string(*role)) != p.role) continue;
    const auto granter = std::find_if(contacts.begin(), contacts.end(),
                                      [&](const std::string& d) { return d != p.device_id; });
    if (granter == contacts.end() || *granter != self.device_id) continue;
    auto t = trusted(store, self, p.device_id);
    if (!t) return Unexpected{t.error()};
    if (*t) out.push_back(**t);
  }
  return out;
}

}  // namespace sk::client
