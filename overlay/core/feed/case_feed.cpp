#include "core/feed/case_feed.hpp"

#include <algorithm>

#include "core/feed/event_bridge.hpp"

namespace sk::app {

CaseFeed::CaseFeed(model::Case members, std::string label)
    : label_(std::move(label)), state_(std::move(members)) {}

void CaseFeed::restart() {
  state_ = model::CaseState(state_.members());
  cursor_ = 0;
  unsequenced_.clear();
  skipped_ = 0;
  last_event_ms_ = 0;
  ++refolds_;
}

Result<bool> CaseFeed::update(store::Store& store) {
  bool changed = false;
  for (;;) {
    auto page = store.events_after(state_.members().id.str(), cursor_);
    if (!page) return Unexpected{page.error()};
    if (page->events.empty()) return changed;
    for (const store::StoredEvent& row : page->events) {
      const store::EventRecord& r = row.event;
      bool confirmation = r.server_seq && unsequenced_.contains(r.event_id);
      if (r.server_seq && !confirmation && state_.cursor() && *r.server_seq < *state_.cursor()) {
        // Someone else's event belongs before what is folded already: start over in server order.
        restart();
        auto again = update(store);
        if (!again) return again;
        return true;
      }
      auto event = to_event(r);
      if (!event) {
        ++skipped_;
        continue;
      }
      state_.apply(*event, r.server_seq);
      if (r.server_seq) {
        unsequenced_.erase(r.event_id);
        last_event_ms_ = std::max(last_event_ms_, r.created_at_ms);
      } else {
        unsequenced_.insert(r.event_id);
      }
      changed = true;
    }
    cursor_ = page->next_cursor;
  }
}

}  // namespace sk::app
