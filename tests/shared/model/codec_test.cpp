#include "sk/model/codec.hpp"

#include <gtest/gtest.h>

#include <random>

#include "sample_events.hpp"
#include "sk/model/limits.hpp"

namespace sk::model {
namespace {

using testing::sample_event;

constexpr const char* kCheckIn =
    R"({"author":{"device":"yara-pc","principal":"yara"},"body":{"mood":4,"tags":["calm"]},)"
    R"("case_id":"case-1","created_at":1790000000000,"id":"0190f3c2-7a1b-7c3d-8e4f-0123456789ab","kind":"check_in"})";

std::string encode(const Event& e) {
  auto r = encode_event(e);
  EXPECT_TRUE(r.ok()) << r.error().message;
  return r.ok() ? *r : std::string{};
}

class EveryKind : public ::testing::TestWithParam<EventKind> {};

TEST_P(EveryKind, RoundTripsThroughJson) {
  const Event e = sample_event(GetParam());
  const std::string json = encode(e);
  const auto back = decode_event(json);
  ASSERT_TRUE(back.ok()) << back.error().message << "\n" << json;
  EXPECT_EQ(*back, e);
  EXPECT_EQ(back->kind(), GetParam());
  EXPECT_EQ(encode(*back), json);
}

TEST_P(EveryKind, CarriesItsKindTag) {
  const std::string json = encode(sample_event(GetParam()));
  EXPECT_NE(json.find(R"("kind":")" + std::string(to_string(GetParam())) + "\""), std::string::npos) << json;
}

INSTANTIATE_TEST_SUITE_P(Codec, EveryKind, ::testing::ValuesIn(testing::known_kinds()),
                         [](const auto& p) { return std::string(to_string(p.param)); });

TEST(Codec, DecodesTheDocumentedShape) {
  const auto e = decode_event(kCheckIn);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->id.str(), "0190f3c2-7a1b-7c3d-8e4f-0123456789ab");
  EXPECT_EQ(e->case_id.str(), "case-1");
  EXPECT_EQ(e->author.str(), "yara");
  EXPECT_EQ(e->device.str(), "yara-pc");
  EXPECT_EQ(e->created_at.unix_ms, 1790000000000);
  const auto& c = std::get<CheckIn>(e->body);
  EXPECT_EQ(c.mood, 4);
  EXPECT_EQ(c.tags, std::vector<std::string>{"calm"});
  EXPECT_TRUE(e->unknown_fields.empty());
}

TEST(Codec, EncodingIsCanonicalSortedAndCompact) {
  const auto e = decode_event(kCheckIn);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(encode(*e), kCheckIn);
}

TEST(Codec, SpacingAndKeyOrderOfInputDoNotChangeTheEncoding) {
  const std::string messy =
      R"({ "kind" : "check_in", "id":"0190f3c2-7a1b-7c3d-8e4f-0123456789ab", "created_at": 1790000000000,)"
      R"( "case_id":"case-1", "body": {"tags":["calm"], "mood":4}, "author":{"principal":"yara","device":"yara-pc"} })";
  const auto e = decode_event(messy);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(encode(*e), kCheckIn);
}

TEST(Codec, UnknownFieldsAtEveryLevelSurviveARoundTrip) {
  const std::string json =
      R"({"author":{"device":"kari-pc","principal":"kari","tpm":{"attested":true}},)"
      R"("body":{"note":{"activity":"Bygget","colour":"blue"},"session":"0190f3c2-7a1b-7c3d-8e4f-0123456789ab",)"
      R"("voice_memo":"x"},"case_id":"case-1","created_at":1790000000000,)"
      R"("id":"0190f3c2-7a1b-7c3d-8e4f-0123456789ac","kind":"session_note","schema":2})";
  const auto e = decode_event(json);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(
      e->unknown_fields,
      R"({"author":{"tpm":{"attested":true}},"body":{"note":{"colour":"blue"},"voice_memo":"x"},"schema":2})");
  EXPECT_EQ(encode(*e), json);
}

TEST(Codec, UnknownKindIsKeptWholeAndReEncoded) {
  const std::string json =
      R"({"author":{"device":"yara-pc","principal":"yara"},"body":{"game":"Minecraft","votes":[1,2]},)"
      R"("case_id":"case-1","created_at":1790000000000,"id":"0190f3c2-7a1b-7c3d-8e4f-0123456789ab","kind":"poll"})";
  const auto e = decode_event(json);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->kind(), EventKind::kUnknown);
  EXPECT_EQ(std::get<UnknownEvent>(e->body).kind, "poll");
  EXPECT_EQ(encode(*e), json);
}

TEST(Codec, UnknownKindStillNeedsAValidHeader) {
  const auto e = decode_event(
      R"({"author":{"device":"d","principal":"p"},"case_id":"c","created_at":5,"id":"0190f3c2-7a1b-7c3d-8e4f-0123456789ab","kind":"poll"})");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().message, "created_at: must be within 2020..2100 (UTC milliseconds)");
}

TEST(Codec, KnownFieldsWinOverUnknownFieldsOfTheSameName) {
  Event e = sample_event(EventKind::kChatMessage);
  e.unknown_fields = R"({"body":{"text":"forged","extra":1},"kind":"guidance"})";
  const std::string json = encode(e);
  const auto back = decode_event(json);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(std::get<ChatMessage>(back->body).text, std::get<ChatMessage>(e.body).text);
  EXPECT_EQ(back->unknown_fields, R"({"body":{"extra":1}})");
}

TEST(Codec, RejectsMalformedJson) {
  for (const char* bad : {"", "{", "[]", "null", "42", R"({"id":})", "{\"a\":1}x"}) {
    const auto e = decode_event(bad);
    ASSERT_FALSE(e.ok()) << bad;
    EXPECT_EQ(e.error().code, "model.invalid");
    EXPECT_EQ(e.error().message.rfind("event: ", 0), 0U) << e.error().message;
  }
}

TEST(Codec, RejectsDuplicateKeys) {
  std::string json = kCheckIn;
  json.insert(json.find("\"case_id\""), R"("kind":"chat_message",)");
  const auto e = decode_event(json);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().message, "event: duplicate key \"kind\"");
}

TEST(Codec, RejectsDeepNestingEvenInUnknownFields) {
  std::string deep = std::string(40, '[') + std::string(40, ']');
  std::string json = kCheckIn;
  json.insert(1, R"("x":)" + deep + ",");
  const auto e = decode_event(json);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().message, "event: nested too deeply");
}

TEST(Codec, RejectsOversizedInput) {
  std::string json = kCheckIn;
  json.insert(1, R"("pad":")" + std::string(kMaxEventJsonBytes, 'a') + "\",");
  const auto e = decode_event(json);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().message.rfind("event: larger than", 0), 0U);
}

TEST(Codec, RejectsInvalidUtf8) {
  for (const std::string& bad :
       {std::string("\xC3\x28"), std::string("\xED\xA0\x80"), std::string("\xF8\x88\x80\x80")}) {
    std::string json = kCheckIn;
    json.insert(json.find("calm") + 4, bad);
    const auto e = decode_event(json);
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().code, "model.invalid");
  }
}

TEST(Codec, RejectsALoneSurrogateEscape) {
  std::string json = kCheckIn;
  json.insert(json.find("calm") + 4, "\\ud800");
  ASSERT_NE(json.find("calm\\ud800"), std::string::npos);
  EXPECT_FALSE(decode_event(json).ok());
}

TEST(Codec, RejectsInvalidUtf8InUnknownFieldKeys) {
  std::string json = kCheckIn;
  json.insert(1, "\"k\xC3\x28\":1,");
  EXPECT_FALSE(decode_event(json).ok());
}

TEST(Codec, RejectsEncodingAnInvalidEvent) {
  Event e = sample_event(EventKind::kCheckIn);
  std::get<CheckIn>(e.body).mood = 9;
  const auto r = encode_event(e);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "check_in.mood: must be 1..5");
}

TEST(Codec, NeverThrowsOnMutatedInput) {
  std::mt19937 rng(7);  // fixed seed: reproducible
  const std::string base = encode(sample_event(EventKind::kSessionNote));
  for (int i = 0; i < 3000; ++i) {
    std::string s = base;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < edits; ++k) {
      const std::size_t at = rng() % s.size();
      switch (rng() % 3) {
        case 0:
          s[at] = static_cast<char>(rng() % 256);
          break;
        case 1:
          s.erase(at, 1 + rng() % 8);
          break;
        default:
          s.insert(at, 1, "{}[]\":,0-e\\"[rng() % 11]);
          break;
      }
      if (s.empty()) s = "x";
    }
    const auto e = decode_event(s);
    if (e.ok()) {
      const auto again = encode_event(*e);
      ASSERT_TRUE(again.ok()) << s;
      const auto back = decode_event(*again);
      ASSERT_TRUE(back.ok()) << *again;
      EXPECT_EQ(*back, *e);
    }
  }
}

}  // namespace
}  // namespace sk::model
