// Exactly once, in order: separate client processes exchange chat through the real backend.
#include <gtest/gtest.h>

#include "support/cast.hpp"
#include "support/ordering.hpp"
#include "support/profile_view.hpp"

namespace sk::integration {
namespace {

// "seq text" per entry: what two devices must agree on, short enough to read in a failure.
std::vector<std::string> summary(const CliDevice& device, const std::string& case_id) {
  std::vector<std::string> out;
  const auto state = fold(device, case_id);
  for (const auto& e : state.chat().entries())
    out.push_back((e.seq ? std::to_string(*e.seq) : std::string("unsent")) + " " + e.text);
  return out;
}

TEST(Exchange, TwoClientsExchangeAThousandMessagesExactlyOnceInOrder) {
  Cast cast;
  auto& contact = cast.contact();
  auto& youth = cast.youth();
  auto a = contact.start({"send", "--from-file", numbered_lines(contact, "kari", 500)});
  auto b = youth.start({"send", "--from-file", numbered_lines(youth, "ola", 500)});
  ASSERT_EQ(a.wait().exit_code, 0);
  ASSERT_EQ(b.wait().exit_code, 0);
  must_run(contact, {"sync", "--once"});
  must_run(youth, {"sync", "--once"});

  expect_each_once_in_order(chat_texts(youth, cast.case_id()), {{"kari", 500}, {"ola", 500}});
  // Same entries, same server order, same sequence numbers.
  EXPECT_EQ(summary(contact, cast.case_id()), summary(youth, cast.case_id()));
  EXPECT_EQ(fold(contact, cast.case_id()).chat(), fold(youth, cast.case_id()).chat());
}

TEST(Exchange, ThreeDevicesConvergeOnTheSameChat) {
  Cast cast;
  // The youth's second device: a fresh pairing code for the same case.
  const auto again = must_run(cast.contact(), {"invite", "--again", cast.case_id()}).json();
  auto tablet = cast.fresh("youth-tablet");
  cast.pair(cast.contact(), tablet, again["code"].get<std::string>(), "Ola");
  must_run(cast.contact(), {"sync", "--once"});

  auto a = cast.contact().start({"send", "--from-file", numbered_lines(cast.contact(), "kari", 200)});
  auto b = cast.youth().start({"send", "--from-file", numbered_lines(cast.youth(), "ola-pc", 200)});
  auto c = tablet.start({"send", "--from-file", numbered_lines(tablet, "ola-tablet", 200)});
  ASSERT_EQ(a.wait().exit_code, 0);
  ASSERT_EQ(b.wait().exit_code, 0);
  ASSERT_EQ(c.wait().exit_code, 0);
  for (const auto* d : {&cast.contact(), &cast.youth(), &tablet}) must_run(*d, {"sync", "--once"});

  const auto expected = summary(cast.contact(), cast.case_id());
  expect_each_once_in_order(chat_texts(cast.contact(), cast.case_id()),
                            {{"kari", 200}, {"ola-pc", 200}, {"ola-tablet", 200}});
  EXPECT_EQ(summary(cast.youth(), cast.case_id()), expected);
  EXPECT_EQ(summary(tablet, cast.case_id()), expected);
}

}  // namespace
}  // namespace sk::integration
