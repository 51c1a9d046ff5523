#pragma once
// Event: everything that happens in a case. A common header (who, where, when, which kind) plus
// one body per kind. Events are made on the author's device with a UUIDv7 id and folded into
// state in server order (see case_state.hpp).

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "sk/model/event_bodies.hpp"
#include "sk/model/event_id.hpp"
#include "sk/model/strong_id.hpp"
#include "sk/model/timestamp.hpp"

namespace sk::model {

// The order matches Event::Body's alternatives.
enum class EventKind {
  kChatMessage,
  kWave,
  kReadReceipt,
  kContactCard,
  kSessionProposed,
  kSessionAnswered,
  kSessionRescheduled,
  kSessionCancelled,
  kSessionAttended,
  kSessionNoShow,
  kSessionTimeSuggested,
  kCheckIn,
  kTopicWish,
  kInterests,
  kSessionNote,
  kGuidance,
  kConcern,
  kConcernResolved,
  kCaseVouch,
  kTeamVouch,
  kCaseGrant,
  kTeamGrant,
  kUnknown,
};

inline constexpr std::size_t kEventKindCount = 23;

std::string_view to_string(EventKind kind);  // the JSON "kind" tag, e.g. "session_no_show"
std::optional<EventKind> event_kind_from_string(std::string_view tag);  // nullopt: unknown kind

struct Event {
  using Body =
      std::variant<ChatMessage, Wave, ReadReceipt, ContactCard, SessionProposed, SessionAnswered,
                   SessionRescheduled, SessionCancelled, SessionAttended, SessionNoShow, SessionTimeSuggested,
                   CheckIn, TopicWish, InterestsProfile, SessionNote, Guidance, Concern, ConcernResolved,
                   CaseVouch, TeamVouch, CaseGrant, TeamGrant, UnknownEvent>;

  EventId id;
  CaseId case_id;
  PrincipalId author;
  DeviceId device;
  Timestamp created_at;
  Body body;
  // Fields this build does not know, at any object level, as a canonical JSON object whose
  // nesting mirrors the event's ("{"body":{"colour":"red"}}"); empty when there are none. The
  // codec fills it on decode and merges it back on encode, so newer fields survive a round trip.
  std::string unknown_fields;

  [[nodiscard]] EventKind kind() const { return static_cast<EventKind>(body.index()); }

  friend bool operator==(const Event&, const Event&) = default;
};

static_assert(std::variant_size_v<Event::Body> == kEventKindCount);

}  // namespace sk::model
