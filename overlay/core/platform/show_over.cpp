#include "core/platform/show_over.hpp"

#include <algorithm>
#include <cctype>

namespace sk::app {
namespace {

std::string normalized(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

bool bar_belongs_over(const std::vector<std::string>& front, std::string_view list) {
  if (normalized(list).empty() || front.empty()) return true;
  while (!list.empty()) {
    const auto comma = list.find(',');
    const std::string wanted = normalized(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    if (wanted.empty()) continue;
    for (const auto& name : front)
      if (normalized(name) == wanted) return true;
  }
  return false;
}

}  // namespace sk::app
