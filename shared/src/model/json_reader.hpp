#pragma once
// Internal: reads one JSON object field by field, checking presence and types, and remembers the
// first error with its field path. Keys that were never read are the object's unknown fields;
// nested readers hand theirs to the parent, so unknowns are kept at every level.

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sk/model/event_id.hpp"
#include "sk/model/strong_id.hpp"
#include "sk/model/timestamp.hpp"

namespace sk::model::detail {

using Json = nlohmann::json;

class JsonReader {
 public:
  // `object` must outlive the reader. `path` prefixes error messages ("" at the root).
  JsonReader(const Json& object, std::string path, std::shared_ptr<std::string> error);
  static JsonReader root(const Json& object);

  [[nodiscard]] bool failed() const { return !error_->empty(); }
  [[nodiscard]] const std::string& error() const { return *error_; }
  // Records `reason` for `key` unless an earlier error was recorded.
  void fail_at(std::string_view key, std::string_view reason);
  [[nodiscard]] std::string path_of(std::string_view key) const;

  std::string string(std::string_view key);    // required
  std::string text(std::string_view key);      // optional, "" when absent
  std::int64_t integer(std::string_view key);  // required
  std::optional<std::int64_t> opt_integer(std::string_view key);
  std::vector<std::string> string_list(std::string_view key);  // optional, [] when absent
  EventId event_id(std::string_view key);
  std::optional<EventId> opt_event_id(std::string_view key);
  Timestamp timestamp(std::string_view key);  // range checked by validate
  std::optional<Timestamp> opt_timestamp(std::string_view key);
  [[nodiscard]] bool has(std::string_view key) const;

  template <class Id>
  Id strong_id(std::string_view key) {
    const std::string s = string(key);
    if (failed()) return Id{};
    auto id = Id::parse(s);
    if (!id) {
      fail_at(key, id.error().message);
      return Id{};
    }
    return *id;
  }

  // Reads the nested object at `key` with `read(JsonReader&)`; returns false if it is absent
  // (an error when `required`). Errors inside it are reported under `child_path` (default: the
  // key's own path).
  // Reads each object of the optional array at `key` with `read(JsonReader&)`. Members an
  // element does not know are an error here: a list element has no place to keep them.
  template <class F>
  void object_list(std::string_view key, F&& read) {
    const Json* v = find(key, false);
    if (v == nullptr) return;
    if (!v->is_array()) return fail_at(key, "must be an array of objects");
    for (std::size_t i = 0; i < v->size() && !failed(); ++i) {
      const std::string at = std::string(key) + "[" + std::to_string(i) + "]";
      if (!(*v)[i].is_object()) return fail_at(at, "must be an object");
      JsonReader child((*v)[i], path_of(at), error_);
      read(child);
      if (!failed() && !child.unknown_fields().empty()) fail_at(at, "has unknown members");
    }
  }

  template <class F>
  bool object(std::string_view key, bool required, F&& read, std::string child_path = {}) {
    const Json* v = find(key, required);
    if (v == nullptr) return false;
    if (!v->is_object()) {
      fail_at(key, "must be an object");
      return false;
    }
    JsonReader child(*v, child_path.empty() ? path_of(key) : std::move(child_path), error_);
    read(child);
    adopt(key, child.unknown_fields());
    return true;
  }

  // The keys not read so far (with nested readers' unknowns), as a JSON object.
  [[nodiscard]] Json unknown_fields() const;

 private:
  const Json* find(std::string_view key, bool required);
  void adopt(std::string_view key, Json nested_unknowns);

  const Json& object_;
  std::string path_;
  std::shared_ptr<std::string> error_;
  std::set<std::string, std::less<>> read_;
  Json nested_unknowns_ = Json::object();
};

}  // namespace sk::model::detail
