#pragma once
// Test helpers: a small case (youth "yara", contacts "kari" and "ola", supervisor "siri") and
// valid events of every kind.

#include <string>
#include <vector>

#include "sk/model/case.hpp"
#include "sk/model/event.hpp"

namespace sk::model::testing {

inline constexpr std::int64_t kT0 = 1790000000000;  // 2026-09-21T14:13:20Z (summer time in Oslo)

Case sample_case();
PrincipalId youth();
PrincipalId contact();
PrincipalId contact2();
PrincipalId supervisor();

// A fresh, increasing UUIDv7 for each call (time kT0 + counter).
EventId next_id();
EventId id_at(std::int64_t unix_ms, std::uint8_t tail);

// An event of the sample case with the given body, written by `author` at `at`.
Event make_event(Event::Body body, const PrincipalId& author, std::int64_t at = kT0);
// A valid event of `kind` (not unknown), with every optional field filled in, by an allowed author.
Event sample_event(EventKind kind);
std::vector<EventKind> known_kinds();

}  // namespace sk::model::testing
