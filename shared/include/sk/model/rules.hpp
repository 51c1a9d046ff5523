#pragma once
// Who reads and who writes each kind of event. These are fixed by the domain, not configurable:
//   chat_message, wave, read_receipt           case             youth, contact
//   session_proposed/rescheduled/cancelled     case             contact
//   session_answered                           case             youth
//   session_attended, session_no_show          case             contact
//   topic_wish, interests                      case             youth
//   check_in                                   youth_consented  youth
//   session_note                               team             contact
//   guidance                                   team             supervisor
//   concern, concern_resolved                  team             contact, supervisor
// An unknown kind has no audience and no authors: it is kept but never acted on.

#include <optional>

#include "sk/core/result.hpp"
#include "sk/model/audience.hpp"
#include "sk/model/case.hpp"
#include "sk/model/event.hpp"
#include "sk/model/principal.hpp"

namespace sk::model {

std::optional<Audience> audience_of(EventKind kind);  // nullopt only for EventKind::kUnknown
bool may_author(EventKind kind, Role role);

// The author must be a member of `c`, the event must belong to `c`, and the author's role in it
// must be allowed to write the kind ("event.author: a contact may not write guidance").
Result<void> check_author(const Event& event, const Case& c);

}  // namespace sk::model
