#pragma once
// Reading a CLI profile's store from the test process (after its CLI processes have ended), and
// writing to it the way the app's UI does (record_action: event + outbox in one transaction).

#include <string>
#include <vector>

#include "sk/model/case_state.hpp"
#include "sk/model/event.hpp"
#include "support/cli_process.hpp"

namespace sk::integration {

// The case folded from the profile's store.
model::CaseState fold(const CliDevice& device, const std::string& case_id);
// The chat's message texts in fold order.
std::vector<std::string> chat_texts(const CliDevice& device, const std::string& case_id);
// How many stored events of `kind` the profile holds for the case.
std::size_t count_kind(const CliDevice& device, const std::string& case_id, const std::string& kind);
// The app's half of the loop: a new event by this profile, in its store and outbox.
model::Event record(const CliDevice& device, const std::string& case_id, model::Event::Body body);
// Writes `count` numbered lines "<prefix> <i>" to a file beside the profile; returns its path.
std::string numbered_lines(const CliDevice& device, const std::string& prefix, int count);

}  // namespace sk::integration
