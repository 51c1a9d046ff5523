// History for newcomers: a youth's new device and a second contact get the case's past, through
// grants the server cannot read, and never more than their audience may read.
#include <gtest/gtest.h>

#include "support/cast.hpp"
#include "support/profile_view.hpp"

namespace sk::integration {
namespace {

model::SessionNote team_note(const std::string& text) {
  model::SessionNote n;
  n.note.activity = text;
  return n;
}

model::CheckIn check_in(int mood, const std::string& text) {
  model::CheckIn c;
  c.mood = mood;
  c.text = text;
  return c;
}

// Some of everything: chat both ways, a check-in by the youth, a team note by the contact.
void write_history(Cast& cast) {
  must_run(cast.contact(), {"send", "--from-file", numbered_lines(cast.contact(), "kari", 30)});
  must_run(cast.youth(), {"send", "--from-file", numbered_lines(cast.youth(), "ola", 30)});
  record(cast.youth(), cast.case_id(), check_in(4, "good week"));
  record(cast.contact(), cast.case_id(), team_note("Minecraft, built a bridge"));
  cast.settle();
  ASSERT_EQ(chat_texts(cast.contact(), cast.case_id()).size(), 60u);
}

TEST(History, AYouthsNewDeviceGetsTheWholeCaseHistoryAndNothingOfTheTeam) {
  Cast cast;
  write_history(cast);

  // Reinstalled: a fresh code from the contact, an empty profile.
  const auto again = must_run(cast.contact(), {"invite", "--again", cast.case_id()}).json();
  auto fresh = cast.fresh("youth-reinstalled");
  cast.pair(cast.contact(), fresh, again["code"].get<std::string>(), "Ola");
  must_run(cast.contact(), {"sync", "--once"});  // trusts the new device, grants it the past
  must_run(fresh, {"sync", "--once"});

  EXPECT_EQ(chat_texts(fresh, cast.case_id()), chat_texts(cast.contact(), cast.case_id()));
  EXPECT_EQ(count_kind(fresh, cast.case_id(), "check_in"), 1u);
  EXPECT_EQ(count_kind(fresh, cast.case_id(), "session_note"), 0u) << "team notes never reach a youth";
  EXPECT_EQ(fold(fresh, cast.case_id()).chat(), fold(cast.contact(), cast.case_id()).chat());

  // A message right after pairing reaches the new device (and the old one).
  must_run(cast.contact(), {"send", "welcome back"});
  must_run(fresh, {"sync", "--once"});
  must_run(cast.youth(), {"sync", "--once"});
  EXPECT_EQ(chat_texts(fresh, cast.case_id()).back(), "welcome back");
  EXPECT_EQ(chat_texts(cast.youth(), cast.case_id()).back(), "welcome back");
  EXPECT_EQ(must_run(fresh, {"status"}).json()["quarantined"], 0);
}

TEST(History, ASecondContactAddedToTheCaseReadsTheHistory) {
  Cast cast;
  write_history(cast);

  auto substitute = cast.enroll_contact("substitute");
  const auto principal = Cast::identity(substitute)["principal_id"].get<std::string>();
  must_run(cast.supervisor(), {"add-contact", "--case", cast.case_id(), "--principal", principal});
  // The case's contact sees the new member (vouches for its keys and grants it the past); the
  // newcomer fetches. Vouches travel one hop per round.
  for (int round = 0; round < 2; ++round) {
    cast.settle();
    must_run(substitute, {"sync", "--once"});
  }

  EXPECT_EQ(chat_texts(substitute, cast.case_id()), chat_texts(cast.contact(), cast.case_id()));
  EXPECT_EQ(count_kind(substitute, cast.case_id(), "session_note"), 1u) << "a contact reads the team's notes";
  EXPECT_EQ(count_kind(substitute, cast.case_id(), "check_in"), 1u);

  // And takes part from now on, both ways.
  must_run(substitute, {"send", "hi Ola, I am Per"});
  must_run(cast.youth(), {"sync", "--once"});
  EXPECT_EQ(chat_texts(cast.youth(), cast.case_id()).back(), "hi Ola, I am Per");
  must_run(cast.youth(), {"send", "hi Per"});
  must_run(substitute, {"sync", "--once"});
  EXPECT_EQ(chat_texts(substitute, cast.case_id()).back(), "hi Per");
}

}  // namespace
}  // namespace sk::integration
