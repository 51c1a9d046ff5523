#pragma once
// Opening one fetched envelope: verify and decrypt it as its routing metadata says (author,
// kind, context), decode the event, and check that it belongs where the server put it.

#include <optional>
#include <string>

#include "api.hpp"
#include "sk/crypto/envelope.hpp"
#include "sk/model/case.hpp"
#include "sk/store/records.hpp"
#include "trust.hpp"

namespace sk::client {

struct OpenOutcome {
  enum class Kind {
    kStored,      // `record` is ready to store
    kNotForMe,    // sealed for other devices (another audience's member, or before this device existed)
    kRetryLater,  // its author is not trusted (yet): keep it sealed and try again when trust changes
    kRejected,    // forged, tampered or misplaced: quarantined for good
  };
  Kind kind = Kind::kRejected;
  std::optional<store::EventRecord> record;
  std::optional<crypto::Opened> opened;  // kStored: what opening revealed (the file key, for grants)
  std::string reason;                    // an error code or a sentence; never content
};

// A history grant for one envelope (docs/protocol.md §5) and the device that made it.
struct GrantFor {
  Bytes grant;
  std::string granter_device;
};

// Opens `envelope` as one of its recipients, or, given `grant`, through that grant (the
// granter must be trusted as well as the author).
OpenOutcome open_envelope(store::Store& store, const Self& self, const crypto::DeviceIdentity& identity,
                          crypto::PairwiseCache& cache, const model::Case& c, const std::string& case_id,
                          const api::Envelope& envelope, const GrantFor* grant = nullptr);

}  // namespace sk::client
