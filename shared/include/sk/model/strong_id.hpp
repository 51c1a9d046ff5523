#pragma once
// Opaque identifiers of organisations, principals, devices and cases. Each is its own type, so a
// DeviceId can't be passed where a PrincipalId is expected. They are made elsewhere (the backend
// or the enrolment flow); the model only checks their spelling: 1..64 characters of
// [A-Za-z0-9_-] (covers base64url, hex and UUID text).

#include <cassert>
#include <compare>
#include <cstddef>
#include <string>
#include <string_view>

#include "sk/core/result.hpp"

namespace sk::model {

inline constexpr std::size_t kMaxIdLength = 64;

bool is_valid_id_text(std::string_view text);  // the spelling rule above

template <class Tag>
class StrongId {
 public:
  StrongId() = default;  // empty: "no id"; never valid in an event
  // The caller guarantees `text` is valid (e.g. it came from parse() earlier); asserts otherwise.
  explicit StrongId(std::string text) : text_(std::move(text)) { assert(is_valid_id_text(text_)); }

  static Result<StrongId> parse(std::string_view text) {
    if (!is_valid_id_text(text)) {
      return fail("model.invalid", "must be 1..64 characters of A-Z a-z 0-9 _ -");
    }
    return StrongId(std::string(text));
  }

  [[nodiscard]] const std::string& str() const { return text_; }
  [[nodiscard]] bool empty() const { return text_.empty(); }

  friend auto operator<=>(const StrongId&, const StrongId&) = default;
  friend bool operator==(const StrongId&, const StrongId&) = default;

 private:
  std::string text_;
};

using OrganisationId = StrongId<struct OrganisationIdTag>;
using PrincipalId = StrongId<struct PrincipalIdTag>;
using DeviceId = StrongId<struct DeviceIdTag>;
using CaseId = StrongId<struct CaseIdTag>;

}  // namespace sk::model
