#include "sk/protocol/protocol.hpp"

namespace sk::protocol {

namespace {

constexpr std::string_view kLoginDomain = "spillkontakt/auth/v1";
constexpr std::string_view kOrgEnrollDomain = "spillkontakt/enroll/org/v1";

void append(Bytes& out, ByteView b) {
  out.insert(out.end(), b.begin(), b.end());
}
void append(Bytes& out, std::string_view s) {
  out.insert(out.end(), s.begin(), s.end());
}

// label ‖ 0x00 ‖ first ‖ 0x00 ‖ second: the layout of every server-facing string below.
Bytes separated(std::string_view label, std::string_view first, ByteView second) {
  Bytes out;
  out.reserve(label.size() + first.size() + second.size() + 2);
  append(out, label);
  out.push_back(0);
  append(out, first);
  out.push_back(0);
  append(out, second);
  return out;
}

}  // namespace

Bytes login_message(std::string_view device_id, ByteView nonce) {
  return separated(kLoginDomain, device_id, nonce);
}

Bytes org_transcript(std::string_view org_id, const crypto::X25519PublicKey& recovery) {
  return separated(kOrgEnrollDomain, org_id, recovery.view());
}

Result<Bytes> pairing_transcript(model::Role sender_role, model::Role receiver_role,
                                 const crypto::DevicePublicKeys& sender,
                                 const crypto::DevicePublicKeys& receiver) {
  if (sender_role == receiver_role)
    return fail("protocol.bad_roles",
                "the two sides of a code exchange must have different roles (docs/protocol.md §7.1)");
  return crypto::pairing_transcript(model::to_string(sender_role), sender, receiver);
}

Bytes envelope_context(std::string_view case_id, std::string_view event_id, model::Audience audience) {
  Bytes out;
  const auto audience_text = model::to_string(audience);
  out.reserve(case_id.size() + event_id.size() + audience_text.size() + 2);
  append(out, case_id);
  out.push_back(0);
  append(out, event_id);
  out.push_back(0);
  append(out, audience_text);
  return out;
}

crypto::EnvelopeKind envelope_kind_for(model::Audience audience) {
  return audience == model::Audience::kTeam ? crypto::EnvelopeKind::record : crypto::EnvelopeKind::chat;
}

}  // namespace sk::protocol
