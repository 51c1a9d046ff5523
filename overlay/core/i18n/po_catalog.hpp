#pragma once
// PoCatalog: one language's strings, read from a gettext .po file (the format translators' tools
// such as Poedit and Weblate read and write).
//
// Rules:
//  - msgid is a dotted key ("youth.checkin.title"), msgstr its text; the header entry
//    (msgid "") is allowed and skipped.
//  - Strict: an unknown keyword, a duplicate key, an empty translation, an unterminated string or
//    an unknown escape is an error naming the line ("nb.po:12: duplicate msgid"), never a guess.
//    Plurals and contexts are refused because the app uses neither.
//  - Pure: text in, catalog or error out; no file access here.

#include <map>
#include <string>
#include <string_view>

#include "sk/core/result.hpp"

namespace sk::app {

class PoCatalog {
 public:
  // `source_name` only labels error messages.
  static Result<PoCatalog> parse(std::string_view text, std::string_view source_name);

  // The translation of `key`, or nullptr when the catalog lacks it.
  [[nodiscard]] const std::string* find(std::string_view key) const;
  [[nodiscard]] const std::map<std::string, std::string, std::less<>>& entries() const { return entries_; }

 private:
  std::map<std::string, std::string, std::less<>> entries_;
};

}  // namespace sk::app
