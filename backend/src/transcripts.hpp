#pragma once
// The byte strings that one-time-code key confirmations are computed over (docs/api.md,
// "Enrollment"). The server never verifies them (it lacks the code's secret); the admin CLI
// computes the issuer side of the codes it issues, and tests use them as clients would.

#include <string_view>

#include "sk/core/bytes.hpp"

namespace sk::backend {

// The organisation's keys, as confirmed by a code issued by `admin` (no issuer device).
Bytes org_transcript(std::string_view org_id, ByteView recovery_x25519);
// The organisation's keys plus the issuing device's keys.
Bytes org_transcript(std::string_view org_id, ByteView recovery_x25519, ByteView issuer_ed25519,
                     ByteView issuer_x25519);
// The enrolling or redeeming device's own keys.
Bytes device_transcript(ByteView ed25519, ByteView x25519);

}  // namespace sk::backend
