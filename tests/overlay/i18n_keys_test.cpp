// Every string key the app's code uses exists in every catalog, and the catalogs agree with each
// other (ImHex's tests/check_langs.py, as a GoogleTest). A key is a string literal in overlay/
// whose first dotted segment is one of the catalogs' top-level sections ("youth.checkin.title").
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/i18n/translator.hpp"

namespace sk::app {
namespace {

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Translator load() {
  auto t = Translator::load(std::string(SK_SOURCE_DIR) + "/assets/i18n");
  EXPECT_TRUE(t.ok()) << (t ? "" : t.error().message);
  return std::move(*t);
}

std::set<std::string> placeholders(const std::string& text) {
  std::set<std::string> out;
  std::regex re(R"(\{[0-9]\})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
    out.insert(it->str());
  }
  return out;
}

TEST(I18nKeys, EveryKeyUsedInCodeIsInEveryCatalog) {
  Translator t = load();
  std::set<std::string> sections;
  for (const auto& [key, text] : t.catalog(Language::kEnglish).entries())
    sections.insert(key.substr(0, key.find('.')));
  std::regex literal(R"re("([a-z_]+(\.[a-z0-9_]+)+)")re");
  std::set<std::string> used;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(std::string(SK_SOURCE_DIR) + "/overlay")) {
    auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".hpp") continue;
    std::string code = read(entry.path());
    for (auto it = std::sregex_iterator(code.begin(), code.end(), literal); it != std::sregex_iterator();
         ++it) {
      std::string key = (*it)[1];
      if (sections.contains(key.substr(0, key.find('.')))) used.insert(key);
    }
  }
  EXPECT_GT(used.size(), 100u) << "the scan found too few keys: is the pattern still right?";
  for (Language l : kLanguages) {
    for (const auto& key : used) {
      EXPECT_NE(t.catalog(l).find(key), nullptr) << key << " missing from " << language_code(l) << ".po";
    }
  }
}

TEST(I18nKeys, CatalogsHaveTheSameKeysAndPlaceholders) {
  Translator t = load();
  const auto& en = t.catalog(Language::kEnglish).entries();
  for (Language l : kLanguages) {
    const auto& other = t.catalog(l).entries();
    for (const auto& [key, text] : en) {
      auto it = other.find(key);
      ASSERT_NE(it, other.end()) << key << " missing from " << language_code(l) << ".po";
      EXPECT_EQ(placeholders(it->second), placeholders(text)) << key << " in " << language_code(l) << ".po";
    }
    EXPECT_EQ(other.size(), en.size()) << language_code(l) << ".po has keys en.po lacks";
  }
}

}  // namespace
}  // namespace sk::app
