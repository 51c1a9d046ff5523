// Routes: enrollment with one-time codes, and the youth's redemption of a pairing code.
// The code's secret never reaches the server; it stores and relays the confirmation blobs.
#include "api_context.hpp"
#include "ids.hpp"
#include "json_body.hpp"
#include "sk/core/encoding.hpp"

namespace sk::backend::routes {

using route_util::failed;

namespace {

constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kMaxConfirmation = 256;
constexpr std::size_t kMaxDeviceName = 64;
constexpr std::int64_t kDefaultCodeTtl = 72 * 3600;
constexpr std::int64_t kMaxCodeTtl = 30 * 24 * 3600;

std::string_view state_name(CodeState s) {
  switch (s) {
    case CodeState::pending:
      return "pending";
    case CodeState::used:
      return "used";
    case CodeState::expired:
      return "expired";
  }
  return "pending";
}

// Shared by /v1/enroll and /v1/pairing/redeem.
void redeem(ApiContext& ctx, Call call, CodeKind kind) {
  auto body =
      JsonBody::parse(call.request.body, {"lookup", "ed25519", "x25519", "confirmation", "device_name"});
  if (!body) return call.respond(errors::bad_json());
  Redemption r;
  r.lookup = body->string("lookup", 16);
  r.keys.ed25519 = body->base64("ed25519", kKeyBytes, kKeyBytes);
  r.keys.x25519 = body->base64("x25519", kKeyBytes, kKeyBytes);
  r.confirmation = body->optional_base64("confirmation", 1, kMaxConfirmation);
  r.device_name = body->optional_string("device_name", kMaxDeviceName).value_or("");
  if (!body->ok() || !is_lookup(r.lookup)) return call.respond(errors::bad_json());
  // Guessing lookup ids is limited per IP (router) and per lookup id (here).
  int retry = 1;
  if (!ctx.lookup_limiter.allow(r.lookup, &retry)) return call.respond(errors::rate_limited(retry));

  auto done = ctx.storage.redeem_code(kind, r, now_ms());
  if (failed(done, call)) return;
  auto org = ctx.storage.find_org(done->org_id);
  if (failed(org, call)) return;
  if (!org->has_value()) return call.respond(errors::internal());

  nlohmann::json issuer = {{"device_id", nullptr}, {"ed25519", nullptr}, {"x25519", nullptr}};
  if (done->issuer_device) issuer = route_util::device_json(*done->issuer_device);
  nlohmann::json out = {
      {"org_id", done->org_id},
      {"principal_id", done->principal_id},
      {"device_id", done->device_id},
      {"role", model::to_string(done->role)},
      {"org", {{"name", (*org)->name}, {"recovery_x25519", base64url_encode((*org)->recovery_x25519)}}},
      {"issuer", issuer},
      {"issuer_confirmation", nullptr}};
  if (!done->issuer_confirmation.empty())
    out["issuer_confirmation"] = base64url_encode(done->issuer_confirmation);
  if (kind == CodeKind::pair) out["case_id"] = done->case_id;
  // A new device is a directory change: of its case (a youth), of every case (a supervisor).
  if (kind == CodeKind::pair) {
    ctx.hub.notify({wake_key::case_changed(done->case_id)});
  } else if (done->role == Role::kSupervisor) {
    ctx.hub.notify({wake_key::org(done->org_id)});
  }
  route_util::audit(
      ctx, kind == CodeKind::pair ? "pair" : "enroll", done->org_id, done->principal_id, done->device_id,
      kind == CodeKind::pair ? "case " + done->case_id : "role " + std::string(model::to_string(done->role)));
  call.respond(json_response(201, out.dump()));
}

}  // namespace

void enroll(ApiContext& ctx, Call call) {
  redeem(ctx, std::move(call), CodeKind::enroll);
}
void redeem_pairing(ApiContext& ctx, Call call) {
  redeem(ctx, std::move(call), CodeKind::pair);
}

void issue_enroll_code(ApiContext& ctx, Call call) {
  const auto& caller = *call.caller;
  if (caller.role != Role::kSupervisor) return call.respond(errors::forbidden());
  auto body = JsonBody::parse(call.request.body, {"lookup", "role", "expires_in", "confirmation"});
  if (!body) return call.respond(errors::bad_json());
  CodeIssue code;
  code.kind = CodeKind::enroll;
  code.lookup = body->string("lookup", 16);
  const auto role = model::role_from_string(body->string("role", 16));
  const auto ttl = body->integer("expires_in", 60, kMaxCodeTtl, kDefaultCodeTtl);
  code.confirmation = body->optional_base64("confirmation", 1, kMaxConfirmation);
  if (!body->ok() || !is_lookup(code.lookup) || !role || *role == Role::kYouth) {
    return call.respond(errors::bad_json());
  }
  // Between two supervisors a device-to-device key confirmation would have equal roles, which
  // docs/protocol.md §7.1 forbids: supervisor codes come from `admin enroll-code` (§7.2).
  if (*role == Role::kSupervisor) return call.respond(errors::forbidden());
  const auto now = now_ms();
  code.role = *role;
  code.org_id = caller.org_id;
  code.issuer_principal = caller.principal_id;
  code.issuer_device = caller.device_id;
  code.expires_at = now + ttl * 1000;
  if (failed(ctx.storage.issue_code(code, now), call)) return;
  route_util::audit(ctx, "enroll_code", caller.org_id, caller.principal_id, caller.device_id,
                    "role " + std::string(model::to_string(code.role)));
  const nlohmann::json out = {{"lookup", code.lookup}, {"expires_at", code.expires_at}};
  call.respond(json_response(201, out.dump()));
}

void code_status(ApiContext& ctx, Call call) {
  const auto& lookup = call.params[0];
  if (!is_lookup(lookup)) return call.respond(errors::not_found());
  CodeParty party = CodeParty::issuer;
  auto st = ctx.storage.code_status(lookup, call.caller->principal_id, now_ms(), &party);
  if (failed(st, call)) return;
  auto device = [](const std::optional<Device>& d) -> nlohmann::json {
    if (!d) return nullptr;
    auto j = route_util::device_json(*d);
    j["principal_id"] = d->principal_id;
    return j;
  };
  auto blob = [](const Bytes& b) -> nlohmann::json {
    return b.empty() ? nlohmann::json() : nlohmann::json(base64url_encode(b));
  };
  const nlohmann::json out = {
      {"lookup", lookup},
      {"kind", st->kind == CodeKind::pair ? "pair" : "enroll"},
      {"status", state_name(st->state)},
      {"you_are", party == CodeParty::issuer ? "issuer" : "redeemer"},
      {"case_id", st->case_id.empty() ? nlohmann::json() : nlohmann::json(st->case_id)},
      {"issuer", device(st->issuer)},
      {"issuer_confirmation", blob(st->issuer_confirmation)},
      {"redeemer", device(st->redeemer)},
      {"redeemer_confirmation", blob(st->redeemer_confirmation)}};
  call.respond(json_response(200, out.dump()));
}

void set_code_confirmation(ApiContext& ctx, Call call) {
  const auto& lookup = call.params[0];
  if (!is_lookup(lookup)) return call.respond(errors::not_found());
  auto body = JsonBody::parse(call.request.body, {"confirmation"});
  if (!body) return call.respond(errors::bad_json());
  const auto confirmation = body->base64("confirmation", 1, kMaxConfirmation);
  if (!body->ok()) return call.respond(errors::bad_json());
  if (failed(ctx.storage.set_confirmation(lookup, call.caller->principal_id, confirmation), call)) return;
  call.respond(json_response(200, nlohmann::json{{"lookup", lookup}, {"stored", true}}.dump()));
}

}  // namespace sk::backend::routes
