#pragma once
// Key confirmation through one-time codes (docs/protocol.md §7, docs/api.md "Enrollment and
// pairing codes"), as one pure decision per look at the code's status. The server relays each
// side's keys and confirmation; each side checks the other's confirmation against the keys as it
// received them before trusting them, so a server that swaps a key is caught.
//
// Order of one exchange between two devices:
//   1. the redeemer learns the issuer's keys and uploads its confirmation
//   2. the issuer verifies the redeemer's, trusts it, uploads its own
//   3. the redeemer verifies the issuer's and trusts it

#include <optional>
#include <string>

#include "api.hpp"
#include "sk/crypto/one_time_code.hpp"
#include "sk/store/records.hpp"

namespace sk::client {

struct CodeStep {
  enum class Outcome {
    kWait,       // nothing to do yet
    kConfirmed,  // trust `peer`; upload `confirmation` when it is not empty
    kMismatch,   // the relayed keys are not what the code confirms: trust nothing
    kExpired,    // the code expired before it was redeemed
  };
  Outcome outcome = Outcome::kWait;
  std::optional<api::RelayedDevice> peer;
  Bytes confirmation;  // this side's confirmation, to upload
};

// What to do now about `pending`, given the server's view of the code. `my_role` is this
// device's role. Errors: code.malformed (a stored code that no longer parses), protocol.bad_roles.
Result<CodeStep> next_code_step(const store::PendingCode& pending, const api::CodeStatus& status,
                                const std::string& my_role, const crypto::DevicePublicKeys& mine);

// The confirmation a redeemer uploads right after redeeming, over the issuer's keys as relayed.
Result<Bytes> redeemer_confirmation(const crypto::OneTimeCode& code, const std::string& my_role,
                                    const std::string& issuer_role, const crypto::DevicePublicKeys& mine,
                                    const crypto::DevicePublicKeys& issuer);

}  // namespace sk::client
