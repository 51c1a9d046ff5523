// Exactly once across a crash: the contact's app pushes, dies before it can mark the outbox entry
// sent, starts again and pushes the same event again. The server's idempotent append answers with
// the original sequence number, and the youth sees one message, not two.

#include <gtest/gtest.h>

#include "support/org_fixture.hpp"
#include "support/state_summary.hpp"
#include "support/sync_step.hpp"

namespace sk::integration {
namespace {

TEST(EndToEnd, ExactlyOnceAcrossACrashBeforeMarkSent) {
  Org org;
  auto& contact = org.contact();
  const auto& case_id = org.case_id();
  const auto message = act(contact, case_id, model::ChatMessage{"Husk: økt på torsdag kl. 18"});
  const auto id = message.id.str();

  // First attempt: in flight, pushed, acknowledged — and then the app dies before mark_sent.
  auto pending = contact.store().next_pending(10);
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), 1U);
  ASSERT_TRUE(contact.store().mark_in_flight(std::vector<std::string>{id}).ok());
  auto first = push_one(contact, (*pending)[0].event);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_FALSE(first->duplicate);
  ASSERT_TRUE(contact.restart().ok());

  // After the restart the entry is pending again, so the sync step pushes it a second time
  // (freshly sealed: a new envelope for the same event id).
  auto again = contact.store().next_pending(10);
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), 1U);
  EXPECT_EQ((*again)[0].event.event_id, id);
  auto second = push_one(contact, (*again)[0].event);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_TRUE(second->duplicate);
  EXPECT_EQ(second->seq, first->seq);
  EXPECT_EQ(second->received_at_ms, first->received_at_ms);
  ASSERT_TRUE(contact.store().mark_sent(id, second->seq, second->received_at_ms).ok());
  auto nothing_left = push_pending(contact);
  ASSERT_TRUE(nothing_left.ok());
  EXPECT_EQ(*nothing_left, 0U);

  auto youth_pull = pull(org.youth(), case_id);
  ASSERT_TRUE(youth_pull.ok()) << youth_pull.error().message;
  EXPECT_EQ(youth_pull->fetched, 1U) << "the server stored the event once";
  auto youth_view = fold_case(org.youth().store(), case_id);
  ASSERT_TRUE(youth_view.ok()) << youth_view.error().message;
  ASSERT_EQ(youth_view->chat().entries().size(), 1U) << summarize(*youth_view);
  EXPECT_EQ(youth_view->chat().entries()[0].seq, first->seq);

  // The contact's own copy comes back with the same position: no conflict, still one message.
  auto contact_pull = pull(contact, case_id);
  ASSERT_TRUE(contact_pull.ok()) << contact_pull.error().message;
  auto contact_view = fold_case(contact.store(), case_id);
  ASSERT_TRUE(contact_view.ok());
  ASSERT_EQ(contact_view->chat().entries().size(), 1U);
  EXPECT_EQ(contact_view->chat().delivery(contact_view->chat().entries()[0]), model::Delivery::kDelivered);
}

}  // namespace
}  // namespace sk::integration
