#include "rows.hpp"

#include <SQLiteCpp/Column.h>

#include "statements.hpp"

namespace sk::store::detail {
namespace {

std::optional<std::int64_t> optional_int(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}
std::optional<std::string> optional_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}
Bytes blob(const SQLite::Column& c) {
  const auto* data = static_cast<const std::uint8_t*>(c.getBlob());
  return {data, data + c.getBytes()};
}

OutboxState outbox_state(const std::string& text) {
  if (text == "in_flight") return OutboxState::kInFlight;
  if (text == "sent") return OutboxState::kSent;
  return OutboxState::kPending;  // the table's CHECK allows nothing else
}

}  // namespace

void bind_text(SQLite::Statement& s, int index, std::string_view text) {
  s.bind(index, std::string(text));
}
void bind_optional(SQLite::Statement& s, int index, const std::optional<std::int64_t>& value) {
  if (value) {
    s.bind(index, *value);
  } else {
    s.bind(index);
  }
}
void bind_optional(SQLite::Statement& s, int index, const std::optional<std::string>& value) {
  if (value) {
    s.bind(index, *value);
  } else {
    s.bind(index);
  }
}
void bind_blob(SQLite::Statement& s, int index, const Bytes& bytes) {
  // A zero-length blob, not NULL, when empty: NOT NULL columns then report the real problem.
  static constexpr std::uint8_t kEmpty = 0;
  s.bind(index, bytes.empty() ? &kEmpty : bytes.data(), static_cast<int>(bytes.size()));
}

void bind_event(SQLite::Statement& s, const EventRecord& e) {
  s.bind(1, e.event_id);
  s.bind(2, e.case_id);
  s.bind(3, e.kind);
  s.bind(4, e.author_principal_id);
  s.bind(5, e.author_device_id);
  s.bind(6, e.audience);
  s.bind(7, e.created_at_ms);
  bind_optional(s, 8, e.server_seq);
  bind_optional(s, 9, e.received_at_ms);
  s.bind(10, e.body_json);
}

StoredEvent read_event(const SQLite::Statement& s, int first_column) {
  StoredEvent out;
  out.event.event_id = s.getColumn(first_column + 0).getString();
  out.event.case_id = s.getColumn(first_column + 1).getString();
  out.event.kind = s.getColumn(first_column + 2).getString();
  out.event.author_principal_id = s.getColumn(first_column + 3).getString();
  out.event.author_device_id = s.getColumn(first_column + 4).getString();
  out.event.audience = s.getColumn(first_column + 5).getString();
  out.event.created_at_ms = s.getColumn(first_column + 6).getInt64();
  out.event.server_seq = optional_int(s.getColumn(first_column + 7));
  out.event.received_at_ms = optional_int(s.getColumn(first_column + 8));
  out.event.body_json = s.getColumn(first_column + 9).getString();
  out.local_seq = s.getColumn(first_column + 10).getInt64();
  out.change_seq = s.getColumn(first_column + 11).getInt64();
  static_assert(kEventColumnCount == 12);
  return out;
}

OutboxEntry read_outbox(const SQLite::Statement& s) {
  OutboxEntry out;
  out.outbox_seq = s.getColumn(0).getInt64();
  out.state = outbox_state(s.getColumn(1).getString());
  out.attempts = s.getColumn(2).getInt64();
  out.last_error = optional_text(s.getColumn(3));
  static_assert(kOutboxColumnCount == 4);
  out.event = read_event(s, kOutboxColumnCount).event;
  return out;
}

Identity read_identity(const SQLite::Statement& s) {
  Identity out;
  out.org_id = s.getColumn(0).getString();
  out.principal_id = s.getColumn(1).getString();
  out.device_id = s.getColumn(2).getString();
  out.role = s.getColumn(3).getString();
  out.key_file = blob(s.getColumn(4));
  out.nickname = s.getColumn(5).getString();
  out.created_at_ms = s.getColumn(6).getInt64();
  return out;
}

Peer read_peer(const SQLite::Statement& s) {
  Peer out;
  out.device_id = s.getColumn(0).getString();
  out.principal_id = s.getColumn(1).getString();
  out.role = s.getColumn(2).getString();
  out.sign_public_key = blob(s.getColumn(3));
  out.box_public_key = blob(s.getColumn(4));
  out.verified_by = s.getColumn(5).getString() == "vouched" ? Verification::kVouched : Verification::kCode;
  out.vouched_by_device_id = optional_text(s.getColumn(6));
  out.revoked = s.getColumn(7).getInt() != 0;
  out.added_at_ms = s.getColumn(8).getInt64();
  return out;
}

CaseRecord read_case(const SQLite::Statement& s) {
  CaseRecord out;
  out.case_id = s.getColumn(0).getString();
  out.org_id = s.getColumn(1).getString();
  out.youth_principal_id = s.getColumn(2).getString();
  out.label = s.getColumn(3).getString();
  out.checkin_consent = s.getColumn(4).getInt() != 0;
  return out;
}

std::string_view to_text(OutboxState state) {
  switch (state) {
    case OutboxState::kPending:
      return "pending";
    case OutboxState::kInFlight:
      return "in_flight";
    case OutboxState::kSent:
      return "sent";
  }
  return "pending";
}

std::string_view to_text(Verification verification) {
  return verification == Verification::kVouched ? "vouched" : "code";
}

}  // namespace sk::store::detail
