#pragma once
// A canonical text summary of a folded case: what its users would see (chat with delivery state,
// check-ins, team records), one line per item, so two devices' states compare as text and a
// failing comparison shows the difference.

#include <string>

#include "sk/model/case_state.hpp"

namespace sk::integration {

std::string summarize(const model::CaseState& state);

}  // namespace sk::integration
