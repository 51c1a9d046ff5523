#include "core/i18n/po_catalog.hpp"

#include <optional>

namespace sk::app {
namespace {

struct LineError {
  std::size_t line;
  std::string what;
};

// Decodes one "quoted" C-style string starting at text[0] == '"'; the rest of the line must be
// blank. Only the escapes gettext writes are accepted.
std::optional<std::string> unquote(std::string_view text, std::string& why) {
  if (text.empty() || text.front() != '"') {
    why = "expected a quoted string";
    return std::nullopt;
  }
  std::string out;
  std::size_t i = 1;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') break;
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (++i == text.size()) break;
    switch (text[i]) {
      case 'n':
        out.push_back('\n');
        break;
      case 't':
        out.push_back('\t');
        break;
      case '"':
        out.push_back('"');
        break;
      case '\\':
        out.push_back('\\');
        break;
      default:
        why = "unknown escape";
        return std::nullopt;
    }
  }
  if (i >= text.size()) {
    why = "unterminated string";
    return std::nullopt;
  }
  for (std::size_t j = i + 1; j < text.size(); ++j) {
    if (text[j] != ' ' && text[j] != '\t' && text[j] != '\r') {
      why = "text after the closing quote";
      return std::nullopt;
    }
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<PoCatalog> PoCatalog::parse(std::string_view text, std::string_view source_name) {
  PoCatalog catalog;
  enum class Field { kNone, kId, kStr };
  Field field = Field::kNone;
  std::string id;
  std::string str;
  bool have_id = false;
  bool have_str = false;
  std::size_t id_line = 0;

  auto error = [&](std::size_t line, std::string_view what) {
    return fail("i18n.invalid",
                std::string(source_name) + ":" + std::to_string(line) + ": " + std::string(what));
  };
  auto flush = [&]() -> std::optional<std::string> {
    if (!have_id) return std::nullopt;
    if (!have_str) return "msgid without msgstr";
    if (!id.empty()) {
      if (str.empty()) return "empty msgstr for \"" + id + "\"";
      if (!catalog.entries_.emplace(id, str).second) return "duplicate msgid \"" + id + "\"";
    }
    have_id = have_str = false;
    id.clear();
    str.clear();
    field = Field::kNone;
    return std::nullopt;
  };

  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') {
      if (line.empty() && have_str) {
        if (auto why = flush()) return error(id_line, *why);
      }
      if (end == text.size()) break;
      continue;
    }
    std::string why;
    if (line.front() == '"') {
      auto piece = unquote(line, why);
      if (!piece) return error(line_no, why);
      if (field == Field::kId)
        id += *piece;
      else if (field == Field::kStr)
        str += *piece;
      else
        return error(line_no, "continuation string outside an entry");
    } else if (line.starts_with("msgid ")) {
      if (have_str) {
        if (auto w = flush()) return error(id_line, *w);
      }
      if (have_id) return error(line_no, "msgid twice in one entry");
      auto piece = unquote(trim(line.substr(6)), why);
      if (!piece) return error(line_no, why);
      id = *piece;
      have_id = true;
      id_line = line_no;
      field = Field::kId;
    } else if (line.starts_with("msgstr ")) {
      if (!have_id || have_str) return error(line_no, "msgstr without its msgid");
      auto piece = unquote(trim(line.substr(7)), why);
      if (!piece) return error(line_no, why);
      str = *piece;
      have_str = true;
      field = Field::kStr;
    } else {
      return error(line_no, "unknown keyword (plurals and contexts are not used)");
    }
    if (end == text.size()) break;
  }
  if (auto why = flush()) return error(id_line, *why);
  return catalog;
}

const std::string* PoCatalog::find(std::string_view key) const {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace sk::app
