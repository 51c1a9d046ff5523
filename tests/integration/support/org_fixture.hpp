#pragma once
// Org: a real backend with one organisation and the whole cast of one case, every key confirmed
// the way the apps will do it:
//   admin init → the supervisor enrolls and checks the organisation's key confirmation
//   → the supervisor issues a contact code → contact and supervisor confirm each other's keys
//   → the contact creates a case → the youth redeems its pairing code → youth and contact
//   confirm each other's keys
// and then the vouches the code exchanges can't give: the contact vouches for the youth to the
// supervisor and for the supervisor to the youth; the supervisor vouches for the recovery key.

#include <memory>
#include <string>

#include "harness/scenario.hpp"
#include "harness/server_process.hpp"
#include "sk/crypto/one_time_code.hpp"
#include "sk/model/event.hpp"
#include "support/device_profile.hpp"
#include "support/key_confirmation.hpp"

namespace sk::integration {

// Throws std::runtime_error naming `what` when `r` failed: for setting up scenarios.
template <class T>
T must(Result<T> r, const std::string& what) {
  if (!r) throw std::runtime_error(what + ": " + r.error().code + " " + r.error().message);
  return std::move(*r);
}
void must(Result<void> r, const std::string& what);

// `who` does something in the app: the event goes to its store and outbox (record_action).
model::Event act(DeviceProfile& who, const std::string& case_id, model::Event::Body body);

inline const CodeRoles kContactCode{"supervisor", "contact"};
inline const CodeRoles kPairingCode{"contact", "youth"};

// The supervisor enrolls with the admin's code and checks the organisation's recovery key
// against the code's confirmation (e2e.key_substitution when it does not match).
Result<std::unique_ptr<DeviceProfile>> enroll_supervisor(backend::test::Scenario& s,
                                                         const std::string& code_text,
                                                         const std::filesystem::path& db);
// The device enrolls or redeems; the code's lookup is uploaded by the issuer beforehand.
Result<std::unique_ptr<DeviceProfile>> enroll_with(backend::test::Scenario& s,
                                                   const crypto::OneTimeCode& code,
                                                   const std::filesystem::path& db);
Result<std::unique_ptr<DeviceProfile>> redeem_pairing(backend::test::Scenario& s,
                                                      const crypto::OneTimeCode& code,
                                                      const std::filesystem::path& db);
// Issues a fresh code from `issuer` (POST `path` with the lookup and `extra` members).
crypto::OneTimeCode issue_code(DeviceProfile& issuer, const std::string& path, const nlohmann::json& extra,
                               nlohmann::json* response = nullptr);

// `voucher` tells `to` about `device_id`, which `voucher` trusts (out of band, see DeviceProfile).
Result<void> vouch(DeviceProfile& voucher, DeviceProfile& to, const std::string& device_id);

class Org {
 public:
  Org();

  backend::test::Scenario& scenario() { return scenario_; }
  const std::filesystem::path& profiles_dir() const { return profiles_.path(); }
  DeviceProfile& supervisor() { return *supervisor_; }
  DeviceProfile& contact() { return *contact_; }
  DeviceProfile& youth() { return *youth_; }
  const std::string& case_id() const { return case_id_; }
  // Refreshes every profile's view of the case's membership (after a consent change, say).
  void refresh_case();

 private:
  backend::test::TempDir profiles_;  // declared first: outlives the stores inside it
  backend::test::Scenario scenario_;
  std::unique_ptr<DeviceProfile> supervisor_;
  std::unique_ptr<DeviceProfile> contact_;
  std::unique_ptr<DeviceProfile> youth_;
  std::string case_id_;
};

}  // namespace sk::integration
