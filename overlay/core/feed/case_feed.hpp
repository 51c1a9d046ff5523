#pragma once
// CaseFeed: one case's state, folded from the local store incrementally after a cursor
// (Tracy's m_prevMessages, the store's change_seq). The UI thread calls update() when the sync
// engine says something changed, or after it wrote an event itself; draw calls only read state().
//
// Rules:
//  - Each call folds only the rows after the cursor; a row that comes back because its
//    server_seq was filled in confirms the event (sent -> delivered).
//  - When a newly sequenced event from someone else lands before events already folded (its
//    server_seq is below the fold's cursor), the fold starts again from zero, so every device
//    shows the same order the server gave (docs/store.md, "Reading for folds").
//  - A row that does not decode is skipped and counted; it can't stop the rest of the case.

#include <cstdint>
#include <set>
#include <string>

#include "sk/core/result.hpp"
#include "sk/model/case_state.hpp"
#include "sk/store/store.hpp"

namespace sk::app {

class CaseFeed {
 public:
  CaseFeed(model::Case members, std::string label);

  // Folds what is new in `store`; returns whether anything was folded.
  Result<bool> update(store::Store& store);

  [[nodiscard]] const model::CaseState& state() const { return state_; }
  [[nodiscard]] const model::Case& members() const { return state_.members(); }
  [[nodiscard]] const std::string& label() const { return label_; }
  [[nodiscard]] std::size_t skipped_rows() const { return skipped_; }
  [[nodiscard]] std::size_t refolds() const { return refolds_; }
  // Newest sequenced event's time, 0 when none: "days since last contact" and read receipts.
  [[nodiscard]] std::int64_t last_event_ms() const { return last_event_ms_; }

 private:
  void restart();

  std::string label_;
  model::CaseState state_;
  std::int64_t cursor_ = 0;
  std::set<std::string> unsequenced_;  // own events folded before the server numbered them
  std::size_t skipped_ = 0;
  std::size_t refolds_ = 0;
  std::int64_t last_event_ms_ = 0;
};

}  // namespace sk::app
