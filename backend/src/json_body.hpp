#pragma once
// Strict reading of JSON request bodies: an object with only the allowed members, each at most
// once and of the right type and size. Readers record the first failure; the route checks ok()
// once. Parsed with simdjson (on every append, so it is the server's hottest parse), which
// validates UTF-8 and JSON in one pass; simdjson stays inside json_body.cpp.

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sk/core/bytes.hpp"

namespace sk::backend {

class JsonBody {
 public:
  ~JsonBody();
  JsonBody(JsonBody&&) noexcept;
  JsonBody& operator=(JsonBody&&) noexcept;

  // Parses `text`; fails on invalid UTF-8 or JSON, a non-object, a member not in `allowed`, or
  // a member given twice.
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

  // An object of objects keyed by name, e.g. "cases":{"<id>":{"after":42,"directory":7}}: at most
  // `max_entries` names of 1..64 bytes, each inner object with only members of `fields`, each an
  // integer in [0, INT64_MAX] (absent = 0). `values` follow the order of `fields`.
  struct Record {
    std::string name;
    std::vector<std::int64_t> values;
  };
  std::vector<Record> records(std::string_view key, std::initializer_list<std::string_view> fields,
                              std::size_t max_entries);

  bool ok() const { return ok_; }
  // Set when a base64 member decoded to more than its max: the route answers 413 not 400.
  bool too_large() const { return too_large_; }

 private:
  struct Document;
  explicit JsonBody(std::unique_ptr<Document> d);

  std::unique_ptr<Document> doc_;
  bool ok_ = true;
  bool too_large_ = false;
};

}  // namespace sk::backend
