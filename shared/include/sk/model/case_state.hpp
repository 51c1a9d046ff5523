#pragma once
// CaseState: everything a case's events add up to, folded one event at a time in server order,
// so a view model can keep its state and fold only the events after its cursor.
//
// Guarantees:
//  - Same events in the same order give equal states on every device (operator==), whether
//    folded at once or in chunks.
//  - An event id is applied once; a repeat is ignored, except that a local event folded without
//    a sequence number is confirmed (delivered) when it comes back from the server with one.
//  - Events that don't belong here are ignored, never applied: another case's events, authors
//    who are not members or whose role may not write the kind (rules.hpp), unknown kinds.
//  - Events the server has not sequenced yet belong after all sequenced ones. When they get their
//    numbers, later sequenced events from others may land before them; the chat re-sorts, and a
//    view model that needs exact agreement refolds from its last sequenced cursor.

#include <cstdint>
#include <map>
#include <optional>

#include "sk/model/case.hpp"
#include "sk/model/chat_state.hpp"
#include "sk/model/event.hpp"
#include "sk/model/schedule_state.hpp"
#include "sk/model/team_state.hpp"
#include "sk/model/wellbeing_state.hpp"

namespace sk::model {

class CaseState {
 public:
  explicit CaseState(Case members);

  // Folds one event. `seq` is its server sequence number; nullopt for a local event the server
  // has not accepted yet.
  void apply(const Event& event, std::optional<std::int64_t> seq = std::nullopt);

  [[nodiscard]] const Case& members() const { return case_; }
  [[nodiscard]] const ScheduleState& schedule() const { return schedule_; }
  [[nodiscard]] const ChatState& chat() const { return chat_; }
  [[nodiscard]] const WellbeingState& wellbeing() const { return wellbeing_; }
  [[nodiscard]] const TeamState& team() const { return team_; }
  // Distinct event ids seen, applied or ignored.
  [[nodiscard]] std::size_t events_seen() const { return seen_.size(); }
  // The highest sequence number folded so far: the cursor to fold on from.
  [[nodiscard]] std::optional<std::int64_t> cursor() const { return cursor_; }

  friend bool operator==(const CaseState&, const CaseState&) = default;

 private:
  void apply_body(const Event& event, Role author_role, std::optional<std::int64_t> seq);

  Case case_;
  std::map<EventId, std::optional<std::int64_t>> seen_;  // id -> sequence number, if any
  std::optional<std::int64_t> cursor_;
  ScheduleState schedule_;
  ChatState chat_;
  WellbeingState wellbeing_;
  TeamState team_;
};

}  // namespace sk::model
