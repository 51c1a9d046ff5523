#pragma once
// The byte strings and mappings the protocol defines between devices and the server, in one
// place for every layer (backend, client, tools, tests). docs/protocol.md is normative; each
// function cites the section it implements. Pure functions: no I/O, no state.

#include <string_view>

#include "sk/core/bytes.hpp"
#include "sk/core/result.hpp"
#include "sk/crypto/envelope.hpp"
#include "sk/crypto/identity.hpp"
#include "sk/crypto/keys.hpp"
#include "sk/model/audience.hpp"
#include "sk/model/principal.hpp"

namespace sk::protocol {

// The bytes a device signs to log in (docs/protocol.md §2.5, docs/api.md "Authentication"):
// "spillkontakt/auth/v1" ‖ 0x00 ‖ device_id ‖ 0x00 ‖ nonce (raw 32 bytes).
Bytes login_message(std::string_view device_id, ByteView nonce);

// The organisation's keys confirmed by an admin-issued supervisor code, which has no issuing
// device (docs/protocol.md §7.2):
// "spillkontakt/enroll/org/v1" ‖ 0x00 ‖ org_id ‖ 0x00 ‖ recovery_x25519 (32 bytes).
Bytes org_transcript(std::string_view org_id, const crypto::X25519PublicKey& recovery);

// The transcript one side of a device-to-device code exchange confirms (docs/protocol.md §7.1):
// "spillkontakt/v1/pairing-transcript" ‖ u8(len(role)) ‖ role ‖ sender keys ‖ receiver keys,
// with the sender's role. `sender` is the side computing its own confirmation. The two roles
// MUST differ, so that a confirmation cannot be reflected back to its sender: equal roles give
// Error "protocol.bad_roles". (Only the sender's role enters the bytes; the receiver's is
// taken so that this, the only public entry point, can enforce the rule.)
Result<Bytes> pairing_transcript(model::Role sender_role, model::Role receiver_role,
                                 const crypto::DevicePublicKeys& sender,
                                 const crypto::DevicePublicKeys& receiver);

// The envelope's binding to its place (docs/protocol.md §3.1, "context"):
// case_id ‖ 0x00 ‖ event_id ‖ 0x00 ‖ audience text ("case", "team", "youth_consented").
// Ids never contain 0x00 (docs/api.md "Conventions"), so the split is unambiguous.
Bytes envelope_context(std::string_view case_id, std::string_view event_id, model::Audience audience);

// The envelope kind an audience's events are sealed as (docs/protocol.md §4): team →
// record (signed notes, guidance, concerns, grants); case and youth_consented → chat. An
// opener so knows the expected kind from the routing metadata alone.
crypto::EnvelopeKind envelope_kind_for(model::Audience audience);

}  // namespace sk::protocol
