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
#include <set>
#include <string>
#include <vector>

#include "api.hpp"
#include "sk/client/case_fold.hpp"
#include "sk/crypto/identity.hpp"
#include "sk/model/audience.hpp"
#include "sk/model/case.hpp"
#include "sk/model/event_bodies.hpp"
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

// Takes in a vouch by a trusted author: every listed device that belongs to a member of the case
// in that member's role, and that this device does not trust yet, is trusted as vouched by the
// author. A listed device this device trusts with other keys is not changed; that is returned
// as a warning. Returns whether anything new is trusted.
Result<bool> absorb_vouch(store::Store& store, const model::Case& c, const model::KeyVouch& vouch,
                          const std::string& voucher_device_id, std::vector<std::string>& warnings);

// The vouches this device should publish in case `c` now. When the devices it trusts among the
// case's members include one it has not vouched for there yet (`already` lists the device ids of
// its own earlier vouches, per audience), it vouches for all of them again: a vouch is sealed to
// the audience as it is then, so a newcomer never saw the earlier ones, and it needs the whole
// roster to trust the devices whose history it is about to be granted. Youth publish none.
struct VouchPlan {
  std::vector<model::VouchedDevice> for_case;  // case_vouch: youth and contacts learn them
  std::vector<model::VouchedDevice> for_team;  // team_vouch: contacts and supervisors learn them
};
Result<VouchPlan> plan_vouches(store::Store& store, const Self& self, const model::Case& c,
                               const std::set<std::string>& already_case,
                               const std::set<std::string>& already_team);

// Applies a fresh key directory: membership into `cases`, revocations into `peers`. Returns
// warnings for trusted devices whose keys the server now shows differently.
Result<std::vector<std::string>> apply_directory(store::Store& store, const api::KeyDirectory& directory,
                                                 const std::string& label);

}  // namespace sk::client
