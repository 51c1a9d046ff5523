#pragma once
// What the sync engine tells its owner: whether it is online (and if not, why), and what changed.

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sk/client/api_error.hpp"

namespace sk::client {

enum class Connectivity {
  kStarting,  // no answer from the server yet
  kOnline,    // the last exchange with the server succeeded
  kOffline,   // the last exchange failed; `last_error` says why, retry at `next_retry`
  kRevoked,   // this device was revoked: nothing is sent or fetched any more
  kStopped,
};
std::string_view to_string(Connectivity c);  // "starting", "online", …

struct SyncStatus {
  Connectivity connectivity = Connectivity::kStarting;
  std::optional<ApiError> last_error;  // set while offline or revoked
  std::chrono::system_clock::time_point next_retry{};
  std::int64_t pending = 0;           // own events not yet acknowledged by the server
  std::int64_t quarantined = 0;       // envelopes this device refused (see Client::quarantine)
  std::vector<std::string> warnings;  // e.g. "a device of Kari presented a new key; not trusted"
};

// One case's news: which event kinds arrived or were acknowledged, so a view folds only that.
struct CaseChange {
  std::string case_id;
  std::set<std::string> kinds;  // model kind tags ("chat_message", …)
  bool directory = false;       // membership, consent or trusted devices changed
};

struct Changes {
  std::vector<CaseChange> cases;
  bool cases_added_or_removed = false;
  bool status = false;  // SyncStatus changed (connectivity, pending count, warnings)
};

}  // namespace sk::client
