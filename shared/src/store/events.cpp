// Events and the outbox: the store's half of "nothing lost" (docs/store.md, "Invariants").
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <string>

#include "guard.hpp"
#include "rows.hpp"
#include "sk/store/store.hpp"
#include "statements.hpp"

namespace sk::store {
namespace {

using detail::guarded;
using detail::Rewind;

std::optional<StoredEvent> find(SQLite::Statement& find_event, std::string_view event_id) {
  Rewind rewind(find_event);
  detail::bind_text(find_event, 1, event_id);
  if (!find_event.executeStep()) return std::nullopt;
  return detail::read_event(find_event, 0);
}

// Synced events in server order first, then pending ones in the order this device made them.
bool fold_order(const StoredEvent& a, const StoredEvent& b) {
  const auto& sa = a.event.server_seq;
  const auto& sb = b.event.server_seq;
  if (sa.has_value() != sb.has_value()) return sa.has_value();
  if (sa && *sa != *sb) return *sa < *sb;
  return a.local_seq < b.local_seq;
}

Error conflict(std::string_view operation, std::string_view event_id, std::string_view what) {
  return Error{"store.conflict",
               std::string(operation) + ": event " + std::string(event_id) + " " + std::string(what)};
}

}  // namespace

Result<void> Store::record_local_event(const EventRecord& event) {
  if (event.server_seq || event.received_at_ms) {
    return fail("store.invalid_argument", "record local event: a local event has no server position yet");
  }
  return guarded("record local event", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    {
      Rewind rewind(st_->insert_event);
      detail::bind_event(st_->insert_event, event);
      st_->insert_event.exec();
    }
    {
      Rewind rewind(st_->insert_outbox);
      detail::bind_text(st_->insert_outbox, 1, event.event_id);
      st_->insert_outbox.exec();
    }
    tx.commit();
    return {};
  });
}

Result<void> Store::apply_remote_events(std::string_view case_id, std::span<const EventRecord> batch,
                                        std::int64_t new_cursor) {
  for (const EventRecord& e : batch) {
    if (e.case_id != case_id || !e.server_seq) {
      return fail("store.invalid_argument", "apply remote events: event " + e.event_id +
                                                " must belong to the pulled case and carry its server_seq");
    }
  }
  return guarded("apply remote events", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    for (const EventRecord& e : batch) {
      if (auto applied = apply_one_remote(case_id, e); !applied) return applied;  // rolls back
    }
    Rewind rewind(st_->cursor_advance);
    detail::bind_text(st_->cursor_advance, 1, case_id);
    st_->cursor_advance.bind(2, new_cursor);
    st_->cursor_advance.exec();
    tx.commit();
    return {};
  });
}

// Inside apply_remote_events' transaction.
Result<void> Store::apply_one_remote(std::string_view case_id, const EventRecord& event) {
  std::optional<StoredEvent> existing = find(st_->find_event, event.event_id);
  if (!existing) {
    Rewind rewind(st_->insert_event);
    detail::bind_event(st_->insert_event, event);
    st_->insert_event.exec();
    return {};
  }
  if (existing->event.case_id != case_id) {
    return Unexpected{conflict("apply remote events", event.event_id, "is stored under another case")};
  }
  if (existing->event.server_seq) {
    if (*existing->event.server_seq == *event.server_seq) return {};  // seen before: nothing to do
    return Unexpected{
        conflict("apply remote events", event.event_id, "came back with a different server_seq")};
  }
  // Our own event, back from the server: it now has its place in the case.
  {
    Rewind rewind(st_->fill_server_seq);
    detail::bind_text(st_->fill_server_seq, 1, event.event_id);
    st_->fill_server_seq.bind(2, *event.server_seq);
    detail::bind_optional(st_->fill_server_seq, 3, event.received_at_ms);
    st_->fill_server_seq.exec();
  }
  Rewind rewind(st_->outbox_sent);
  detail::bind_text(st_->outbox_sent, 1, event.event_id);
  st_->outbox_sent.exec();
  return {};
}

Result<EventPage> Store::events_after(std::string_view case_id, std::int64_t cursor, std::int64_t limit) {
  if (limit <= 0) return fail("store.invalid_argument", "events after: limit must be positive");
  return guarded("read events", [&]() -> Result<EventPage> {
    EventPage page;
    page.next_cursor = cursor;
    Rewind rewind(st_->events_page);
    detail::bind_text(st_->events_page, 1, case_id);
    st_->events_page.bind(2, cursor);
    st_->events_page.bind(3, limit);
    while (st_->events_page.executeStep()) {
      page.events.push_back(detail::read_event(st_->events_page, 0));
      page.next_cursor = std::max(page.next_cursor, page.events.back().change_seq);
    }
    std::sort(page.events.begin(), page.events.end(), fold_order);
    return page;
  });
}

Result<std::optional<StoredEvent>> Store::find_event(std::string_view event_id) {
  return guarded("find event",
                 [&]() -> Result<std::optional<StoredEvent>> { return find(st_->find_event, event_id); });
}

// --- Outbox ----------------------------------------------------------------------------------

Result<std::vector<OutboxEntry>> Store::next_pending(std::int64_t limit) {
  if (limit <= 0) return fail("store.invalid_argument", "next pending: limit must be positive");
  return guarded("read outbox", [&]() -> Result<std::vector<OutboxEntry>> {
    std::vector<OutboxEntry> out;
    Rewind rewind(st_->next_pending);
    st_->next_pending.bind(1, limit);
    while (st_->next_pending.executeStep()) out.push_back(detail::read_outbox(st_->next_pending));
    return out;
  });
}

Result<void> Store::mark_in_flight(std::span<const std::string> event_ids) {
  return guarded("mark outbox in flight", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    for (const std::string& id : event_ids) {
      Rewind rewind(st_->outbox_in_flight);
      st_->outbox_in_flight.bind(1, id);
      st_->outbox_in_flight.exec();  // an entry already sent by a pull stays sent
    }
    tx.commit();
    return {};
  });
}

Result<void> Store::mark_sent(std::string_view event_id, std::int64_t server_seq,
                              std::int64_t received_at_ms) {
  return guarded("mark outbox sent", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    std::optional<StoredEvent> existing = find(st_->find_event, event_id);
    if (!existing) {
      return fail("store.not_found", "mark outbox sent: no event " + std::string(event_id));
    }
    if (existing->event.server_seq && *existing->event.server_seq != server_seq) {
      return Unexpected{conflict("mark outbox sent", event_id, "already has another server_seq")};
    }
    if (!existing->event.server_seq) {
      Rewind rewind(st_->fill_server_seq);
      detail::bind_text(st_->fill_server_seq, 1, event_id);
      st_->fill_server_seq.bind(2, server_seq);
      st_->fill_server_seq.bind(3, received_at_ms);
      st_->fill_server_seq.exec();
    }
    Rewind rewind(st_->outbox_sent);
    detail::bind_text(st_->outbox_sent, 1, event_id);
    if (st_->outbox_sent.exec() == 0) {
      return fail("store.not_found",
                  "mark outbox sent: event " + std::string(event_id) + " has no outbox entry");
    }
    tx.commit();
    return {};
  });
}

Result<void> Store::mark_failed(std::string_view event_id, std::string_view error) {
  return guarded("mark outbox failed", [&]() -> Result<void> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    {
      Rewind rewind(st_->find_outbox);
      detail::bind_text(st_->find_outbox, 1, event_id);
      if (!st_->find_outbox.executeStep()) {
        return fail("store.not_found", "mark outbox failed: no outbox entry for " + std::string(event_id));
      }
    }
    Rewind rewind(st_->outbox_failed);
    detail::bind_text(st_->outbox_failed, 1, event_id);
    detail::bind_text(st_->outbox_failed, 2, error);
    st_->outbox_failed.exec();  // a late failure report for an entry already sent changes nothing
    tx.commit();
    return {};
  });
}

Result<std::int64_t> Store::requeue_in_flight() {
  return guarded("requeue outbox", [&]() -> Result<std::int64_t> {
    SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
    Rewind rewind(st_->outbox_requeue);
    std::int64_t requeued = st_->outbox_requeue.exec();
    tx.commit();
    return requeued;
  });
}

Result<std::optional<OutboxEntry>> Store::find_outbox_entry(std::string_view event_id) {
  return guarded("find outbox entry", [&]() -> Result<std::optional<OutboxEntry>> {
    Rewind rewind(st_->find_outbox);
    detail::bind_text(st_->find_outbox, 1, event_id);
    if (!st_->find_outbox.executeStep()) return std::optional<OutboxEntry>{};
    return std::optional<OutboxEntry>{detail::read_outbox(st_->find_outbox)};
  });
}

}  // namespace sk::store
