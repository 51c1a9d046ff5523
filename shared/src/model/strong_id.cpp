#include "sk/model/strong_id.hpp"

#include <algorithm>

namespace sk::model {

bool is_valid_id_text(std::string_view text) {
  if (text.empty() || text.size() > kMaxIdLength) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

}  // namespace sk::model
