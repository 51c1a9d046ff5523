#include "json_reader.hpp"

#include <limits>

namespace sk::model::detail {

JsonReader::JsonReader(const Json& object, std::string path, std::shared_ptr<std::string> error)
    : object_(object), path_(std::move(path)), error_(std::move(error)) {}

JsonReader JsonReader::root(const Json& object) {
  return {object, "", std::make_shared<std::string>()};
}

std::string JsonReader::path_of(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void JsonReader::fail_at(std::string_view key, std::string_view reason) {
  if (failed()) return;
  *error_ = path_of(key) + ": " + std::string(reason);
}

bool JsonReader::has(std::string_view key) const {
  return object_.contains(key);
}

const Json* JsonReader::find(std::string_view key, bool required) {
  read_.emplace(key);
  const auto it = object_.find(key);
  if (it == object_.end()) {
    if (required) fail_at(key, "is required");
    return nullptr;
  }
  return &*it;
}

std::string JsonReader::string(std::string_view key) {
  const Json* v = find(key, true);
  if (v == nullptr) return {};
  if (!v->is_string()) {
    fail_at(key, "must be a string");
    return {};
  }
  return v->get<std::string>();
}

std::string JsonReader::text(std::string_view key) {
  if (!has(key)) {
    find(key, false);
    return {};
  }
  return string(key);
}

std::int64_t JsonReader::integer(std::string_view key) {
  const Json* v = find(key, true);
  if (v == nullptr) return 0;
  if (v->is_number_unsigned()) {
    const auto u = v->get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      fail_at(key, "is out of range");
      return 0;
    }
    return static_cast<std::int64_t>(u);
  }
  if (!v->is_number_integer()) {
    fail_at(key, "must be an integer");
    return 0;
  }
  return v->get<std::int64_t>();
}

std::optional<std::int64_t> JsonReader::opt_integer(std::string_view key) {
  if (!has(key)) {
    find(key, false);
    return std::nullopt;
  }
  return integer(key);
}

std::vector<std::string> JsonReader::string_list(std::string_view key) {
  const Json* v = find(key, false);
  if (v == nullptr) return {};
  if (!v->is_array()) {
    fail_at(key, "must be an array of strings");
    return {};
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& item = (*v)[i];
    if (!item.is_string()) {
      fail_at(std::string(key) + "[" + std::to_string(i) + "]", "must be a string");
      return {};
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

EventId JsonReader::event_id(std::string_view key) {
  const std::string s = string(key);
  if (failed()) return {};
  auto id = EventId::parse(s);
  if (!id) {
    fail_at(key, id.error().message);
    return {};
  }
  return *id;
}

std::optional<EventId> JsonReader::opt_event_id(std::string_view key) {
  if (!has(key)) {
    find(key, false);
    return std::nullopt;
  }
  return event_id(key);
}

Timestamp JsonReader::timestamp(std::string_view key) {
  return Timestamp{integer(key)};
}

std::optional<Timestamp> JsonReader::opt_timestamp(std::string_view key) {
  const auto v = opt_integer(key);
  if (!v) return std::nullopt;
  return Timestamp{*v};
}

void JsonReader::adopt(std::string_view key, Json nested_unknowns) {
  if (!nested_unknowns.empty()) nested_unknowns_[std::string(key)] = std::move(nested_unknowns);
}

Json JsonReader::unknown_fields() const {
  Json out = nested_unknowns_;
  for (const auto& [key, value] : object_.items()) {
    if (!read_.contains(key)) out[key] = value;
  }
  return out;
}

}  // namespace sk::model::detail
