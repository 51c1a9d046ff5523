#include "sk/model/event.hpp"

#include <array>

namespace sk::model {
namespace {

constexpr std::array<std::string_view, kEventKindCount> kKindTags{"chat_message",
                                                                  "wave",
                                                                  "read_receipt",
                                                                  "contact_card",
                                                                  "session_proposed",
                                                                  "session_answered",
                                                                  "session_rescheduled",
                                                                  "session_cancelled",
                                                                  "session_attended",
                                                                  "session_no_show",
                                                                  "session_time_suggested",
                                                                  "check_in",
                                                                  "topic_wish",
                                                                  "interests",
                                                                  "session_note",
                                                                  "guidance",
                                                                  "concern",
                                                                  "concern_resolved",
                                                                  "case_vouch",
                                                                  "team_vouch",
                                                                  "case_grant",
                                                                  "team_grant",
                                                                  "unknown"};

}  // namespace

std::string_view to_string(EventKind kind) {
  return kKindTags[static_cast<std::size_t>(kind)];
}

std::optional<EventKind> event_kind_from_string(std::string_view tag) {
  // The last tag is the placeholder for kinds this build does not know; it is never on the wire.
  for (std::size_t i = 0; i + 1 < kKindTags.size(); ++i) {
    if (kKindTags[i] == tag) return static_cast<EventKind>(i);
  }
  return std::nullopt;
}

}  // namespace sk::model
