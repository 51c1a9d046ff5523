#pragma once
// The seam between sk_model and sk_store: a model Event becomes a store EventRecord (header
// columns + body JSON) and back. The envelope plaintext is the event's canonical JSON
// (sk::model::encode_event), so every device decodes exactly what the author encoded.
//
// Known limit: the store keeps only the event's body, so fields a newer app added to the
// event's header (not its body) are dropped on the way through the store (docs/store.md).

#include <optional>
#include <string>

#include "sk/core/result.hpp"
#include "sk/model/event.hpp"
#include "sk/model/event_id.hpp"
#include "sk/store/records.hpp"
#include "sk/store/store.hpp"

namespace sk::client {

// Validates and splits: kind and audience in the model's spelling ("chat_message",
// "youth_consented"), body_json = the canonical JSON of the event's "body" member.
Result<store::EventRecord> to_record(const model::Event& event);

// Rebuilds the event from its columns and body and decodes it with the model's strict codec.
Result<model::Event> to_event(const store::EventRecord& record);

// The canonical JSON of the whole event: what gets sealed.
Result<std::string> canonical_json(const store::EventRecord& record);

// Who is acting: this device's principal and device ids, and its one event id generator.
struct Author {
  std::string principal_id;
  std::string device_id;
  model::EventIdGenerator* ids = nullptr;
};

// The UI's half of the loop: a new domain event by this device (UUIDv7 id, the current time),
// validated by the model and written to the store together with its outbox entry.
// `created_at` dates it otherwise (the CLI's --at, for a demo's history); default: now.
Result<model::Event> record_action(store::Store& store, const Author& author, const std::string& case_id,
                                   model::Event::Body body,
                                   std::optional<model::Timestamp> created_at = std::nullopt);

}  // namespace sk::client
