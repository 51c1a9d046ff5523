#pragma once
// Translator: the app's strings in Norwegian bokmål (default), English and Swedish, switchable
// at run time. Code holds dotted keys ("youth.checkin.title"); the text lives in
// assets/i18n/<lang>.po.
//
// Rules:
//  - tr() never fails: a key missing from the current language falls back to English, then to
//    the key itself (tests/overlay/i18n_keys_test.cpp makes sure that never ships).
//  - Returned pointers stay valid until the Translator is destroyed or reloaded: ImGui may hold
//    them for the rest of the frame.
//  - Placeholders are positional, "{0}", "{1}", so translators may reorder them.

#include <array>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/i18n/po_catalog.hpp"
#include "sk/core/result.hpp"

namespace sk::app {

enum class Language { kNorwegianBokmal, kEnglish, kSwedish };

inline constexpr std::array<Language, 3> kLanguages{Language::kNorwegianBokmal, Language::kEnglish,
                                                    Language::kSwedish};

std::string_view language_code(Language language);  // "nb", "en", "sv" (the catalog's file name)
std::optional<Language> language_from_code(std::string_view code);
std::string_view language_name(Language language);  // in its own language: "Norsk bokmål"

class Translator {
 public:
  // Reads nb.po, en.po and sv.po from `dir`; any missing or malformed catalog is an error.
  static Result<Translator> load(const std::filesystem::path& dir);
  // From already parsed catalogs, in kLanguages order (tests).
  explicit Translator(std::array<PoCatalog, 3> catalogs) : catalogs_(std::move(catalogs)) {}

  void set_language(Language language) { language_ = language; }
  [[nodiscard]] Language language() const { return language_; }

  // `key` is a NUL-terminated literal (or a table entry): it is returned as is when nothing matches.
  [[nodiscard]] const char* tr(const char* key) const;
  // tr(key) with "{0}", "{1}", ... replaced by `args`.
  [[nodiscard]] std::string format(const char* key, std::initializer_list<std::string_view> args) const;
  [[nodiscard]] const PoCatalog& catalog(Language language) const;

 private:
  std::array<PoCatalog, 3> catalogs_;
  Language language_ = Language::kNorwegianBokmal;
};

// Replaces "{0}", "{1}", ... in `pattern`; unknown or malformed placeholders are left as they are.
std::string substitute(std::string_view pattern, std::initializer_list<std::string_view> args);

}  // namespace sk::app
