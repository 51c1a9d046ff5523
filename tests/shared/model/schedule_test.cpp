// Folding session events into the schedule.

#include <gtest/gtest.h>

#include "sample_events.hpp"
#include "sk/model/case_state.hpp"

namespace sk::model {
namespace {

using testing::contact;
using testing::kT0;
using testing::make_event;
using testing::youth;

constexpr std::int64_t kStart = kT0 + kDayMs;

class Fold : public ::testing::Test {
 protected:
  EventId add(Event::Body body, const PrincipalId& author) {
    Event e = make_event(std::move(body), author);
    state.apply(e, ++seq);
    return e.id;
  }
  EventId propose_one_off() {
    return add(
        SessionProposed{Timestamp{kStart}, "Europe/Oslo", 60, Recurrence::kOneOff, std::nullopt, "Fortnite"},
        contact());
  }
  EventId propose_weekly(std::optional<Timestamp> until = std::nullopt) {
    return add(SessionProposed{Timestamp{kStart}, "Europe/Oslo", 60, Recurrence::kWeekly, until, "Minecraft"},
               contact());
  }
  SessionStatus status(const EventId& s) const { return state.schedule().find(s)->status; }

  CaseState state{testing::sample_case()};
  std::int64_t seq = 0;
};

TEST_F(Fold, ProposedSessionIsTheNextSession) {
  const auto s = propose_one_off();
  EXPECT_EQ(status(s), SessionStatus::kProposed);
  const auto next = state.schedule().next_session(Timestamp{kT0});
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->session, s);
  EXPECT_EQ(next->plan.start.unix_ms, kStart);
  EXPECT_EQ(next->title, "Fortnite");
}

TEST_F(Fold, AcceptMakesSessionAccepted) {
  const auto s = propose_one_off();
  add(SessionAnswered{{s, std::nullopt}, Answer::kAccept}, youth());
  EXPECT_EQ(status(s), SessionStatus::kAccepted);
}

TEST_F(Fold, DeclineMakesSessionNotTodayAndNoLongerNext) {
  const auto s = propose_one_off();
  add(SessionAnswered{{s, std::nullopt}, Answer::kNotToday}, youth());
  EXPECT_EQ(status(s), SessionStatus::kDeclined);
  EXPECT_FALSE(state.schedule().next_session(Timestamp{kT0}).has_value());
  EXPECT_EQ(state.schedule().upcoming(Timestamp{kT0}, 10).size(), 1U);  // still listed, as declined
}

TEST_F(Fold, NotTodayCanBecomeYesAgain) {
  const auto s = propose_one_off();
  add(SessionAnswered{{s, std::nullopt}, Answer::kNotToday}, youth());
  add(SessionAnswered{{s, std::nullopt}, Answer::kAccept}, youth());
  EXPECT_EQ(status(s), SessionStatus::kAccepted);
}

TEST_F(Fold, AnsweringACancelledSessionIsIgnored) {
  const auto s = propose_one_off();
  add(SessionCancelled{{s, std::nullopt}, ""}, contact());
  add(SessionAnswered{{s, std::nullopt}, Answer::kAccept}, youth());
  EXPECT_EQ(status(s), SessionStatus::kCancelled);
}

TEST_F(Fold, RescheduleMovesTheSessionAndAwaitsANewAnswer) {
  const auto s = propose_one_off();
  add(SessionAnswered{{s, std::nullopt}, Answer::kAccept}, youth());
  add(SessionRescheduled{{s, std::nullopt}, Timestamp{kStart + kHourMs}, "Europe/Oslo", 30}, contact());
  const Session* session = state.schedule().find(s);
  EXPECT_EQ(session->status, SessionStatus::kRescheduled);
  EXPECT_EQ(session->plan.start.unix_ms, kStart + kHourMs);
  EXPECT_EQ(session->plan.duration_minutes, 30);
}

TEST_F(Fold, ReschedulingAnAttendedSessionIsIgnored) {
  const auto s = propose_one_off();
  add(SessionAttended{{s, std::nullopt}}, contact());
  add(SessionRescheduled{{s, std::nullopt}, Timestamp{kStart + kHourMs}, "Europe/Oslo", 30}, contact());
  EXPECT_EQ(status(s), SessionStatus::kAttended);
  EXPECT_EQ(state.schedule().find(s)->plan.start.unix_ms, kStart);
}

TEST_F(Fold, CancellingAnAttendedSessionIsIgnored) {
  const auto s = propose_one_off();
  add(SessionAttended{{s, std::nullopt}}, contact());
  add(SessionCancelled{{s, std::nullopt}, ""}, contact());
  EXPECT_EQ(status(s), SessionStatus::kAttended);
}

TEST_F(Fold, AttendanceOfACancelledSessionIsIgnored) {
  const auto s = propose_one_off();
  add(SessionCancelled{{s, std::nullopt}, ""}, contact());
  add(SessionAttended{{s, std::nullopt}}, contact());
  add(SessionNoShow{{s, std::nullopt}}, contact());
  EXPECT_EQ(status(s), SessionStatus::kCancelled);
}

TEST_F(Fold, NoShowCanBeCorrectedToAttended) {
  const auto s = propose_one_off();
  add(SessionNoShow{{s, std::nullopt}}, contact());
  EXPECT_EQ(status(s), SessionStatus::kNoShow);
  add(SessionAttended{{s, std::nullopt}}, contact());
  EXPECT_EQ(status(s), SessionStatus::kAttended);
}

TEST_F(Fold, EventsAboutUnknownSessionsAreIgnored) {
  add(SessionAnswered{{testing::id_at(kT0, 9), std::nullopt}, Answer::kAccept}, youth());
  EXPECT_TRUE(state.schedule().sessions().empty());
}

TEST_F(Fold, YouthCannotCancelASession) {
  const auto s = propose_one_off();
  add(SessionCancelled{{s, std::nullopt}, ""}, youth());
  EXPECT_EQ(status(s), SessionStatus::kProposed);
}

TEST_F(Fold, WeeklySeriesExpandsIntoNextMeetings) {
  propose_weekly();
  const auto meetings = state.schedule().upcoming(Timestamp{kT0}, 4);
  ASSERT_EQ(meetings.size(), 4U);
  EXPECT_EQ(meetings[0].plan.start.unix_ms, kStart);
  EXPECT_EQ(meetings[1].plan.start.unix_ms, kStart + kWeekMs);
  EXPECT_EQ(meetings[2].plan.start.unix_ms, kStart + 2 * kWeekMs);
  EXPECT_EQ(meetings[3].plan.start.unix_ms, kStart + 3 * kWeekMs);
  // Summer time ends on 25 October 2026: from then on 16:13 in Oslo is an hour later in UTC.
  const auto later = state.schedule().upcoming(Timestamp{kStart + 6 * kWeekMs}, 1);
  ASSERT_EQ(later.size(), 1U);
  EXPECT_EQ(later[0].plan.start.unix_ms, kStart + 6 * kWeekMs + kHourMs);
}

TEST_F(Fold, WeeklySeriesStopsAtUntil) {
  propose_weekly(Timestamp{kStart + 2 * kWeekMs});
  EXPECT_EQ(state.schedule().upcoming(Timestamp{kT0}, 10).size(), 2U);
}

TEST_F(Fold, NextSessionSkipsADeclinedMeetingOfASeries) {
  const auto s = propose_weekly();
  add(SessionAnswered{{s, Timestamp{kStart}}, Answer::kNotToday}, youth());
  const auto next = state.schedule().next_session(Timestamp{kT0});
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->plan.start.unix_ms, kStart + kWeekMs);
  EXPECT_EQ(state.schedule().upcoming(Timestamp{kT0}, 1)[0].status, SessionStatus::kDeclined);
}

TEST_F(Fold, AnsweringAMeetingThatIsNotInTheSeriesIsIgnored) {
  const auto s = propose_weekly();
  add(SessionAnswered{{s, Timestamp{kStart + kDayMs}}, Answer::kNotToday}, youth());
  EXPECT_TRUE(state.schedule().find(s)->overrides.empty());
}

TEST_F(Fold, CancellingASeriesCancelsMeetingsNotYetMarked) {
  const auto s = propose_weekly();
  add(SessionAttended{{s, Timestamp{kStart}}}, contact());
  add(SessionAnswered{{s, Timestamp{kStart + kWeekMs}}, Answer::kAccept}, youth());
  add(SessionCancelled{{s, std::nullopt}, "Prosjektet avsluttes"}, contact());
  const auto meetings = state.schedule().meetings_between(Timestamp{kT0}, Timestamp{kStart + 3 * kWeekMs});
  ASSERT_EQ(meetings.size(), 3U);
  EXPECT_EQ(meetings[0].status, SessionStatus::kAttended);
  EXPECT_EQ(meetings[1].status, SessionStatus::kCancelled);
  EXPECT_EQ(meetings[2].status, SessionStatus::kCancelled);
  EXPECT_FALSE(state.schedule().next_session(Timestamp{kStart + kDayMs}).has_value());
}

TEST_F(Fold, ReschedulingOneMeetingMovesOnlyThatMeeting) {
  const auto s = propose_weekly();
  add(
      SessionRescheduled{
          {s, Timestamp{kStart + kWeekMs}}, Timestamp{kStart + kWeekMs + kDayMs}, "Europe/Oslo", 60},
      contact());
  const auto meetings = state.schedule().upcoming(Timestamp{kT0}, 3);
  ASSERT_EQ(meetings.size(), 3U);
  EXPECT_EQ(meetings[1].planned_start.unix_ms, kStart + kWeekMs);
  EXPECT_EQ(meetings[1].plan.start.unix_ms, kStart + kWeekMs + kDayMs);
  EXPECT_EQ(meetings[1].status, SessionStatus::kRescheduled);
  EXPECT_EQ(meetings[2].status, SessionStatus::kProposed);
}

TEST_F(Fold, SeriesCannotBeMarkedAttendedAsAWhole) {
  const auto s = propose_weekly();
  add(SessionAttended{{s, std::nullopt}}, contact());
  EXPECT_EQ(status(s), SessionStatus::kProposed);
}

TEST_F(Fold, MeetingInProgressIsStillTheNextSession) {
  propose_one_off();
  EXPECT_TRUE(state.schedule().next_session(Timestamp{kStart + 30 * kMinuteMs}).has_value());
  EXPECT_FALSE(state.schedule().next_session(Timestamp{kStart + 60 * kMinuteMs}).has_value());
}

TEST_F(Fold, YouthsSuggestedTimeShowsBesideTheSessionWithoutChangingIt) {
  const auto s = propose_one_off();
  add(SessionTimeSuggested{{s, std::nullopt}, Timestamp{kStart + 2 * kHourMs}, "Europe/Oslo"}, youth());
  EXPECT_EQ(status(s), SessionStatus::kProposed);
  const auto next = state.schedule().next_session(Timestamp{kT0});
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->plan.start.unix_ms, kStart);
  ASSERT_TRUE(next->suggested.has_value());
  EXPECT_EQ(next->suggested->start.unix_ms, kStart + 2 * kHourMs);
  EXPECT_EQ(next->suggested->duration_minutes, 60);
}

TEST_F(Fold, ALaterSuggestionReplacesTheEarlierAndARescheduleClearsIt) {
  const auto s = propose_one_off();
  add(SessionTimeSuggested{{s, std::nullopt}, Timestamp{kStart + kHourMs}, "Europe/Oslo"}, youth());
  add(SessionTimeSuggested{{s, std::nullopt}, Timestamp{kStart + 3 * kHourMs}, "Europe/Oslo"}, youth());
  EXPECT_EQ(state.schedule().find(s)->suggested->start.unix_ms, kStart + 3 * kHourMs);
  add(SessionRescheduled{{s, std::nullopt}, Timestamp{kStart + 3 * kHourMs}, "Europe/Oslo", 60}, contact());
  EXPECT_FALSE(state.schedule().find(s)->suggested.has_value());
  EXPECT_EQ(status(s), SessionStatus::kRescheduled);
}

TEST_F(Fold, SuggestionForOneWeeklyMeetingStaysWithThatMeeting) {
  const auto s = propose_weekly();
  const Timestamp second{kStart + kWeekMs};
  add(SessionTimeSuggested{{s, second}, Timestamp{second.unix_ms + kDayMs}, "Europe/Oslo"}, youth());
  const auto meetings = state.schedule().meetings_between(Timestamp{kT0}, Timestamp{kStart + 3 * kWeekMs});
  ASSERT_EQ(meetings.size(), 3u);
  EXPECT_FALSE(meetings[0].suggested.has_value());
  ASSERT_TRUE(meetings[1].suggested.has_value());
  EXPECT_EQ(meetings[1].suggested->start.unix_ms, second.unix_ms + kDayMs);
  EXPECT_FALSE(meetings[2].suggested.has_value());
  EXPECT_EQ(meetings[1].status, SessionStatus::kProposed);
  add(SessionAnswered{{s, second}, Answer::kAccept}, youth());
  EXPECT_TRUE(state.schedule().find(s)->suggestions.empty());
}

TEST_F(Fold, SuggestionsAfterCancelOrForUnknownSessionsOrMeetingsAreIgnored) {
  const auto s = propose_one_off();
  add(SessionCancelled{{s, std::nullopt}, ""}, contact());
  add(SessionTimeSuggested{{s, std::nullopt}, Timestamp{kStart + kHourMs}, "Europe/Oslo"}, youth());
  EXPECT_FALSE(state.schedule().find(s)->suggested.has_value());
  const auto w = propose_weekly();
  add(SessionTimeSuggested{{w, Timestamp{kStart + kHourMs}}, Timestamp{kStart}, "Europe/Oslo"}, youth());
  EXPECT_TRUE(state.schedule().find(w)->suggestions.empty());
  const CaseState before = state;
  add(SessionTimeSuggested{{testing::id_at(kT0 - 5, 9), std::nullopt}, Timestamp{kStart}, "Europe/Oslo"},
      youth());
  EXPECT_EQ(state.schedule(), before.schedule());
}

TEST_F(Fold, AContactCannotSuggestATimeForTheYouth) {
  const auto s = propose_one_off();
  add(SessionTimeSuggested{{s, std::nullopt}, Timestamp{kStart + kHourMs}, "Europe/Oslo"}, contact());
  EXPECT_FALSE(state.schedule().find(s)->suggested.has_value());
}

TEST_F(Fold, AContactsLatestCardGivesTheYouthTheirNameAndReplyHours) {
  add(ContactCard{"Kari", "Hverdager 12-20"}, contact());
  ASSERT_EQ(state.chat().cards().count(contact()), 1u);
  EXPECT_EQ(state.chat().cards().at(contact()).reply_hours, "Hverdager 12-20");
  add(ContactCard{"Kari N.", ""}, contact());
  EXPECT_EQ(state.chat().cards().at(contact()), (ContactCard{"Kari N.", ""}));
  add(ContactCard{"Not Yara", ""}, youth());  // the youth has no card to give
  EXPECT_EQ(state.chat().cards().size(), 1u);
}

}  // namespace
}  // namespace sk::model
