#pragma once
// Internal: nlohmann-json parsing with the extra strictness events need: no duplicate keys (they
// would let two readers see different values) and bounded nesting. Never throws.

#include <optional>
#include <string>
#include <string_view>

#include "json_reader.hpp"

namespace sk::model::detail {

struct ParseOutcome {
  std::optional<Json> value;
  std::string error;  // why value is empty
};

ParseOutcome parse_strict(std::string_view text);

// Adds every key of `extras` missing from `target`, recursing where both hold an object. Known
// fields win over unknown ones of the same name.
void merge_unknown(Json& target, const Json& extras);

}  // namespace sk::model::detail
