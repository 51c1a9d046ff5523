#pragma once
// ReminderPlanner: one quiet reminder per meeting, `minutes` before it starts; never a second one
// for the same meeting (no nagging), not even after a restart (the caller persists reminded()).

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "view_models/sessions_view_model.hpp"

namespace sk::app {

class ReminderPlanner {
 public:
  // The meeting to remind about now, if its reminder time has come and it was not reminded yet.
  // Marks it reminded. Declined or cancelled meetings never get one (next_session skips them).
  std::optional<MeetingRow> due(const SessionsViewModel& sessions, std::int64_t now_ms, int minutes);
  // When due() could next return something (for the event loop's wait), or nullopt.
  [[nodiscard]] std::optional<std::int64_t> next_deadline(const SessionsViewModel& sessions,
                                                          std::int64_t now_ms, int minutes) const;

  static std::string key_of(const MeetingRow& row);  // session id + planned start
  [[nodiscard]] const std::set<std::string>& reminded() const { return reminded_; }
  void restore(std::set<std::string> reminded) { reminded_ = std::move(reminded); }

 private:
  std::set<std::string> reminded_;
};

}  // namespace sk::app
