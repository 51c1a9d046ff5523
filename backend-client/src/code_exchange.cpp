#include "code_exchange.hpp"

#include "sk/model/principal.hpp"
#include "sk/protocol/protocol.hpp"

namespace sk::client {

namespace {

Result<Bytes> transcript(const std::string& sender_role, const std::string& receiver_role,
                         const crypto::DevicePublicKeys& sender, const crypto::DevicePublicKeys& receiver) {
  const auto s = model::role_from_string(sender_role);
  const auto r = model::role_from_string(receiver_role);
  if (!s || !r) return fail("protocol.bad_roles", "unknown role in a code exchange");
  return protocol::pairing_transcript(*s, *r, sender, receiver);
}

}  // namespace

Result<Bytes> redeemer_confirmation(const crypto::OneTimeCode& code, const std::string& my_role,
                                    const std::string& issuer_role, const crypto::DevicePublicKeys& mine,
                                    const crypto::DevicePublicKeys& issuer) {
  auto t = transcript(my_role, issuer_role, mine, issuer);
  if (!t) return Unexpected{t.error()};
  return code.key_confirmation(*t);
}

Result<CodeStep> next_code_step(const store::PendingCode& pending, const api::CodeStatus& status,
                                const std::string& my_role, const crypto::DevicePublicKeys& mine) {
  auto code = crypto::OneTimeCode::parse(pending.code);
  if (!code) return Unexpected{code.error()};
  CodeStep step;
  if (pending.side == "issuer") {
    if (!status.redeemer) {
      if (status.status == "expired") step.outcome = CodeStep::Outcome::kExpired;
      return step;
    }
    if (status.redeemer_confirmation.empty()) return step;  // redeemed, confirmation still on its way
    auto theirs = transcript(pending.peer_role, my_role, status.redeemer->keys, mine);
    if (!theirs) return Unexpected{theirs.error()};
    if (!code->verify_key_confirmation(*theirs, status.redeemer_confirmation)) {
      step.outcome = CodeStep::Outcome::kMismatch;
      return step;
    }
    auto ours = transcript(my_role, pending.peer_role, mine, status.redeemer->keys);
    if (!ours) return Unexpected{ours.error()};
    step.outcome = CodeStep::Outcome::kConfirmed;
    step.peer = status.redeemer;
    if (status.issuer_confirmation.empty()) step.confirmation = code->key_confirmation(*ours);
    return step;
  }
  // Redeemer: the issuer's confirmation covers the issuer's keys and ours, as the server relayed them.
  if (!status.issuer || status.issuer_confirmation.empty()) return step;
  auto theirs = transcript(pending.peer_role, my_role, status.issuer->keys, mine);
  if (!theirs) return Unexpected{theirs.error()};
  step.outcome = code->verify_key_confirmation(*theirs, status.issuer_confirmation)
                     ? CodeStep::Outcome::kConfirmed
                     : CodeStep::Outcome::kMismatch;
  if (step.outcome == CodeStep::Outcome::kConfirmed) step.peer = status.issuer;
  return step;
}

}  // namespace sk::client
