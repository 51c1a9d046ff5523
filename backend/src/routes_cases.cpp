// Routes: cases (creation with a pairing invite, further pairing codes, listing, members, consent)
// and the key directory.
#include "api_context.hpp"
#include "ids.hpp"
#include "json_body.hpp"
#include "sk/core/encoding.hpp"

namespace sk::backend::routes {

using route_util::failed;

namespace {
constexpr std::size_t kMaxConfirmation = 256;
constexpr std::int64_t kDefaultCodeTtl = 72 * 3600;
constexpr std::int64_t kMaxCodeTtl = 30 * 24 * 3600;

nlohmann::json case_json(const CaseInfo& c) {
  return {{"case_id", c.id},
          {"youth_consent", c.youth_consent},
          {"paired", !c.youth_principal.empty()},
          {"directory", c.directory_version}};
}

// The pairing code a contact's device drew: {"lookup","expires_in"?,"confirmation"?}.
std::optional<CodeIssue> pairing_code(const Call& call, std::int64_t now) {
  const auto& caller = *call.caller;
  auto body = JsonBody::parse(call.request.body, {"lookup", "expires_in", "confirmation"});
  if (!body) return std::nullopt;
  CodeIssue code;
  code.kind = CodeKind::pair;
  code.lookup = body->string("lookup", 16);
  const auto ttl = body->integer("expires_in", 60, kMaxCodeTtl, kDefaultCodeTtl);
  code.confirmation = body->optional_base64("confirmation", 1, kMaxConfirmation);
  if (!body->ok() || !is_lookup(code.lookup)) return std::nullopt;
  code.role = Role::kYouth;
  code.org_id = caller.org_id;
  code.issuer_principal = caller.principal_id;
  code.issuer_device = caller.device_id;
  code.expires_at = now + ttl * 1000;
  return code;
}

nlohmann::json code_json(const std::string& case_id, const CodeIssue& code) {
  return {{"case_id", case_id}, {"lookup", code.lookup}, {"expires_at", code.expires_at}};
}
}  // namespace

void create_case(ApiContext& ctx, Call call) {
  const auto& caller = *call.caller;
  if (caller.role != Role::kContact) return call.respond(errors::forbidden());
  const auto now = now_ms();
  const auto code = pairing_code(call, now);
  if (!code) return call.respond(errors::bad_json());
  auto case_id = ctx.storage.create_case(*code, now);
  if (failed(case_id, call)) return;
  // The contact's other devices and the organisation's supervisors gain the case.
  ctx.hub.notify({wake_key::principal(caller.principal_id), wake_key::org_supervisors(caller.org_id)});
  route_util::audit(ctx, "case_created", caller.org_id, caller.principal_id, caller.device_id,
                    "case " + *case_id);
  call.respond(json_response(201, code_json(*case_id, *code).dump()));
}

void create_pairing_code(ApiContext& ctx, Call call) {
  const auto& caller = *call.caller;
  Response error;
  auto c = route_util::visible_case(ctx, caller, call.params[0], &error);
  if (!c) return call.respond(error);
  if (caller.role != Role::kContact) return call.respond(errors::forbidden());
  const auto now = now_ms();
  const auto code = pairing_code(call, now);
  if (!code) return call.respond(errors::bad_json());
  if (failed(ctx.storage.issue_pairing_code(*code, c->id, now), call)) return;
  route_util::audit(ctx, "pairing_code", caller.org_id, caller.principal_id, caller.device_id,
                    "case " + c->id);
  call.respond(json_response(201, code_json(c->id, *code).dump()));
}

void list_cases(ApiContext& ctx, Call call) {
  auto cases = ctx.storage.list_cases(*call.caller);
  if (failed(cases, call)) return;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : *cases) list.push_back(case_json(c));
  call.respond(json_response(200, nlohmann::json{{"cases", list}}.dump()));
}

void add_member(ApiContext& ctx, Call call) {
  const auto& caller = *call.caller;
  Response error;
  auto c = route_util::visible_case(ctx, caller, call.params[0], &error);
  if (!c) return call.respond(error);
  if (caller.role != Role::kSupervisor) return call.respond(errors::forbidden());
  auto body = JsonBody::parse(call.request.body, {"principal_id"});
  if (!body) return call.respond(errors::bad_json());
  const auto principal = body->string("principal_id", 64);
  if (!body->ok() || !is_id(principal)) return call.respond(errors::bad_json());
  auto role = ctx.storage.principal_role(caller.org_id, principal);
  if (failed(role, call)) return;
  if (*role != Role::kContact) return call.respond(errors::bad_json());
  if (failed(ctx.storage.add_contact(c->id, principal), call)) return;
  ctx.hub.notify({wake_key::case_changed(c->id), wake_key::principal(principal)});
  route_util::audit(ctx, "member_added", caller.org_id, principal, caller.device_id, "case " + c->id);
  call.respond(json_response(200, nlohmann::json{{"case_id", c->id}, {"principal_id", principal}}.dump()));
}

void set_consent(ApiContext& ctx, Call call) {
  const auto& caller = *call.caller;
  Response error;
  auto c = route_util::visible_case(ctx, caller, call.params[0], &error);
  if (!c) return call.respond(error);
  if (caller.role != Role::kYouth) return call.respond(errors::forbidden());
  auto body = JsonBody::parse(call.request.body, {"supervisors_may_read"});
  if (!body) return call.respond(errors::bad_json());
  const bool consent = body->boolean("supervisors_may_read");
  if (!body->ok()) return call.respond(errors::bad_json());
  if (failed(ctx.storage.set_consent(c->id, consent), call)) return;
  ctx.hub.notify({wake_key::case_changed(c->id)});
  route_util::audit(ctx, "consent", caller.org_id, caller.principal_id, caller.device_id,
                    "case " + c->id + (consent ? " on" : " off"));
  call.respond(
      json_response(200, nlohmann::json{{"case_id", c->id}, {"supervisors_may_read", consent}}.dump()));
}

void key_directory(ApiContext& ctx, Call call) {
  const auto& caller = *call.caller;
  Response error;
  auto c = route_util::visible_case(ctx, caller, call.params[0], &error);
  if (!c) return call.respond(error);
  auto org = ctx.storage.find_org(c->org_id);
  if (failed(org, call)) return;
  if (!org->has_value()) return call.respond(errors::internal());
  auto members = ctx.storage.key_directory(*c);
  if (failed(members, call)) return;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& m : *members) {
    nlohmann::json devices = nlohmann::json::array();
    for (const auto& d : m.devices) devices.push_back(route_util::device_json(d));
    list.push_back(
        {{"principal_id", m.principal_id}, {"role", model::to_string(m.role)}, {"devices", devices}});
  }
  const nlohmann::json out = {
      {"case_id", c->id},
      {"org", {{"org_id", c->org_id}, {"recovery_x25519", base64url_encode((*org)->recovery_x25519)}}},
      {"youth_consent", c->youth_consent},
      {"members", list}};
  call.respond(json_response(200, out.dump()));
}

}  // namespace sk::backend::routes
