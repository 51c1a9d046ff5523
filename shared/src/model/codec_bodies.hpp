#pragma once
// Internal: the JSON form of each event body. Reading checks shape and types only; the value
// rules (ranges, lengths, UTF-8) live in validate.cpp so events built in code get them too.

#include "json_reader.hpp"
#include "sk/model/event.hpp"

namespace sk::model::detail {

// `kind` must not be EventKind::kUnknown.
Event::Body read_body(EventKind kind, JsonReader& body);
// The body as a JSON object; an UnknownEvent writes nothing (its body is in unknown_fields).
Json write_body(const Event::Body& body);

}  // namespace sk::model::detail
