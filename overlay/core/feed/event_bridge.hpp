#pragma once
// Between the store's plain rows and the model's events. The store keeps the event's body as
// JSON beside the header columns; the model's codec reads and writes whole events, so the
// bridge puts the two together (and takes them apart) with the codec's own validation.
//
// Rules: a row that does not decode, or whose header disagrees with the decoded event, is an
// error (model.invalid), never a partly filled Event.

#include "sk/core/result.hpp"
#include "sk/model/case.hpp"
#include "sk/model/event.hpp"
#include "sk/store/records.hpp"

namespace sk::app {

Result<model::Event> to_event(const store::EventRecord& record);
// The row for an own, new event (server_seq unset). The audience comes from the model's rules.
Result<store::EventRecord> to_record(const model::Event& event);
// The model's view of a stored case: youth, contacts and supervisors from its members.
Result<model::Case> to_case(const store::CaseRecord& record);

}  // namespace sk::app
