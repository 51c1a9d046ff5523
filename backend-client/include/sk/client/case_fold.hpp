#pragma once
// A case as the local store knows it, for the CLI, tests and view models.

#include <string>

#include "sk/core/result.hpp"
#include "sk/model/case.hpp"
#include "sk/model/case_state.hpp"
#include "sk/store/store.hpp"

namespace sk::client {

// The model's view of a stored case (members from its directory). Errors: client.unknown_case,
// model.* when the case is not whole yet (e.g. no youth has joined).
Result<model::Case> case_of(store::Store& store, const std::string& case_id);
// Folds every stored event of the case, in the store's fold order.
Result<model::CaseState> fold_case(store::Store& store, const std::string& case_id);

}  // namespace sk::client
