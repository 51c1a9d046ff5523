// CaseState as a whole: determinism, duplicates, chunked folding, and the youth's and the
// team's records.

#include "sk/model/case_state.hpp"

#include <gtest/gtest.h>

#include <random>

#include "sample_events.hpp"

namespace sk::model {
namespace {

using testing::contact;
using testing::make_event;
using testing::supervisor;
using testing::youth;

// A long, mixed stream: a session series with answers and marks, chat with receipts, check-ins,
// notes and concerns. Built from a fixed seed so every run sees the same stream.
std::vector<Event> mixed_stream(std::size_t n) {
  std::mt19937 rng(42);
  std::vector<Event> out;
  const Event series = make_event(
      SessionProposed{Timestamp{testing::kT0}, "Europe/Oslo", 60, Recurrence::kWeekly, std::nullopt, "Uke"},
      contact());
  out.push_back(series);
  std::vector<EventId> ids{series.id};
  for (std::size_t i = 0; i < n; ++i) {
    const Timestamp meeting{testing::kT0 + static_cast<std::int64_t>(rng() % 8) * kWeekMs};
    const std::int64_t at = testing::kT0 + static_cast<std::int64_t>(i) * kMinuteMs;
    switch (rng() % 9) {
      case 0:
        out.push_back(make_event(ChatMessage{"m" + std::to_string(i)}, rng() % 2 ? youth() : contact(), at));
        break;
      case 1:
        out.push_back(make_event(ReadReceipt{ids[rng() % ids.size()]}, rng() % 2 ? youth() : contact(), at));
        break;
      case 2:
        out.push_back(
            make_event(SessionAnswered{{series.id, meeting}, rng() % 2 ? Answer::kAccept : Answer::kNotToday},
                       youth(), at));
        break;
      case 3:
        out.push_back(make_event(SessionCancelled{{series.id, meeting}, ""}, contact(), at));
        break;
      case 4:
        out.push_back(make_event(SessionAttended{{series.id, meeting}}, contact(), at));
        break;
      case 5:
        out.push_back(make_event(CheckIn{static_cast<std::int32_t>(1 + rng() % 5), {}, {}, ""}, youth(), at));
        break;
      case 6:
        out.push_back(make_event(Concern{ConcernLevel::kNormal, "c"}, contact(), at));
        break;
      case 7:
        out.push_back(make_event(ConcernResolved{ids[rng() % ids.size()], ""}, supervisor(), at));
        break;
      default:
        out.push_back(out[rng() % out.size()]);
        break;  // a duplicate delivery
    }
    ids.push_back(out.back().id);
  }
  return out;
}

CaseState fold_all(const std::vector<Event>& events) {
  CaseState s(testing::sample_case());
  std::int64_t seq = 0;
  for (const auto& e : events) s.apply(e, ++seq);
  return s;
}

TEST(CaseFold, SameEventsInSameOrderGiveIdenticalState) {
  const auto events = mixed_stream(400);
  EXPECT_EQ(fold_all(events), fold_all(events));
}

TEST(CaseFold, ChunkedFoldingEqualsFoldingAllAtOnce) {
  const auto events = mixed_stream(400);
  const CaseState whole = fold_all(events);
  for (const std::size_t chunk : {1U, 7U, 64U, 399U}) {
    CaseState kept(testing::sample_case());
    std::int64_t seq = 0;
    for (std::size_t from = 0; from < events.size(); from += chunk) {
      // A view model keeps its state and folds only what came after its cursor.
      for (std::size_t i = from; i < std::min(events.size(), from + chunk); ++i) kept.apply(events[i], ++seq);
      ASSERT_EQ(kept.cursor(), seq);
    }
    EXPECT_EQ(kept, whole) << "chunk " << chunk;
  }
}

TEST(CaseFold, DuplicateEventIdIsAppliedOnce) {
  CaseState s(testing::sample_case());
  const Event m = make_event(ChatMessage{"hei"}, youth());
  const Event c = make_event(CheckIn{4, {}, {}, ""}, youth());
  s.apply(m, 1);
  s.apply(c, 2);
  s.apply(m, 3);
  s.apply(c, 4);
  EXPECT_EQ(s.chat().entries().size(), 1U);
  EXPECT_EQ(s.wellbeing().check_ins().size(), 1U);
  EXPECT_EQ(s.events_seen(), 2U);
}

TEST(CaseFold, UnknownKindIsKeptOutOfTheState) {
  CaseState s(testing::sample_case());
  const CaseState empty = s;
  Event e = make_event(UnknownEvent{"poll"}, youth());
  s.apply(e, 1);
  EXPECT_EQ(s.events_seen(), 1U);
  EXPECT_EQ(s.chat(), empty.chat());
  EXPECT_EQ(s.schedule(), empty.schedule());
}

TEST(CaseFold, EventsOfAnotherCaseAreIgnored) {
  CaseState s(testing::sample_case());
  Event e = make_event(ChatMessage{"hei"}, youth());
  e.case_id = CaseId("case-2");
  s.apply(e, 1);
  EXPECT_TRUE(s.chat().entries().empty());
}

TEST(CaseFold, CheckInsBuildAHistoryAndMoodTrend) {
  CaseState s(testing::sample_case());
  std::int64_t seq = 0;
  for (const int mood : {4, 3, 2, 1, 2}) s.apply(make_event(CheckIn{mood, {}, {}, ""}, youth()), ++seq);
  EXPECT_EQ(s.wellbeing().check_ins().size(), 5U);
  const MoodTrend t = s.wellbeing().mood_trend(3);
  EXPECT_EQ(t.moods, (std::vector<std::int32_t>{2, 1, 2}));
  EXPECT_DOUBLE_EQ(t.average, 5.0 / 3.0);
  EXPECT_EQ(s.wellbeing().mood_trend(10).moods.size(), 5U);
  EXPECT_DOUBLE_EQ(CaseState(testing::sample_case()).wellbeing().mood_trend(3).average, 0.0);
}

TEST(CaseFold, ContactCannotCheckInForTheYouth) {
  CaseState s(testing::sample_case());
  s.apply(make_event(CheckIn{5, {}, {}, ""}, contact()), 1);
  EXPECT_TRUE(s.wellbeing().check_ins().empty());
}

TEST(CaseFold, LatestInterestsProfileReplacesTheEarlierOne) {
  CaseState s(testing::sample_case());
  s.apply(make_event(InterestsProfile{{"Minecraft"}, {}}, youth()), 1);
  s.apply(make_event(InterestsProfile{{"Stardew"}, {"tegne"}}, youth()), 2);
  ASSERT_TRUE(s.wellbeing().interests().has_value());
  EXPECT_EQ(s.wellbeing().interests()->profile.likes, std::vector<std::string>{"Stardew"});
}

TEST(CaseFold, TopicWishesAreListedInOrder) {
  CaseState s(testing::sample_case());
  s.apply(make_event(TopicWish{"Skolen", std::nullopt}, youth()), 1);
  s.apply(make_event(TopicWish{"Katten min", std::nullopt}, youth()), 2);
  ASSERT_EQ(s.wellbeing().topic_wishes().size(), 2U);
  EXPECT_EQ(s.wellbeing().topic_wishes()[1].wish.text, "Katten min");
}

TEST(CaseFold, ConcernStaysOpenUntilResolved) {
  CaseState s(testing::sample_case());
  const Event c = make_event(Concern{ConcernLevel::kUrgent, "Bekymret"}, contact());
  s.apply(c, 1);
  EXPECT_EQ(s.team().open_concerns(), 1U);
  EXPECT_TRUE(s.team().has_open_urgent_concern());
  s.apply(make_event(ConcernResolved{c.id, "Ringte"}, supervisor()), 2);
  EXPECT_EQ(s.team().open_concerns(), 0U);
  EXPECT_FALSE(s.team().has_open_urgent_concern());
  EXPECT_EQ(s.team().concerns()[0].resolution->by, supervisor());
}

TEST(CaseFold, FirstResolutionOfAConcernWins) {
  CaseState s(testing::sample_case());
  const Event c = make_event(Concern{ConcernLevel::kNormal, "Bekymret"}, contact());
  s.apply(c, 1);
  s.apply(make_event(ConcernResolved{c.id, "først"}, supervisor()), 2);
  s.apply(make_event(ConcernResolved{c.id, "sist"}, contact()), 3);
  EXPECT_EQ(s.team().concerns()[0].resolution->text, "først");
}

TEST(CaseFold, NotesAndGuidanceAreKeptWithTheirAuthors) {
  CaseState s(testing::sample_case());
  s.apply(make_event(SessionNote{std::nullopt, NoteTemplate{"Fortnite", 4, "", "", ""}}, contact()), 1);
  s.apply(make_event(Guidance{"Fint!", std::nullopt}, supervisor()), 2);
  s.apply(make_event(Guidance{"Fra kontakt", std::nullopt}, contact()), 3);  // not allowed: ignored
  ASSERT_EQ(s.team().notes().size(), 1U);
  EXPECT_EQ(s.team().notes()[0].author, contact());
  ASSERT_EQ(s.team().guidance().size(), 1U);
  EXPECT_EQ(s.team().guidance()[0].guidance.text, "Fint!");
}

}  // namespace
}  // namespace sk::model
