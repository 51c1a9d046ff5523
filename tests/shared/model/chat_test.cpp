// Folding chat messages, waves and read receipts: delivery and read state, unread counts.

#include <gtest/gtest.h>

#include "sample_events.hpp"
#include "sk/model/case_state.hpp"

namespace sk::model {
namespace {

using testing::contact;
using testing::contact2;
using testing::make_event;
using testing::youth;

class Chat : public ::testing::Test {
 protected:
  Event say(const PrincipalId& author, std::string text) {
    return make_event(ChatMessage{std::move(text)}, author);
  }
  Event receipt(const PrincipalId& reader, const EventId& up_to) {
    return make_event(ReadReceipt{up_to}, reader);
  }
  Delivery delivery_of(std::size_t i) const { return state.chat().delivery(state.chat().entries().at(i)); }

  CaseState state{testing::sample_case()};
};

TEST_F(Chat, LocalMessageIsSentUntilTheServerSequencesIt) {
  const Event m = say(youth(), "hei");
  state.apply(m);
  EXPECT_EQ(delivery_of(0), Delivery::kSent);
  state.apply(m, 1);
  EXPECT_EQ(delivery_of(0), Delivery::kDelivered);
  EXPECT_EQ(state.chat().entries().size(), 1U);
}

TEST_F(Chat, MessageIsReadWhenTheOtherSidesReceiptCoversIt) {
  const Event m1 = say(youth(), "hei");
  const Event m2 = say(youth(), "er du der?");
  state.apply(m1, 1);
  state.apply(m2, 2);
  state.apply(receipt(contact(), m1.id), 3);
  EXPECT_EQ(delivery_of(0), Delivery::kRead);
  EXPECT_EQ(delivery_of(1), Delivery::kDelivered);
}

TEST_F(Chat, OwnSidesReceiptDoesNotMarkAContactsMessageRead) {
  const Event m = say(contact(), "Hei! Klar for i kveld?");
  state.apply(m, 1);
  state.apply(receipt(contact2(), m.id), 2);
  EXPECT_EQ(delivery_of(0), Delivery::kDelivered);
  state.apply(receipt(youth(), m.id), 3);
  EXPECT_EQ(delivery_of(0), Delivery::kRead);
}

TEST_F(Chat, UnreadCountsOthersEntriesAfterTheViewersReceipt) {
  const Event c1 = say(contact(), "Hei");
  const Event c2 = say(contact(), "Klar?");
  state.apply(c1, 1);
  state.apply(c2, 2);
  state.apply(make_event(Wave{"wave"}, contact()), 3);
  EXPECT_EQ(state.chat().unread_for(youth()), 3U);
  EXPECT_EQ(state.chat().unread_for(contact()), 0U);
  EXPECT_EQ(state.chat().unread_for(contact2()), 3U);
  state.apply(receipt(youth(), c2.id), 4);
  EXPECT_EQ(state.chat().unread_for(youth()), 1U);
}

TEST_F(Chat, ReceiptForAnUnknownEventIsIgnored) {
  state.apply(say(youth(), "hei"), 1);
  state.apply(receipt(contact(), testing::id_at(testing::kT0, 77)), 2);
  EXPECT_EQ(delivery_of(0), Delivery::kDelivered);
  EXPECT_FALSE(state.chat().read_up_to(contact()).has_value());
}

TEST_F(Chat, ReceiptNeverMovesBackwards) {
  const Event m1 = say(youth(), "a");
  const Event m2 = say(youth(), "b");
  state.apply(m1, 1);
  state.apply(m2, 2);
  state.apply(receipt(contact(), m2.id), 3);
  state.apply(receipt(contact(), m1.id), 4);
  EXPECT_EQ(state.chat().read_up_to(contact()), 2);
  EXPECT_EQ(delivery_of(1), Delivery::kRead);
}

TEST_F(Chat, PendingMessagesStayAfterSequencedOnesAndMoveIntoPlaceWhenConfirmed) {
  const Event mine = say(youth(), "mitt");
  const Event theirs = say(contact(), "deres");
  state.apply(mine);       // written here, not yet accepted
  state.apply(theirs, 5);  // arrives from the server meanwhile
  ASSERT_EQ(state.chat().entries().size(), 2U);
  EXPECT_EQ(state.chat().entries()[0].id, theirs.id);
  state.apply(mine, 4);  // the server had ordered ours first
  EXPECT_EQ(state.chat().entries()[0].id, mine.id);
  EXPECT_EQ(state.chat().entries()[1].id, theirs.id);
}

TEST_F(Chat, WavesAppearInTheChatWithTheirSticker) {
  state.apply(make_event(Wave{"high_five"}, youth()), 1);
  ASSERT_EQ(state.chat().entries().size(), 1U);
  EXPECT_EQ(state.chat().entries()[0].kind, ChatEntry::Kind::kWave);
  EXPECT_EQ(state.chat().entries()[0].text, "high_five");
}

TEST_F(Chat, SupervisorsCannotChat) {
  state.apply(say(testing::supervisor(), "hei"), 1);
  EXPECT_TRUE(state.chat().entries().empty());
}

}  // namespace
}  // namespace sk::model
