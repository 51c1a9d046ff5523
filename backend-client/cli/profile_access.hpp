#pragma once
// What every spillkontakt-cli command needs: the profile opened (and unlocked), errors reported
// the same way (text or --json, one exit code per kind), and the case a command is about.

#include <memory>
#include <string>

#include "commands.hpp"
#include "sk/client/client.hpp"
#include "sk/core/result.hpp"
#include "sk/model/case_state.hpp"
#include "sk/store/store.hpp"

namespace sk::cli {

// Prints `e` (stderr, or a JSON line on stdout with --json) and returns its exit code.
int report(const Options& o, const Error& e);

// Opens the profile; a contact's or supervisor's is unlocked with the passphrase from the
// environment variable named by --passphrase-env. With `need_identity`, an empty profile is an
// error (client.profile).
Result<std::unique_ptr<client::Client>> open(const Options& o, bool need_identity);

// `case_id` if given, else the profile's only case (client.which_case when there are none or
// several).
Result<std::string> only_case(store::Store& store, std::string case_id);

// Opens the profile and folds `case_id` (or the only case) from its store.
struct FoldedCase {
  std::string case_id;
  model::CaseState state;
};
Result<FoldedCase> fold_only_case(const Options& o, const std::string& case_id);

}  // namespace sk::cli
