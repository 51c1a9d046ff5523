#include "core/i18n/po_catalog.hpp"

#include <gtest/gtest.h>

#include "core/i18n/translator.hpp"

namespace sk::app {
namespace {

TEST(PoCatalog, ReadsEntriesWithContinuationLinesAndEscapes) {
  auto c = PoCatalog::parse(
      "# header\nmsgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
      "msgid \"youth.hello\"\nmsgstr \"Hei \\\"du\\\"\"\n\"!\\n\"\n",
      "nb.po");
  ASSERT_TRUE(c.ok()) << c.error().message;
  ASSERT_NE(c->find("youth.hello"), nullptr);
  EXPECT_EQ(*c->find("youth.hello"), "Hei \"du\"!\n");
  EXPECT_EQ(c->entries().size(), 1u);  // the header entry is not a key
}

TEST(PoCatalog, RefusesDuplicateKeysNamingTheLine) {
  auto c = PoCatalog::parse("msgid \"a\"\nmsgstr \"x\"\n\nmsgid \"a\"\nmsgstr \"y\"\n", "sv.po");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().message, "sv.po:4: duplicate msgid \"a\"");
}

TEST(PoCatalog, RefusesEmptyTranslationUnknownEscapePluralsAndUnterminatedStrings) {
  EXPECT_FALSE(PoCatalog::parse("msgid \"a\"\nmsgstr \"\"\n", "x").ok());
  EXPECT_FALSE(PoCatalog::parse("msgid \"a\"\nmsgstr \"\\q\"\n", "x").ok());
  EXPECT_FALSE(PoCatalog::parse("msgid \"a\"\nmsgid_plural \"b\"\nmsgstr[0] \"c\"\n", "x").ok());
  EXPECT_FALSE(PoCatalog::parse("msgid \"a\nmsgstr \"b\"\n", "x").ok());
  EXPECT_FALSE(PoCatalog::parse("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"c\"\n", "x").ok());
}

TEST(Translator, FallsBackToEnglishThenToTheKey) {
  auto nb = PoCatalog::parse("msgid \"a\"\nmsgstr \"nb-a\"\n", "nb");
  auto en = PoCatalog::parse("msgid \"a\"\nmsgstr \"en-a\"\n\nmsgid \"b\"\nmsgstr \"en-b {1} {0}\"\n", "en");
  auto sv = PoCatalog::parse("msgid \"a\"\nmsgstr \"sv-a\"\n", "sv");
  ASSERT_TRUE(nb && en && sv);
  Translator t({*nb, *en, *sv});
  EXPECT_STREQ(t.tr("a"), "nb-a");
  t.set_language(Language::kSwedish);
  EXPECT_STREQ(t.tr("a"), "sv-a");
  EXPECT_EQ(t.format("b", {"x", "y"}), "en-b y x");
  EXPECT_STREQ(t.tr("missing.key"), "missing.key");
}

}  // namespace
}  // namespace sk::app
