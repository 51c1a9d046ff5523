#pragma once
// Trust: which keys this device uses, read from and written to the store's `peers` table.
//
// Rules:
//  - A device's keys are used (sealed to, accepted as an author) only after a one-time code
//    confirmed them (Verification::kCode). The server's key directory only says who is a member;
//    it never makes a key trusted.
//  - A trusted device whose keys the directory shows changed is not trusted with the new keys:
//    the change is reported as a warning, and the old keys stay in use.
//  - A device the directory shows revoked is revoked here too, for good.
//  - Team events are also sealed to the organisation's recovery key (when this device knows it
//    from a confirmed enrollment code).

#include <optional>
#include <string>
#include <vector>

#include "api.hpp"
#include "sk/client/case_fold.hpp"
#include "sk/crypto/identity.hpp"
#include "sk/model/audience.hpp"
#include "sk/model/case.hpp"
#include "sk/store/store.hpp"

namespace sk::client {

// This device as the trust rules need it.
struct Self {
  std::string principal_id;
  std::string device_id;
  std::string role;
  crypto::DevicePublicKeys keys;
};

struct TrustedDevice {
  std::string device_id;
  std::string principal_id;
  std::string role;
  crypto::DevicePublicKeys keys;
};

// The keys this device trusts for `device_id` (itself included); nullopt when not trusted.
Result<std::optional<TrustedDevice>> trusted(store::Store& store, const Self& self,
                                             const std::string& device_id);

Result<void> trust_confirmed(store::Store& store, const api::RelayedDevice& device, const std::string& role);

// Every device that may read `audience` in case `c`: trusted, unrevoked devices of its members,
// this principal's own devices (this one included, so a restored profile can read its own
// history), and for team events the organisation's recovery key.
Result<std::vector<crypto::DevicePublicKeys>> recipients(store::Store& store, const Self& self,
                                                         const model::Case& c, model::Audience audience);

// Applies a fresh key directory: membership into `cases`, revocations into `peers`. Returns
// warnings for trusted devices whose keys the server now shows differently.
Result<std::vector<std::string>> apply_directory(store::Store& store, const api::KeyDirectory& directory,
                                                 const std::string& label);

}  // namespace sk::client
