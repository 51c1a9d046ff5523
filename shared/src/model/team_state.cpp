#include "sk/model/team_state.hpp"

#include <algorithm>

namespace sk::model {

void TeamState::resolve(const EventId& concern, Resolution resolution) {
  const auto it = std::find_if(concerns_.begin(), concerns_.end(),
                               [&concern](const ConcernRecord& c) { return c.id == concern; });
  if (it == concerns_.end() || !it->open()) return;
  it->resolution = std::move(resolution);
}

std::size_t TeamState::open_concerns() const {
  return static_cast<std::size_t>(
      std::count_if(concerns_.begin(), concerns_.end(), [](const ConcernRecord& c) { return c.open(); }));
}

bool TeamState::has_open_urgent_concern() const {
  return std::any_of(concerns_.begin(), concerns_.end(), [](const ConcernRecord& c) {
    return c.open() && c.concern.level == ConcernLevel::kUrgent;
  });
}

}  // namespace sk::model
