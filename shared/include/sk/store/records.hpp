#pragma once
// Plain rows of the device's local store (see docs/store.md for the tables behind them).
//
// The store knows nothing of the domain model or of crypto: events arrive here already
// validated and decrypted, identity secrets arrive as an opaque, already-encrypted key file.
// Kinds, audiences and roles are kept as the text the model layer gives them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sk/core/bytes.hpp"

namespace sk::store {

// One decrypted, validated event as the store keeps it.
struct EventRecord {
  std::string event_id;  // UUIDv7 text, made by the authoring device
  std::string case_id;   // must name a row of `cases`
  std::string kind;      // the model's kind tag, e.g. "chat_message"
  std::string author_principal_id;
  std::string author_device_id;
  std::string audience;                        // "case", "team", "youth_consented"
  std::int64_t created_at_ms = 0;              // author's clock
  std::optional<std::int64_t> server_seq;      // position in the case mailbox, once known
  std::optional<std::int64_t> received_at_ms;  // server's clock, once known
  std::string body_json;

  friend bool operator==(const EventRecord&, const EventRecord&) = default;
};

// An event as read back, with the store's own bookkeeping.
struct StoredEvent {
  EventRecord event;
  std::int64_t local_seq = 0;   // order in which this device stored it (creation order for own events)
  std::int64_t change_seq = 0;  // store-wide counter, bumped on insert and when server_seq is filled in
};

// A slice of a case's events for an incremental fold: pass `next_cursor` to the next call.
struct EventPage {
  std::vector<StoredEvent> events;  // synced events by server_seq, then pending ones by local_seq
  std::int64_t next_cursor = 0;     // highest change_seq seen (the input cursor if nothing new)
};

enum class OutboxState { kPending, kInFlight, kSent };

struct OutboxEntry {
  std::int64_t outbox_seq = 0;  // enqueue order: the order the sync engine must push in
  OutboxState state = OutboxState::kPending;
  std::int64_t attempts = 0;  // failed pushes so far
  std::optional<std::string> last_error;
  EventRecord event;
};

// This device's own identity. One row at most.
struct Identity {
  std::string org_id;
  std::string principal_id;
  std::string device_id;
  std::string role;      // "youth", "contact" or "supervisor"
  Bytes key_file;        // the key file as sk_crypto wrote it: already encrypted at rest
  std::string nickname;  // display name chosen by the user
  std::int64_t created_at_ms = 0;

  friend bool operator==(const Identity&, const Identity&) = default;
};

enum class Verification { kCode, kVouched };

// Another device whose keys this device trusts, and how that trust was earned.
struct Peer {
  std::string device_id;
  std::string principal_id;
  std::string role;       // "youth", "contact" or "supervisor"
  Bytes sign_public_key;  // Ed25519, 32 bytes
  Bytes box_public_key;   // X25519, 32 bytes
  Verification verified_by = Verification::kCode;
  std::optional<std::string> vouched_by_device_id;  // set exactly when verified_by == vouched
  bool revoked = false;
  std::int64_t added_at_ms = 0;

  friend bool operator==(const Peer&, const Peer&) = default;
};

struct CaseMember {
  std::string principal_id;
  std::string role;  // "youth", "contact" or "supervisor"

  friend bool operator==(const CaseMember&, const CaseMember&) = default;
};

struct CaseRecord {
  std::string case_id;
  std::string org_id;
  std::string youth_principal_id;
  std::string label;                // nickname shown for the case on this device
  bool checkin_consent = false;     // youth allowed supervisors to read check-ins
  std::vector<CaseMember> members;  // sorted by principal_id when read back

  friend bool operator==(const CaseRecord&, const CaseRecord&) = default;
};

// The organisation's recovery key: an extra recipient of every team event (design brief,
// principle 1), trusted because the supervisor's enrollment code confirmed it.
struct OrgKeys {
  std::string org_id;
  Bytes recovery_x25519;  // 32 bytes

  friend bool operator==(const OrgKeys&, const OrgKeys&) = default;
};

// A one-time code whose key confirmation is not finished (or the outcome of one, kept for the UI).
// It holds the code's secret until then: the secret is worthless once the code is used.
struct PendingCode {
  std::string lookup;
  std::string code;       // "KX7F-92QM-4T"
  std::string side;       // "issuer" (this device made the code) or "redeemer" (it typed it in)
  std::string peer_role;  // the other side's role: "youth", "contact" or "supervisor"
  std::string case_id;    // the case a pairing code is for; empty for enrollment codes
  std::string label;      // the name the contact gave the case
  std::int64_t expires_at_ms = 0;
  std::string state = "waiting";  // "waiting", "confirmed", "mismatch", "expired"
  std::int64_t created_at_ms = 0;

  friend bool operator==(const PendingCode&, const PendingCode&) = default;
};

// An envelope this device refused to store, or could not open yet, and why. It is kept sealed,
// as the server sent it, so that it can be opened later when the reason goes away (its author
// becomes trusted, a history grant arrives); `retry` says whether that can happen.
struct QuarantineEntry {
  std::string case_id;
  std::int64_t seq = 0;
  std::string event_id;
  std::string audience;
  std::string author_device;
  std::int64_t received_at_ms = 0;
  Bytes envelope;
  std::string reason;
  bool retry = false;
  std::int64_t at_ms = 0;

  friend bool operator==(const QuarantineEntry&, const QuarantineEntry&) = default;
};

}  // namespace sk::store
