#pragma once
// A tiny sync step: the part of the one-way loop between the store and the server, done the way
// the sync engine (backend-client) will do it, but synchronously and without retries.
//
//   push: outbox (pending, in order) → mark in flight → seal for the audience's trusted devices
//         → POST /v1/cases/{id}/events → mark sent with the server's seq
//   pull: GET /v1/cases/{id}/events after the store's cursor (long-poll) → open each envelope as
//         its routing metadata says (author keys, kind, context) → decode → check it belongs
//         there → apply the page and move the cursor in one transaction
//   fold: the store's events in fold order → model::CaseState

#include <cstdint>
#include <string>
#include <vector>

#include "sk/core/bytes.hpp"
#include "sk/core/result.hpp"
#include "sk/crypto/envelope.hpp"
#include "sk/model/case_state.hpp"
#include "support/device_profile.hpp"

namespace sk::integration {

// The envelope's binding to its place: case id ‖ 0x00 ‖ event id ‖ 0x00 ‖ audience.
// LAYER GAP: protocol.md §3.1 says "case id ‖ event id ‖ audience" without separators or
// lengths, and no layer builds it; the separators keep the split unambiguous.
Bytes envelope_context(std::string_view case_id, std::string_view event_id, std::string_view audience);

// Team events (notes, guidance, concerns) are signed records; the rest is deniable chat.
// LAYER GAP: no layer maps event kinds to envelope kinds; deriving it from the audience lets an
// opener know the expected kind from routing metadata alone.
crypto::EnvelopeKind envelope_kind_for(std::string_view audience);

struct Acknowledged {
  std::int64_t seq = 0;
  std::int64_t received_at_ms = 0;
  bool duplicate = false;
};

// Seals one own event and appends it; does not touch the outbox (push_pending does).
Result<Acknowledged> push_one(DeviceProfile& me, const store::EventRecord& event);
// Pushes every pending outbox entry in order; returns how many were acknowledged.
Result<std::size_t> push_pending(DeviceProfile& me);

struct PullReport {
  std::size_t applied = 0;            // opened, checked and stored
  std::size_t not_for_me = 0;         // fetched but not sealed for this device
  std::vector<std::string> rejected;  // "event-id: reason", for envelopes that failed checks
  std::size_t fetched = 0;            // envelopes the server returned
};
// Pulls the case after the store's cursor. `wait_seconds` > 0 long-polls for the first page.
Result<PullReport> pull(DeviceProfile& me, const std::string& case_id, int wait_seconds = 0,
                        int page_limit = 100);

// The model's view of the case as the store knows it (members from the stored case record).
Result<model::Case> case_of(store::Store& store, const std::string& case_id);
// Folds every stored event of the case in the store's fold order.
Result<model::CaseState> fold_case(store::Store& store, const std::string& case_id);

}  // namespace sk::integration
