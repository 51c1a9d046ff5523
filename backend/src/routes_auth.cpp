// Routes: challenge–response authentication, who am I, the organisation, device revocation.
#include <spdlog/spdlog.h>

#include "api_context.hpp"
#include "ids.hpp"
#include "json_body.hpp"
#include "sk/core/encoding.hpp"

namespace sk::backend::routes {

using route_util::failed;

void auth_challenge(ApiContext& ctx, Call call) {
  auto body = JsonBody::parse(call.request.body, {"device_id"});
  if (!body) return call.respond(errors::bad_json());
  const auto device_id = body->string("device_id", 64);
  if (!body->ok() || !is_id(device_id)) return call.respond(errors::bad_json());
  const nlohmann::json out = {{"nonce", ctx.auth.challenge(device_id)},
                              {"expires_in", Authenticator::kChallengeTtl.count()}};
  call.respond(json_response(200, out.dump()));
}

void auth_token(ApiContext& ctx, Call call) {
  auto body = JsonBody::parse(call.request.body, {"device_id", "nonce", "signature"});
  if (!body) return call.respond(errors::bad_json());
  const auto device_id = body->string("device_id", 64);
  const auto nonce = body->string("nonce", 64);
  const auto signature = body->base64("signature", 64, 64);
  if (!body->ok()) return call.respond(errors::bad_json());
  auto issued = ctx.auth.issue(device_id, nonce, signature);
  if (!issued) {
    if (issued.error().code == "unauthorized") return call.respond(errors::unauthorized());
    return call.respond(errors::unavailable());
  }
  route_util::audit(ctx, "token", issued->caller.org_id, issued->caller.principal_id,
                    issued->caller.device_id);
  const nlohmann::json out = {{"token", issued->token}, {"expires_in", issued->expires_in}};
  call.respond(json_response(200, out.dump()));
}

void me(ApiContext&, Call call) {
  const auto& c = *call.caller;
  const nlohmann::json out = {{"org_id", c.org_id},
                              {"principal_id", c.principal_id},
                              {"device_id", c.device_id},
                              {"role", model::to_string(c.role)}};
  call.respond(json_response(200, out.dump()));
}

void org(ApiContext& ctx, Call call) {
  auto found = ctx.storage.find_org(call.caller->org_id);
  if (failed(found, call)) return;
  if (!found->has_value()) return call.respond(errors::not_found());
  const auto& o = **found;
  const nlohmann::json out = {
      {"org_id", o.id}, {"name", o.name}, {"recovery_x25519", base64url_encode(o.recovery_x25519)}};
  call.respond(json_response(200, out.dump()));
}

void revoke_device(ApiContext& ctx, Call call) {
  const auto& caller = *call.caller;
  const auto& device_id = call.params[0];
  if (!is_id(device_id)) return call.respond(errors::not_found());
  auto found = ctx.storage.find_device(device_id);
  if (failed(found, call)) return;
  if (!found->has_value() || (*found)->org_id != caller.org_id) return call.respond(errors::not_found());
  const bool own = (*found)->principal_id == caller.principal_id;
  if (!own && caller.role != Role::kSupervisor) return call.respond(errors::forbidden());
  auto revoked = ctx.storage.revoke_device(device_id, now_ms());
  if (failed(revoked, call)) return;
  // Its own waits answer 401 now; its cases' members see the directory change.
  if (*revoked) route_util::notify_device_change(ctx, **found);
  route_util::audit(ctx, "revoke", caller.org_id, (*found)->principal_id, device_id,
                    "by device " + caller.device_id);
  const nlohmann::json out = {{"device_id", device_id}, {"revoked", true}};
  call.respond(json_response(200, out.dump()));
}

}  // namespace sk::backend::routes
