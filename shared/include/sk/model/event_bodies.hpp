#pragma once
// The body of each event kind. Limits are in Unicode code points and are enforced by
// validate_event() (see docs/model.md for the JSON field names). Sessions are referred to by the
// EventId of their session_proposed event; for a weekly series an `occurrence` (the original UTC
// start of one meeting) narrows an answer, change or mark to that one meeting.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sk/model/event_id.hpp"
#include "sk/model/principal.hpp"
#include "sk/model/strong_id.hpp"
#include "sk/model/timestamp.hpp"

namespace sk::model {

// ---- chat -------------------------------------------------------------------------------------

struct ChatMessage {
  std::string text;  // 1..4000
  friend bool operator==(const ChatMessage&, const ChatMessage&) = default;
};

struct Wave {
  std::string sticker;  // one of kStickers
  friend bool operator==(const Wave&, const Wave&) = default;
};

struct ReadReceipt {
  EventId up_to;  // the newest event the reader has seen
  friend bool operator==(const ReadReceipt&, const ReadReceipt&) = default;
};

// A contact introduces themselves to the youth: the name the youth sees ("Only you and Kari can
// see this") and when they usually answer ("Weekdays 12-20"). The server never learns names, so
// they travel end to end like everything else. A new card replaces the contact's previous one.
struct ContactCard {
  std::string display_name;  // 1..64
  std::string reply_hours;   // 0..100, empty: none given
  friend bool operator==(const ContactCard&, const ContactCard&) = default;
};

// ---- sessions ---------------------------------------------------------------------------------

enum class Recurrence { kOneOff, kWeekly };

struct SessionProposed {
  Timestamp start;                     // UTC
  std::string time_zone;               // IANA name the times are shown in, "Europe/Oslo"
  std::int32_t duration_minutes = 60;  // 5..480
  Recurrence recurrence = Recurrence::kOneOff;
  std::optional<Timestamp> until;  // weekly only: no meeting starts at or after this
  std::string title;               // 0..100
  friend bool operator==(const SessionProposed&, const SessionProposed&) = default;
};

struct SessionRef {
  EventId session;                      // the session_proposed event
  std::optional<Timestamp> occurrence;  // one meeting of a weekly series; absent = all
  friend bool operator==(const SessionRef&, const SessionRef&) = default;
};

enum class Answer { kAccept, kNotToday };

struct SessionAnswered {
  SessionRef ref;
  Answer answer = Answer::kAccept;
  friend bool operator==(const SessionAnswered&, const SessionAnswered&) = default;
};

struct SessionRescheduled {
  SessionRef ref;
  Timestamp start;  // the new UTC start
  std::string time_zone;
  std::int32_t duration_minutes = 60;
  friend bool operator==(const SessionRescheduled&, const SessionRescheduled&) = default;
};

struct SessionCancelled {
  SessionRef ref;
  std::string reason;  // 0..500
  friend bool operator==(const SessionCancelled&, const SessionCancelled&) = default;
};

struct SessionAttended {
  SessionRef ref;
  friend bool operator==(const SessionAttended&, const SessionAttended&) = default;
};

struct SessionNoShow {
  SessionRef ref;
  friend bool operator==(const SessionNoShow&, const SessionNoShow&) = default;
};

// The youth's "could we do another time?": a new start for one meeting (or a one-off session),
// for the contact to take up with a reschedule. It changes nothing by itself.
struct SessionTimeSuggested {
  SessionRef ref;
  Timestamp start;  // the suggested UTC start; the duration stays the session's
  std::string time_zone;
  friend bool operator==(const SessionTimeSuggested&, const SessionTimeSuggested&) = default;
};

// ---- the youth's voice ------------------------------------------------------------------------

struct CheckIn {
  std::int32_t mood = 3;               // 1 (worst) .. 5 (best)
  std::vector<std::string> tags;       // 0..10 distinct, each one of kCheckInTags
  std::vector<std::string> free_tags;  // 0..10 distinct, each 1..32
  std::string text;                    // 0..1000
  friend bool operator==(const CheckIn&, const CheckIn&) = default;
};

struct TopicWish {
  std::string text;                    // 1..500
  std::optional<EventId> for_session;  // a session_proposed event
  friend bool operator==(const TopicWish&, const TopicWish&) = default;
};

struct InterestsProfile {            // replaces the previous profile as a whole
  std::vector<std::string> likes;    // 0..20 distinct, each 1..64
  std::vector<std::string> good_at;  // 0..20 distinct, each 1..64
  friend bool operator==(const InterestsProfile&, const InterestsProfile&) = default;
};

// ---- team records -----------------------------------------------------------------------------

struct NoteTemplate {                         // the structured note written after a session
  std::string activity;                       // 0..500   what we did / played
  std::optional<std::int32_t> mood_observed;  // 1..5
  std::string went_well;                      // 0..2000
  std::string concerns;                       // 0..2000
  std::string next_steps;                     // 0..2000
  friend bool operator==(const NoteTemplate&, const NoteTemplate&) = default;
};

struct SessionNote {
  std::optional<SessionRef> session;  // absent: a note not tied to one session
  NoteTemplate note;                  // at least one field filled in
  friend bool operator==(const SessionNote&, const SessionNote&) = default;
};

struct Guidance {
  std::string text;                  // 1..4000
  std::optional<EventId> regarding;  // e.g. the session note it answers
  friend bool operator==(const Guidance&, const Guidance&) = default;
};

enum class ConcernLevel { kNormal, kUrgent };

struct Concern {
  ConcernLevel level = ConcernLevel::kNormal;
  std::string text;  // 1..2000
  friend bool operator==(const Concern&, const Concern&) = default;
};

struct ConcernResolved {
  EventId concern;   // the concern event
  std::string text;  // 0..2000  what was done
  friend bool operator==(const ConcernResolved&, const ConcernResolved&) = default;
};

// ---- keys and history (the sync engine's own records) ----------------------------------------

// A device whose keys the author trusts (confirmed by a one-time code, or vouched for to it), so
// that members who trust the author may trust it too (docs/sync.md, "Trust").
struct VouchedDevice {
  DeviceId device;
  PrincipalId principal;
  Role role = Role::kContact;
  std::string ed25519;  // base64url, 32 bytes
  std::string x25519;   // base64url, 32 bytes
  friend bool operator==(const VouchedDevice&, const VouchedDevice&) = default;
};
struct KeyVouch {
  std::vector<VouchedDevice> devices;  // 1..kMaxVouchedDevices
  friend bool operator==(const KeyVouch&, const KeyVouch&) = default;
};
struct CaseVouch : KeyVouch {};  // audience case: the youth and the contacts learn the keys
struct TeamVouch : KeyVouch {};  // audience team: the contacts and the supervisors

// History for a newcomer device: the file keys of past envelopes re-wrapped for it
// (docs/protocol.md §5). Payloads are never re-encrypted.
struct GrantEntry {
  EventId event;      // the envelope's event
  std::string grant;  // base64url of the 185-byte grant
  friend bool operator==(const GrantEntry&, const GrantEntry&) = default;
};
struct HistoryGrant {
  DeviceId for_device;
  std::vector<GrantEntry> grants;  // 1..kMaxGrantsPerEvent
  friend bool operator==(const HistoryGrant&, const HistoryGrant&) = default;
};
struct CaseGrant : HistoryGrant {};  // grants for case and youth_consented envelopes
struct TeamGrant : HistoryGrant {};  // grants for team envelopes

// An event of a kind this build does not know (written by a newer app). It is kept and
// re-encoded unchanged, and folds ignore it.
struct UnknownEvent {
  std::string kind;  // the "kind" tag as received
  friend bool operator==(const UnknownEvent&, const UnknownEvent&) = default;
};

}  // namespace sk::model
