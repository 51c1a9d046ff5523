#pragma once
// Private: converting between records and statement parameters / result columns.

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sk/store/records.hpp"

namespace sk::store::detail {

void bind_text(SQLite::Statement& s, int index, std::string_view text);
void bind_optional(SQLite::Statement& s, int index, const std::optional<std::int64_t>& value);
void bind_optional(SQLite::Statement& s, int index, const std::optional<std::string>& value);
void bind_blob(SQLite::Statement& s, int index, const Bytes& bytes);

// Binds ?1..?10 of statements that take an event's columns in EventRecord order.
void bind_event(SQLite::Statement& s, const EventRecord& e);

StoredEvent read_event(const SQLite::Statement& s, int first_column);
OutboxEntry read_outbox(const SQLite::Statement& s);
Identity read_identity(const SQLite::Statement& s);
Peer read_peer(const SQLite::Statement& s);
CaseRecord read_case(const SQLite::Statement& s);

std::string_view to_text(OutboxState state);
std::string_view to_text(Verification verification);

}  // namespace sk::store::detail
