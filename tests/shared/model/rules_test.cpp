#include "sk/model/rules.hpp"

#include <gtest/gtest.h>

#include "sample_events.hpp"

namespace sk::model {
namespace {

using testing::sample_case;
using testing::sample_event;

TEST(Rules, EachKindHasItsFixedAudience) {
  const std::vector<std::pair<EventKind, Audience>> expected{
      {EventKind::chat_message, Audience::case_members},
      {EventKind::wave, Audience::case_members},
      {EventKind::read_receipt, Audience::case_members},
      {EventKind::session_proposed, Audience::case_members},
      {EventKind::session_answered, Audience::case_members},
      {EventKind::session_rescheduled, Audience::case_members},
      {EventKind::session_cancelled, Audience::case_members},
      {EventKind::session_attended, Audience::case_members},
      {EventKind::session_no_show, Audience::case_members},
      {EventKind::topic_wish, Audience::case_members},
      {EventKind::interests, Audience::case_members},
      {EventKind::check_in, Audience::youth_consented},
      {EventKind::session_note, Audience::team},
      {EventKind::guidance, Audience::team},
      {EventKind::concern, Audience::team},
      {EventKind::concern_resolved, Audience::team},
  };
  ASSERT_EQ(expected.size(), kEventKindCount - 1);
  for (const auto& [kind, audience] : expected) {
    EXPECT_EQ(audience_of(kind), audience) << to_string(kind);
  }
  EXPECT_FALSE(audience_of(EventKind::unknown).has_value());
}

TEST(Rules, OnlySupervisorsWriteGuidance) {
  EXPECT_TRUE(may_author(EventKind::guidance, Role::supervisor));
  EXPECT_FALSE(may_author(EventKind::guidance, Role::contact));
  EXPECT_FALSE(may_author(EventKind::guidance, Role::youth));
}

TEST(Rules, OnlyTheYouthChecksInAnswersAndWishes) {
  for (const auto kind :
       {EventKind::check_in, EventKind::session_answered, EventKind::topic_wish, EventKind::interests}) {
    EXPECT_TRUE(may_author(kind, Role::youth)) << to_string(kind);
    EXPECT_FALSE(may_author(kind, Role::contact)) << to_string(kind);
    EXPECT_FALSE(may_author(kind, Role::supervisor)) << to_string(kind);
  }
}

TEST(Rules, OnlyContactsPlanSessionsMarkAttendanceAndWriteNotes) {
  for (const auto kind :
       {EventKind::session_proposed, EventKind::session_rescheduled, EventKind::session_cancelled,
        EventKind::session_attended, EventKind::session_no_show, EventKind::session_note}) {
    EXPECT_TRUE(may_author(kind, Role::contact)) << to_string(kind);
    EXPECT_FALSE(may_author(kind, Role::youth)) << to_string(kind);
    EXPECT_FALSE(may_author(kind, Role::supervisor)) << to_string(kind);
  }
}

TEST(Rules, YouthAndContactsChatButSupervisorsDoNot) {
  for (const auto kind : {EventKind::chat_message, EventKind::wave, EventKind::read_receipt}) {
    EXPECT_TRUE(may_author(kind, Role::youth));
    EXPECT_TRUE(may_author(kind, Role::contact));
    EXPECT_FALSE(may_author(kind, Role::supervisor));
  }
}

TEST(Rules, ConcernsComeFromTheTeamNeverTheYouth) {
  for (const auto kind : {EventKind::concern, EventKind::concern_resolved}) {
    EXPECT_TRUE(may_author(kind, Role::contact));
    EXPECT_TRUE(may_author(kind, Role::supervisor));
    EXPECT_FALSE(may_author(kind, Role::youth));
  }
}

TEST(Rules, NobodyAuthorsAnUnknownKind) {
  for (const auto role : {Role::youth, Role::contact, Role::supervisor}) {
    EXPECT_FALSE(may_author(EventKind::unknown, role));
  }
}

TEST(Rules, SampleEventsPassTheAuthorCheck) {
  for (const auto kind : testing::known_kinds()) {
    const auto r = check_author(sample_event(kind), sample_case());
    EXPECT_TRUE(r.ok()) << to_string(kind) << ": " << r.error().message;
  }
}

TEST(Rules, RejectsGuidanceWrittenByAContact) {
  Event e = sample_event(EventKind::guidance);
  e.author = testing::contact();
  const auto r = check_author(e, sample_case());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "model.invalid");
  EXPECT_EQ(r.error().message, "author.principal: a contact may not write guidance");
}

TEST(Rules, RejectsACheckInWrittenByAContact) {
  Event e = sample_event(EventKind::check_in);
  e.author = testing::contact();
  EXPECT_EQ(check_author(e, sample_case()).error().message,
            "author.principal: a contact may not write check_in");
}

TEST(Rules, RejectsAnAuthorOutsideTheCase) {
  Event e = sample_event(EventKind::chat_message);
  e.author = PrincipalId("stranger");
  EXPECT_EQ(check_author(e, sample_case()).error().message, "author.principal: is not a member of the case");
}

TEST(Rules, RejectsAnEventOfAnotherCase) {
  Event e = sample_event(EventKind::chat_message);
  e.case_id = CaseId("case-2");
  EXPECT_EQ(check_author(e, sample_case()).error().message, "case_id: does not match the case");
}

TEST(Rules, AudienceNamesAreStable) {
  EXPECT_EQ(to_string(Audience::case_members), "case");
  EXPECT_EQ(to_string(Audience::team), "team");
  EXPECT_EQ(to_string(Audience::youth_consented), "youth_consented");
  EXPECT_EQ(audience_from_string("team"), Audience::team);
  EXPECT_FALSE(audience_from_string("everyone").has_value());
}

}  // namespace
}  // namespace sk::model
