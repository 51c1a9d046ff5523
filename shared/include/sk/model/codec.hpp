#pragma once
// JSON encoding of events (nlohmann-json inside; the API is text in, text out).
//
//  - decode_event never throws: malformed JSON, a missing or mistyped field, a value out of range
//    or invalid UTF-8 give an Error with code "model.invalid" and a message that starts with the
//    field's path ("check_in.mood: must be 1..5"; body fields are prefixed by the kind).
//  - Unknown fields at any object level are kept in Event::unknown_fields and written back by
//    encode_event. An unknown kind decodes to UnknownEvent with its whole body kept.
//  - encode_event is canonical: keys sorted, no whitespace, so an event has one byte spelling.
//    It validates first and refuses an invalid event rather than writing one.
// docs/model.md lists every kind's fields.

#include <string>
#include <string_view>

#include "sk/core/result.hpp"
#include "sk/model/event.hpp"

namespace sk::model {

Result<Event> decode_event(std::string_view json);
Result<std::string> encode_event(const Event& event);

// The rules decode applies after parsing, for events built in code (e.g. by the UI).
Result<void> validate_event(const Event& event);

}  // namespace sk::model
