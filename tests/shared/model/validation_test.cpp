// Every validation rule, each with the field it must name. Struct-level rules go through
// validate_event (events built by the app); JSON-level rules through decode_event.

#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "sample_events.hpp"
#include "sk/model/codec.hpp"

namespace sk::model {
namespace {

using testing::sample_event;
using Json = nlohmann::json;

struct StructCase {
  const char* name;
  EventKind kind;
  std::function<void(Event&)> mutate;
  const char* message;
};

template <class B>
B& body(Event& e) {
  return std::get<B>(e.body);
}

const std::vector<StructCase>& struct_cases() {
  static const std::vector<StructCase> cases{
      {"NilId", EventKind::kWave, [](Event& e) { e.id = EventId{}; }, "id: must be a UUIDv7"},
      {"MissingCase", EventKind::kWave, [](Event& e) { e.case_id = CaseId{}; }, "case_id: is required"},
      {"MissingAuthor", EventKind::kWave, [](Event& e) { e.author = PrincipalId{}; },
       "author.principal: is required"},
      {"MissingDevice", EventKind::kWave, [](Event& e) { e.device = DeviceId{}; },
       "author.device: is required"},
      {"CreatedBefore2020", EventKind::kWave,
       [](Event& e) { e.created_at = Timestamp{Timestamp::kMinUnixMs - 1}; },
       "created_at: must be within 2020..2100 (UTC milliseconds)"},
      {"CreatedIn2100", EventKind::kWave, [](Event& e) { e.created_at = Timestamp{Timestamp::kMaxUnixMs}; },
       "created_at: must be within 2020..2100 (UTC milliseconds)"},
      {"UnknownFieldsNotObject", EventKind::kWave, [](Event& e) { e.unknown_fields = "[1]"; },
       "unknown_fields: must be a JSON object"},
      {"EmptyChat", EventKind::kChatMessage, [](Event& e) { body<ChatMessage>(e).text = ""; },
       "chat_message.text: must be 1..4000 characters"},
      {"LongChat", EventKind::kChatMessage,
       [](Event& e) { body<ChatMessage>(e).text = std::string(4001, 'a'); },
       "chat_message.text: must be 1..4000 characters"},
      {"ChatInvalidUtf8", EventKind::kChatMessage, [](Event& e) { body<ChatMessage>(e).text = "hei \xC3"; },
       "chat_message.text: is not valid UTF-8"},
      {"UnknownSticker", EventKind::kWave, [](Event& e) { body<Wave>(e).sticker = "skull"; },
       "wave.sticker: is not a known value"},
      {"ReceiptNilTarget", EventKind::kReadReceipt, [](Event& e) { body<ReadReceipt>(e).up_to = EventId{}; },
       "read_receipt.up_to: must be a UUIDv7"},
      {"ProposedBadZone", EventKind::kSessionProposed,
       [](Event& e) { body<SessionProposed>(e).time_zone = "Oslo time"; },
       "session_proposed.time_zone: must be an IANA time zone name"},
      {"ProposedTooShort", EventKind::kSessionProposed,
       [](Event& e) { body<SessionProposed>(e).duration_minutes = 4; },
       "session_proposed.duration_minutes: must be 5..480"},
      {"ProposedTooLong", EventKind::kSessionProposed,
       [](Event& e) { body<SessionProposed>(e).duration_minutes = 481; },
       "session_proposed.duration_minutes: must be 5..480"},
      {"ProposedStartOutOfRange", EventKind::kSessionProposed,
       [](Event& e) { body<SessionProposed>(e).start = Timestamp{0}; },
       "session_proposed.start: must be within 2020..2100 (UTC milliseconds)"},
      {"UntilOnOneOff", EventKind::kSessionProposed,
       [](Event& e) { body<SessionProposed>(e).recurrence = Recurrence::kOneOff; },
       "session_proposed.until: is only for weekly sessions"},
      {"UntilBeforeStart", EventKind::kSessionProposed,
       [](Event& e) { body<SessionProposed>(e).until = body<SessionProposed>(e).start; },
       "session_proposed.until: must be after start"},
      {"LongTitle", EventKind::kSessionProposed,
       [](Event& e) { body<SessionProposed>(e).title = std::string(101, 't'); },
       "session_proposed.title: must be 0..100 characters"},
      {"AnswerNilSession", EventKind::kSessionAnswered,
       [](Event& e) { body<SessionAnswered>(e).ref.session = EventId{}; },
       "session_answered.session: must be a UUIDv7"},
      {"AnswerOccurrenceOutOfRange", EventKind::kSessionAnswered,
       [](Event& e) { body<SessionAnswered>(e).ref.occurrence = Timestamp{-1}; },
       "session_answered.occurrence: must be within 2020..2100 (UTC milliseconds)"},
      {"RescheduleBadDuration", EventKind::kSessionRescheduled,
       [](Event& e) { body<SessionRescheduled>(e).duration_minutes = 0; },
       "session_rescheduled.duration_minutes: must be 5..480"},
      {"CancelLongReason", EventKind::kSessionCancelled,
       [](Event& e) { body<SessionCancelled>(e).reason = std::string(501, 'r'); },
       "session_cancelled.reason: must be 0..500 characters"},
      {"AttendedNilSession", EventKind::kSessionAttended,
       [](Event& e) { body<SessionAttended>(e).ref.session = EventId{}; },
       "session_attended.session: must be a UUIDv7"},
      {"NoShowNilSession", EventKind::kSessionNoShow,
       [](Event& e) { body<SessionNoShow>(e).ref.session = EventId{}; },
       "session_no_show.session: must be a UUIDv7"},
      {"SuggestionWithoutZone", EventKind::kSessionTimeSuggested,
       [](Event& e) { body<SessionTimeSuggested>(e).time_zone.clear(); },
       "session_time_suggested.time_zone: must be an IANA time zone name"},
      {"SuggestionStartOutOfRange", EventKind::kSessionTimeSuggested,
       [](Event& e) { body<SessionTimeSuggested>(e).start = Timestamp{0}; },
       "session_time_suggested.start: must be within 2020..2100 (UTC milliseconds)"},
      {"CardWithoutName", EventKind::kContactCard,
       [](Event& e) { body<ContactCard>(e).display_name.clear(); },
       "contact_card.display_name: must be 1..64 characters"},
      {"CardReplyHoursTooLong", EventKind::kContactCard,
       [](Event& e) { body<ContactCard>(e).reply_hours = std::string(101, 'h'); },
       "contact_card.reply_hours: must be 0..100 characters"},
      {"MoodZero", EventKind::kCheckIn, [](Event& e) { body<CheckIn>(e).mood = 0; },
       "check_in.mood: must be 1..5"},
      {"MoodSix", EventKind::kCheckIn, [](Event& e) { body<CheckIn>(e).mood = 6; },
       "check_in.mood: must be 1..5"},
      {"UnknownTag", EventKind::kCheckIn,
       [](Event& e) {
         body<CheckIn>(e).tags = {"calm", "grumpy"};
       },
       "check_in.tags[1]: is not a known value"},
      {"DuplicateTag", EventKind::kCheckIn,
       [](Event& e) {
         body<CheckIn>(e).tags = {"calm", "calm"};
       },
       "check_in.tags[1]: is a duplicate"},
      {"ElevenFreeTags", EventKind::kCheckIn,
       [](Event& e) {
         body<CheckIn>(e).free_tags.clear();
         for (int i = 0; i < 11; ++i) body<CheckIn>(e).free_tags.push_back("t" + std::to_string(i));
       },
       "check_in.free_tags: at most 10 items"},
      {"LongFreeTag", EventKind::kCheckIn,
       [](Event& e) { body<CheckIn>(e).free_tags = {std::string(33, 'x')}; },
       "check_in.free_tags[0]: must be 1..32 characters"},
      {"FreeTagOf32CodePointsIsFine", EventKind::kCheckIn,
       [](Event& e) {
         std::string s;
         for (int i = 0; i < 32; ++i) s += "ø";  // 64 bytes, 32 code points
         body<CheckIn>(e).free_tags = {s};
       },
       ""},
      {"EmptyFreeTag", EventKind::kCheckIn, [](Event& e) { body<CheckIn>(e).free_tags = {""}; },
       "check_in.free_tags[0]: must be 1..32 characters"},
      {"LongCheckInText", EventKind::kCheckIn,
       [](Event& e) { body<CheckIn>(e).text = std::string(1001, 'x'); },
       "check_in.text: must be 0..1000 characters"},
      {"EmptyTopic", EventKind::kTopicWish, [](Event& e) { body<TopicWish>(e).text = ""; },
       "topic_wish.text: must be 1..500 characters"},
      {"TopicNilSession", EventKind::kTopicWish, [](Event& e) { body<TopicWish>(e).for_session = EventId{}; },
       "topic_wish.for_session: must be a UUIDv7"},
      {"TooManyLikes", EventKind::kInterests,
       [](Event& e) {
         body<InterestsProfile>(e).likes.clear();
         for (int i = 0; i < 21; ++i) body<InterestsProfile>(e).likes.push_back("l" + std::to_string(i));
       },
       "interests.likes: at most 20 items"},
      {"LongGoodAt", EventKind::kInterests,
       [](Event& e) { body<InterestsProfile>(e).good_at = {std::string(65, 'g')}; },
       "interests.good_at[0]: must be 1..64 characters"},
      {"EmptyNote", EventKind::kSessionNote, [](Event& e) { body<SessionNote>(e).note = NoteTemplate{}; },
       "session_note.note: must not be empty"},
      {"NoteMoodSeven", EventKind::kSessionNote,
       [](Event& e) { body<SessionNote>(e).note.mood_observed = 7; },
       "session_note.note.mood_observed: must be 1..5"},
      {"NoteLongActivity", EventKind::kSessionNote,
       [](Event& e) { body<SessionNote>(e).note.activity = std::string(501, 'a'); },
       "session_note.note.activity: must be 0..500 characters"},
      {"NoteLongNextSteps", EventKind::kSessionNote,
       [](Event& e) { body<SessionNote>(e).note.next_steps = std::string(2001, 'a'); },
       "session_note.note.next_steps: must be 0..2000 characters"},
      {"NoteInvalidUtf8", EventKind::kSessionNote,
       [](Event& e) { body<SessionNote>(e).note.concerns = "\xFF"; },
       "session_note.note.concerns: is not valid UTF-8"},
      {"EmptyGuidance", EventKind::kGuidance, [](Event& e) { body<Guidance>(e).text = ""; },
       "guidance.text: must be 1..4000 characters"},
      {"LongConcern", EventKind::kConcern, [](Event& e) { body<Concern>(e).text = std::string(2001, 'c'); },
       "concern.text: must be 1..2000 characters"},
      {"ResolvedNilConcern", EventKind::kConcernResolved,
       [](Event& e) { body<ConcernResolved>(e).concern = EventId{}; },
       "concern_resolved.concern: must be a UUIDv7"},
      {"UnknownKindWithKnownTag", EventKind::kWave, [](Event& e) { e.body = UnknownEvent{"wave"}; },
       "kind: is a known kind, not an unknown one"},
      {"UnknownKindBadTag", EventKind::kWave, [](Event& e) { e.body = UnknownEvent{"Poll!"}; },
       "kind: must be 1..64 characters of a-z 0-9 _"},
  };
  return cases;
}

class StructRule : public ::testing::TestWithParam<StructCase> {};

TEST_P(StructRule, IsEnforcedAndNamesTheField) {
  Event e = sample_event(GetParam().kind);
  GetParam().mutate(e);
  const auto r = validate_event(e);
  if (std::string(GetParam().message).empty()) {
    EXPECT_TRUE(r.ok()) << r.error().message;
    return;
  }
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "model.invalid");
  EXPECT_EQ(r.error().message, GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(Validation, StructRule, ::testing::ValuesIn(struct_cases()),
                         [](const auto& p) { return std::string(p.param.name); });

struct JsonCase {
  const char* name;
  EventKind kind;
  std::function<void(Json&)> mutate;
  const char* message;
};

const std::vector<JsonCase>& json_cases() {
  static const std::vector<JsonCase> cases{
      {"MissingId", EventKind::kWave, [](Json& j) { j.erase("id"); }, "id: is required"},
      {"IdNotString", EventKind::kWave, [](Json& j) { j["id"] = 7; }, "id: must be a string"},
      {"IdUpperCase", EventKind::kWave, [](Json& j) { j["id"] = "0190F3C2-7A1B-7C3D-8E4F-0123456789AB"; },
       "id: must be a lower-case UUIDv7"},
      {"CaseIdWithSpace", EventKind::kWave, [](Json& j) { j["case_id"] = "case 1"; },
       "case_id: must be 1..64 characters of A-Z a-z 0-9 _ -"},
      {"MissingAuthor", EventKind::kWave, [](Json& j) { j.erase("author"); }, "author: is required"},
      {"AuthorNotObject", EventKind::kWave, [](Json& j) { j["author"] = "yara"; },
       "author: must be an object"},
      {"MissingDevice", EventKind::kWave, [](Json& j) { j["author"].erase("device"); },
       "author.device: is required"},
      {"CreatedAtString", EventKind::kWave, [](Json& j) { j["created_at"] = "2026-01-01"; },
       "created_at: must be an integer"},
      {"CreatedAtFloat", EventKind::kWave, [](Json& j) { j["created_at"] = 1.79e12; },
       "created_at: must be an integer"},
      {"CreatedAtHuge", EventKind::kWave, [](Json& j) { j["created_at"] = 18446744073709551615ULL; },
       "created_at: is out of range"},
      {"MissingKind", EventKind::kWave, [](Json& j) { j.erase("kind"); }, "kind: is required"},
      {"MissingBody", EventKind::kWave, [](Json& j) { j.erase("body"); }, "body: is required"},
      {"BodyNotObject", EventKind::kWave, [](Json& j) { j["body"] = Json::array(); },
       "body: must be an object"},
      {"MissingText", EventKind::kChatMessage, [](Json& j) { j["body"].erase("text"); },
       "chat_message.text: is required"},
      {"TextNull", EventKind::kChatMessage, [](Json& j) { j["body"]["text"] = nullptr; },
       "chat_message.text: must be a string"},
      {"MoodString", EventKind::kCheckIn, [](Json& j) { j["body"]["mood"] = "3"; },
       "check_in.mood: must be an integer"},
      {"MoodHuge", EventKind::kCheckIn, [](Json& j) { j["body"]["mood"] = 4294967299LL; },
       "check_in.mood: must be 1..5"},
      {"TagsNotArray", EventKind::kCheckIn, [](Json& j) { j["body"]["tags"] = "calm"; },
       "check_in.tags: must be an array of strings"},
      {"TagNotString", EventKind::kCheckIn,
       [](Json& j) {
         j["body"]["tags"] = Json::array({"calm", 3});
       },
       "check_in.tags[1]: must be a string"},
      {"AnswerMaybe", EventKind::kSessionAnswered, [](Json& j) { j["body"]["answer"] = "maybe"; },
       "session_answered.answer: must be one of accept, not_today"},
      {"RecurrenceDaily", EventKind::kSessionProposed, [](Json& j) { j["body"]["recurrence"] = "daily"; },
       "session_proposed.recurrence: must be one of one_off, weekly"},
      {"LevelHigh", EventKind::kConcern, [](Json& j) { j["body"]["level"] = "high"; },
       "concern.level: must be one of normal, urgent"},
      {"NoteMissingTemplate", EventKind::kSessionNote, [](Json& j) { j["body"].erase("note"); },
       "session_note.note: is required"},
      {"NoteOccurrenceWithoutSession", EventKind::kSessionNote, [](Json& j) { j["body"].erase("session"); },
       "session_note.occurrence: requires session"},
      {"NoteMoodFloat", EventKind::kSessionNote, [](Json& j) { j["body"]["note"]["mood_observed"] = 2.5; },
       "session_note.note.mood_observed: must be an integer"},
      {"ReceiptBadTarget", EventKind::kReadReceipt, [](Json& j) { j["body"]["up_to"] = "nope"; },
       "read_receipt.up_to: must be a lower-case UUIDv7"},
  };
  return cases;
}

class JsonRule : public ::testing::TestWithParam<JsonCase> {};

TEST_P(JsonRule, IsEnforcedAndNamesTheField) {
  auto encoded = encode_event(sample_event(GetParam().kind));
  ASSERT_TRUE(encoded.ok());
  Json j = Json::parse(*encoded);
  GetParam().mutate(j);
  const auto r = decode_event(j.dump());
  ASSERT_FALSE(r.ok()) << j.dump();
  EXPECT_EQ(r.error().code, "model.invalid");
  EXPECT_EQ(r.error().message, GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(Validation, JsonRule, ::testing::ValuesIn(json_cases()),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(Validation, OptionalFieldsMayBeLeftOut) {
  const auto e = decode_event(
      R"({"author":{"device":"kari-pc","principal":"kari"},"body":{"duration_minutes":60,)"
      R"("start":1790000000000,"time_zone":"Europe/Oslo"},"case_id":"case-1","created_at":1790000000000,)"
      R"("id":"0190f3c2-7a1b-7c3d-8e4f-0123456789ab","kind":"session_proposed"})");
  ASSERT_TRUE(e.ok()) << e.error().message;
  const auto& p = std::get<SessionProposed>(e->body);
  EXPECT_EQ(p.recurrence, Recurrence::kOneOff);
  EXPECT_FALSE(p.until.has_value());
  EXPECT_EQ(p.title, "");
}

}  // namespace
}  // namespace sk::model
