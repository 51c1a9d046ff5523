#pragma once
// Key confirmation through one-time codes (docs/protocol.md §7, docs/api.md "Enrollment and
// pairing codes"). The server relays each side's keys and confirmation; each side checks the
// other's confirmation against the keys *as it received them* before trusting them, so a server
// that swaps a key is caught.
//
// Order of one exchange between two devices (contact code, pairing code):
//   1. redeemer_announce  the redeemer learns the issuer's keys and uploads its confirmation
//   2. issuer_confirm     the issuer verifies the redeemer's, trusts it, uploads its own
//   3. redeemer_confirm   the redeemer verifies the issuer's and trusts it

#include <string>
#include <string_view>

#include "sk/core/bytes.hpp"
#include "sk/core/result.hpp"
#include "sk/crypto/one_time_code.hpp"
#include "support/device_profile.hpp"

namespace sk::integration {

struct CodeRoles {
  std::string issuer;    // "supervisor" for a contact code, "contact" for a pairing code
  std::string redeemer;  // "contact" or "youth"
};

// GET /v1/codes/{lookup} as seen by one party; confirmations are empty until uploaded.
struct RelayedCode {
  std::string status;
  std::optional<RelayedDevice> issuer;
  std::optional<RelayedDevice> redeemer;
  Bytes issuer_confirmation;
  Bytes redeemer_confirmation;
};
Result<RelayedCode> fetch_code(DeviceProfile& me, const std::string& lookup, const CodeRoles& roles);

// True when `confirmation` proves that someone holding `code` sent `sender`'s keys, under
// `sender_role`, to `receiver`.
bool confirms(const crypto::OneTimeCode& code, std::string_view sender_role,
              const crypto::DevicePublicKeys& sender, const crypto::DevicePublicKeys& receiver,
              ByteView confirmation);

// The organisation's keys as an admin-issued supervisor code confirms them (docs/api.md).
// LAYER GAP: this transcript is built only in backend/src/transcripts.cpp (org_transcript); no
// client-side layer offers it (sk_crypto has pairing_transcript only) and protocol.md §7 does not
// define it. Written here from docs/api.md.
Bytes org_transcript(std::string_view org_id, const crypto::X25519PublicKey& recovery);
// Checks the organisation's recovery key in a supervisor's /v1/enroll response against the
// admin's confirmation; returns the key to trust.
Result<crypto::X25519PublicKey> check_org_keys(const crypto::OneTimeCode& code,
                                               const nlohmann::json& enrolled);

Result<RelayedDevice> redeemer_announce(DeviceProfile& redeemer, const crypto::OneTimeCode& code,
                                        const CodeRoles& roles);
Result<RelayedDevice> issuer_confirm(DeviceProfile& issuer, const crypto::OneTimeCode& code,
                                     const CodeRoles& roles);
Result<void> redeemer_confirm(DeviceProfile& redeemer, const crypto::OneTimeCode& code,
                              const CodeRoles& roles, const RelayedDevice& issuer);

}  // namespace sk::integration
