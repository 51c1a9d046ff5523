#include "sk/model/rules.hpp"

#include <gtest/gtest.h>

#include "sample_events.hpp"

namespace sk::model {
namespace {

using testing::sample_case;
using testing::sample_event;

TEST(Rules, EachKindHasItsFixedAudience) {
  const std::vector<std::pair<EventKind, Audience>> expected{
      {EventKind::kChatMessage, Audience::kCase},      {EventKind::kWave, Audience::kCase},
      {EventKind::kReadReceipt, Audience::kCase},      {EventKind::kSessionProposed, Audience::kCase},
      {EventKind::kSessionAnswered, Audience::kCase},  {EventKind::kSessionRescheduled, Audience::kCase},
      {EventKind::kSessionCancelled, Audience::kCase}, {EventKind::kSessionAttended, Audience::kCase},
      {EventKind::kSessionNoShow, Audience::kCase},    {EventKind::kTopicWish, Audience::kCase},
      {EventKind::kInterests, Audience::kCase},        {EventKind::kCheckIn, Audience::kYouthConsented},
      {EventKind::kSessionNote, Audience::kTeam},      {EventKind::kGuidance, Audience::kTeam},
      {EventKind::kConcern, Audience::kTeam},          {EventKind::kConcernResolved, Audience::kTeam},
      {EventKind::kCaseVouch, Audience::kCase},        {EventKind::kTeamVouch, Audience::kTeam},
      {EventKind::kCaseGrant, Audience::kCase},        {EventKind::kTeamGrant, Audience::kTeam},
      {EventKind::kContactCard, Audience::kCase},      {EventKind::kSessionTimeSuggested, Audience::kCase},
  };
  ASSERT_EQ(expected.size(), kEventKindCount - 1);
  for (const auto& [kind, audience] : expected) {
    EXPECT_EQ(audience_of(kind), audience) << to_string(kind);
  }
  EXPECT_FALSE(audience_of(EventKind::kUnknown).has_value());
}

TEST(Rules, OnlyContactsVouchToTheYouthAndTheTeamGrantsNoYouthHistory) {
  EXPECT_TRUE(may_author(EventKind::kCaseVouch, Role::kContact));
  EXPECT_FALSE(may_author(EventKind::kCaseVouch, Role::kYouth));
  EXPECT_FALSE(may_author(EventKind::kCaseVouch, Role::kSupervisor));
  EXPECT_TRUE(may_author(EventKind::kTeamVouch, Role::kSupervisor));
  EXPECT_FALSE(may_author(EventKind::kTeamVouch, Role::kYouth));
  EXPECT_TRUE(may_author(EventKind::kCaseGrant, Role::kYouth));
  EXPECT_FALSE(may_author(EventKind::kTeamGrant, Role::kYouth));
}

TEST(Rules, OnlySupervisorsWriteGuidance) {
  EXPECT_TRUE(may_author(EventKind::kGuidance, Role::kSupervisor));
  EXPECT_FALSE(may_author(EventKind::kGuidance, Role::kContact));
  EXPECT_FALSE(may_author(EventKind::kGuidance, Role::kYouth));
}

TEST(Rules, OnlyTheYouthChecksInAnswersAndWishes) {
  for (const auto kind : {EventKind::kCheckIn, EventKind::kSessionAnswered, EventKind::kSessionTimeSuggested,
                          EventKind::kTopicWish, EventKind::kInterests}) {
    EXPECT_TRUE(may_author(kind, Role::kYouth)) << to_string(kind);
    EXPECT_FALSE(may_author(kind, Role::kContact)) << to_string(kind);
    EXPECT_FALSE(may_author(kind, Role::kSupervisor)) << to_string(kind);
  }
}

TEST(Rules, OnlyContactsPlanSessionsMarkAttendanceAndWriteNotes) {
  for (const auto kind : {EventKind::kSessionProposed, EventKind::kSessionRescheduled,
                          EventKind::kSessionCancelled, EventKind::kSessionAttended,
                          EventKind::kSessionNoShow, EventKind::kSessionNote, EventKind::kContactCard}) {
    EXPECT_TRUE(may_author(kind, Role::kContact)) << to_string(kind);
    EXPECT_FALSE(may_author(kind, Role::kYouth)) << to_string(kind);
    EXPECT_FALSE(may_author(kind, Role::kSupervisor)) << to_string(kind);
  }
}

TEST(Rules, YouthAndContactsChatButSupervisorsDoNot) {
  for (const auto kind : {EventKind::kChatMessage, EventKind::kWave, EventKind::kReadReceipt}) {
    EXPECT_TRUE(may_author(kind, Role::kYouth));
    EXPECT_TRUE(may_author(kind, Role::kContact));
    EXPECT_FALSE(may_author(kind, Role::kSupervisor));
  }
}

TEST(Rules, ConcernsComeFromTheTeamNeverTheYouth) {
  for (const auto kind : {EventKind::kConcern, EventKind::kConcernResolved}) {
    EXPECT_TRUE(may_author(kind, Role::kContact));
    EXPECT_TRUE(may_author(kind, Role::kSupervisor));
    EXPECT_FALSE(may_author(kind, Role::kYouth));
  }
}

TEST(Rules, NobodyAuthorsAnUnknownKind) {
  for (const auto role : {Role::kYouth, Role::kContact, Role::kSupervisor}) {
    EXPECT_FALSE(may_author(EventKind::kUnknown, role));
  }
}

TEST(Rules, SampleEventsPassTheAuthorCheck) {
  for (const auto kind : testing::known_kinds()) {
    const auto r = check_author(sample_event(kind), sample_case());
    EXPECT_TRUE(r.ok()) << to_string(kind) << ": " << r.error().message;
  }
}

TEST(Rules, RejectsGuidanceWrittenByAContact) {
  Event e = sample_event(EventKind::kGuidance);
  e.author = testing::contact();
  const auto r = check_author(e, sample_case());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "model.invalid");
  EXPECT_EQ(r.error().message, "author.principal: a contact may not write guidance");
}

TEST(Rules, RejectsACheckInWrittenByAContact) {
  Event e = sample_event(EventKind::kCheckIn);
  e.author = testing::contact();
  EXPECT_EQ(check_author(e, sample_case()).error().message,
            "author.principal: a contact may not write check_in");
}

TEST(Rules, RejectsAnAuthorOutsideTheCase) {
  Event e = sample_event(EventKind::kChatMessage);
  e.author = PrincipalId("stranger");
  EXPECT_EQ(check_author(e, sample_case()).error().message, "author.principal: is not a member of the case");
}

TEST(Rules, RejectsAnEventOfAnotherCase) {
  Event e = sample_event(EventKind::kChatMessage);
  e.case_id = CaseId("case-2");
  EXPECT_EQ(check_author(e, sample_case()).error().message, "case_id: does not match the case");
}

TEST(Rules, AudienceNamesAreStable) {
  EXPECT_EQ(to_string(Audience::kCase), "case");
  EXPECT_EQ(to_string(Audience::kTeam), "team");
  EXPECT_EQ(to_string(Audience::kYouthConsented), "youth_consented");
  EXPECT_EQ(audience_from_string("team"), Audience::kTeam);
  EXPECT_FALSE(audience_from_string("everyone").has_value());
}

}  // namespace
}  // namespace sk::model
