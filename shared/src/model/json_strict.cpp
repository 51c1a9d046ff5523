#include "json_strict.hpp"

#include <set>
#include <vector>

#include "sk/model/limits.hpp"

namespace sk::model::detail {
namespace {

struct Rejected {
  std::string reason;
};

}  // namespace

ParseOutcome parse_strict(std::string_view text) {
  std::vector<std::set<std::string>> open_objects;
  const auto check = [&open_objects](int depth, Json::parse_event_t event, Json& parsed) {
    if (depth > static_cast<int>(kMaxJsonDepth)) throw Rejected{"nested too deeply"};
    switch (event) {
      case Json::parse_event_t::object_start:
        open_objects.emplace_back();
        break;
      case Json::parse_event_t::object_end:
        open_objects.pop_back();
        break;
      case Json::parse_event_t::key:
        if (!open_objects.back().insert(parsed.get<std::string>()).second) {
          throw Rejected{"duplicate key \"" + parsed.get<std::string>() + "\""};
        }
        break;
      default:
        break;
    }
    return true;
  };
  try {
    return {Json::parse(text, check), {}};
  } catch (const Rejected& r) {
    return {std::nullopt, r.reason};
  } catch (const Json::exception&) {
    return {std::nullopt, "not valid JSON (or not valid UTF-8)"};
  }
}

void merge_unknown(Json& target, const Json& extras) {
  for (const auto& [key, value] : extras.items()) {
    const auto it = target.find(key);
    if (it == target.end()) {
      target[key] = value;
    } else if (it->is_object() && value.is_object()) {
      merge_unknown(*it, value);
    }
  }
}

}  // namespace sk::model::detail
