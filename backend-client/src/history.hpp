#pragma once
// History for newcomers (docs/sync.md, "History"): which devices this device should grant the
// past envelopes of a case to, and what it has published there already.
//
// Rules:
//  - One deterministic device grants: the contact device with the lowest device id among the
//    case's trusted, unrevoked contact devices other than the newcomer. Every device computes
//    the same from the same directory and trust, so grants are not made twice over.
//  - A grant is made only for an envelope the newcomer's audience may read and that was not
//    sealed to the newcomer already (its key id is not among the envelope's recipients).

#include <map>
#include <set>
#include <string>
#include <vector>

#include "opener.hpp"
#include "sk/model/case.hpp"
#include "sk/store/store.hpp"
#include "trust.hpp"

namespace sk::client {

// What this device has published in a case: the devices it vouched for (per audience) and
// the devices it granted history to.
struct Published {
  std::set<std::string> vouched_case;
  std::set<std::string> vouched_team;
  std::set<std::string> granted;
};
Result<Published> published_by(store::Store& store, const std::string& case_id, const std::string& my_device);

// The history grants made for `my_device` that the store holds, by envelope event id.
Result<std::map<std::string, GrantFor>> grants_for(store::Store& store, const std::string& my_device);

// The trusted devices of case members for which this device is the granter.
Result<std::vector<TrustedDevice>> grantees(store::Store& store, const Self& self, const model::Case& c);

// Whether `reader` (a member's principal) may read events of `audience` in `c`, the youth's own
// check-ins included.
bool may_read(const model::Case& c, const std::string& principal, model::Audience audience);

}  // namespace sk::client
