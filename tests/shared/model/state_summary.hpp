#pragma once
// Test helper: a CaseState as plain JSON, for the golden fold vectors in tests/vectors/model.

#include <nlohmann/json.hpp>

#include "sk/model/case_state.hpp"

namespace sk::model::testing {

// Keys: sessions, upcoming (5), next_session, chat, unread (per case member), check_ins,
// mood_trend (last 5), topic_wishes, interests, notes, guidance, concerns, events_seen, cursor.
nlohmann::json summarize(const CaseState& state, Timestamp now);

}  // namespace sk::model::testing
