#include "core/i18n/translator.hpp"

#include <fstream>
#include <sstream>
#include <vector>

namespace sk::app {

std::string_view language_code(Language language) {
  switch (language) {
    case Language::kNorwegianBokmal:
      return "nb";
    case Language::kEnglish:
      return "en";
    case Language::kSwedish:
      return "sv";
  }
  return "nb";
}

std::optional<Language> language_from_code(std::string_view code) {
  for (Language l : kLanguages) {
    if (language_code(l) == code) return l;
  }
  return std::nullopt;
}

std::string_view language_name(Language language) {
  switch (language) {
    case Language::kNorwegianBokmal:
      return "Norsk bokmål";
    case Language::kEnglish:
      return "English";
    case Language::kSwedish:
      return "Svenska";
  }
  return "Norsk bokmål";
}

Result<Translator> Translator::load(const std::filesystem::path& dir) {
  std::array<PoCatalog, 3> catalogs;
  for (std::size_t i = 0; i < kLanguages.size(); ++i) {
    std::string name = std::string(language_code(kLanguages[i])) + ".po";
    std::ifstream in(dir / name, std::ios::binary);
    if (!in) return fail("i18n.missing", "cannot read catalog " + (dir / name).string());
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto parsed = PoCatalog::parse(buffer.str(), name);
    if (!parsed) return Unexpected{parsed.error()};
    catalogs[i] = std::move(*parsed);
  }
  return Translator(std::move(catalogs));
}

const PoCatalog& Translator::catalog(Language language) const {
  return catalogs_[static_cast<std::size_t>(language)];
}

const char* Translator::tr(const char* key) const {
  if (const std::string* text = catalog(language_).find(key)) return text->c_str();
  if (const std::string* text = catalog(Language::kEnglish).find(key)) return text->c_str();
  // The key itself: visible enough to be reported, and the key test keeps it out of releases.
  return key;
}

std::string Translator::format(const char* key, std::initializer_list<std::string_view> args) const {
  return substitute(tr(key), args);
}

std::string substitute(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::vector<std::string_view> list(args);
  std::string out;
  out.reserve(pattern.size() + 16);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
        pattern[i + 1] <= '9') {
      auto n = static_cast<std::size_t>(pattern[i + 1] - '0');
      if (n < list.size()) {
        out += list[n];
        i += 2;
        continue;
      }
    }
    out.push_back(pattern[i]);
  }
  return out;
}

}  // namespace sk::app
