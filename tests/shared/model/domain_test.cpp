// Organisation, principals, devices and cases: membership, audiences and their validation.

#include <gtest/gtest.h>

#include "sample_events.hpp"
#include "sk/model/case.hpp"
#include "sk/model/principal.hpp"
#include "sk/model/timestamp.hpp"

namespace sk::model {
namespace {

using testing::sample_case;

TEST(Case, RolesFollowMembership) {
  const Case c = sample_case();
  EXPECT_EQ(c.role_of(testing::youth()), Role::kYouth);
  EXPECT_EQ(c.role_of(testing::contact()), Role::kContact);
  EXPECT_EQ(c.role_of(testing::contact2()), Role::kContact);
  EXPECT_EQ(c.role_of(testing::supervisor()), Role::kSupervisor);
  EXPECT_FALSE(c.role_of(PrincipalId("stranger")).has_value());
  EXPECT_FALSE(c.role_of(PrincipalId{}).has_value());
}

TEST(Case, YouthNeverReadsTeamEvents) {
  const Case c = sample_case();
  EXPECT_FALSE(c.can_read(testing::youth(), Audience::kTeam));
  EXPECT_FALSE(c.can_read(testing::youth(), Audience::kYouthConsented));
  EXPECT_TRUE(c.can_read(testing::youth(), Audience::kCase));
}

TEST(Case, SupervisorsReadCheckInsOnlyWithConsent) {
  Case c = sample_case();
  EXPECT_TRUE(c.can_read(testing::supervisor(), Audience::kYouthConsented));
  c.check_in_consent = false;
  EXPECT_FALSE(c.can_read(testing::supervisor(), Audience::kYouthConsented));
  EXPECT_TRUE(c.can_read(testing::contact(), Audience::kYouthConsented));
  EXPECT_FALSE(c.can_read(testing::supervisor(), Audience::kCase));
}

TEST(Case, MembersOfAudienceAreListedInStableOrder) {
  const Case c = sample_case();
  EXPECT_EQ(c.members_of(Audience::kCase),
            (std::vector<PrincipalId>{testing::youth(), testing::contact(), testing::contact2()}));
  EXPECT_EQ(c.members_of(Audience::kTeam),
            (std::vector<PrincipalId>{testing::contact(), testing::contact2(), testing::supervisor()}));
}

TEST(Case, SampleCaseIsValid) {
  EXPECT_TRUE(validate(sample_case()).ok());
}

TEST(Case, NeedsOneOrTwoContacts) {
  Case c = sample_case();
  c.contacts.clear();
  EXPECT_EQ(validate(c).error().message, "case.contacts: must list 1 or 2 contacts");
  c.contacts = {PrincipalId("a"), PrincipalId("b"), PrincipalId("d")};
  EXPECT_EQ(validate(c).error().message, "case.contacts: must list 1 or 2 contacts");
}

TEST(Case, RejectsAPersonInTwoRoles) {
  Case c = sample_case();
  c.supervisors.push_back(testing::contact());
  EXPECT_EQ(validate(c).error().message, "case.supervisors: a person is listed twice or in two roles");
  c = sample_case();
  c.contacts = {testing::youth()};
  EXPECT_EQ(validate(c).error().message, "case.contacts: a person is listed twice or in two roles");
}

TEST(Case, NeedsAYouth) {
  Case c = sample_case();
  c.youth = PrincipalId{};
  EXPECT_EQ(validate(c).error().message, "case.youth: is required");
}

TEST(Principal, OnlySupervisorsMayBeAdmins) {
  Principal p{PrincipalId("kari"), OrganisationId("org"), Role::kContact, "Kari", true};
  EXPECT_EQ(validate(p).error().message, "principal.admin: only supervisors may be admins");
  p.role = Role::kSupervisor;
  EXPECT_TRUE(validate(p).ok());
}

TEST(Principal, NicknameMustBeShortValidText) {
  Principal p{PrincipalId("y"), OrganisationId("org"), Role::kYouth, "", false};
  EXPECT_EQ(validate(p).error().message, "principal.display_name: must be 1..64 characters");
  p.display_name = "Drage\xC3";
  EXPECT_EQ(validate(p).error().message, "principal.display_name: is not valid UTF-8");
  p.display_name = "Dragen Åse";
  EXPECT_TRUE(validate(p).ok());
}

TEST(Principal, RoleNamesRoundTrip) {
  for (const auto r : {Role::kYouth, Role::kContact, Role::kSupervisor})
    EXPECT_EQ(role_from_string(to_string(r)), r);
  EXPECT_FALSE(role_from_string("admin").has_value());
}

TEST(Organisation, NeedsAName) {
  EXPECT_EQ(validate(Organisation{OrganisationId("org"), ""}).error().message,
            "organisation.name: must be 1..64 characters");
  EXPECT_TRUE(validate(Organisation{OrganisationId("org"), "Bergen kommune"}).ok());
}

TEST(Device, BelongsToAPrincipal) {
  EXPECT_EQ(validate(Device{DeviceId("d1"), PrincipalId{}, "PC"}).error().message,
            "device.owner: is required");
  EXPECT_TRUE(validate(Device{DeviceId("d1"), PrincipalId("yara"), ""}).ok());
}

TEST(StrongId, ParsesOnlyTheAllowedSpelling) {
  EXPECT_TRUE(CaseId::parse("case_1-A").ok());
  EXPECT_FALSE(CaseId::parse("").ok());
  EXPECT_FALSE(CaseId::parse("case 1").ok());
  EXPECT_FALSE(CaseId::parse("case/1").ok());
  EXPECT_FALSE(CaseId::parse(std::string(65, 'a')).ok());
  EXPECT_TRUE(CaseId::parse(std::string(64, 'a')).ok());
}

TEST(Timestamp, AcceptsOnly2020To2100) {
  EXPECT_TRUE(Timestamp::from_unix_ms(Timestamp::kMinUnixMs).ok());
  EXPECT_FALSE(Timestamp::from_unix_ms(Timestamp::kMinUnixMs - 1).ok());
  EXPECT_TRUE(Timestamp::from_unix_ms(Timestamp::kMaxUnixMs - 1).ok());
  EXPECT_FALSE(Timestamp::from_unix_ms(Timestamp::kMaxUnixMs).ok());
  EXPECT_EQ(Timestamp::from_unix_ms(0).error().code, "model.invalid");
}

}  // namespace
}  // namespace sk::model
