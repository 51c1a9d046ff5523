#pragma once
// Strict reading of JSON request bodies: an object with only the allowed members, each of the
// right type and size. Readers record the first failure; the route checks ok() once.

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "sk/core/bytes.hpp"

namespace sk::backend {

class JsonBody {
 public:
  // Parses `text`; fails on invalid UTF-8 or JSON, a non-object, or a member not in `allowed`.
  static std::optional<JsonBody> parse(std::string_view text,
                                       std::initializer_list<std::string_view> allowed);

  // Strings must be valid UTF-8 and 1..max_chars bytes long (an empty string is malformed).
  std::string string(std::string_view key, std::size_t max_chars);
  std::optional<std::string> optional_string(std::string_view key, std::size_t max_chars);
  // base64url, decoded size in [min_bytes, max_bytes].
  Bytes base64(std::string_view key, std::size_t min_bytes, std::size_t max_bytes);
  // Empty when absent or null.
  Bytes optional_base64(std::string_view key, std::size_t min_bytes, std::size_t max_bytes);
  std::int64_t integer(std::string_view key, std::int64_t min, std::int64_t max,
                       std::optional<std::int64_t> fallback);
  bool boolean(std::string_view key);

  bool ok() const { return ok_; }
  // Set when a base64 member decoded to more than its max: the route answers 413 not 400.
  bool too_large() const { return too_large_; }

 private:
  explicit JsonBody(nlohmann::json j) : json_(std::move(j)) {}
  const nlohmann::json* member(std::string_view key, bool required);

  nlohmann::json json_;
  bool ok_ = true;
  bool too_large_ = false;
};

}  // namespace sk::backend
