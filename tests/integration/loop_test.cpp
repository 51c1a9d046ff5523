// The whole one-way loop with real processes and sockets: a contact's chat message goes
// model → store + outbox → sealed push → backend → the youth's long-poll → open → decode →
// store → fold, and the youth's read receipt comes back the same way.

#include <gtest/gtest.h>

#include <chrono>
#include <future>

#include "support/org_fixture.hpp"
#include "support/sync_step.hpp"

namespace sk::integration {
namespace {

using model::Delivery;

TEST(EndToEnd, LoopDeliversChatFromContactToYouth) {
  Org org;
  auto& contact = org.contact();
  auto& youth = org.youth();
  const auto& case_id = org.case_id();

  // The youth's app is already waiting for news when the contact writes.
  const auto started = std::chrono::steady_clock::now();
  auto waiting = std::async(std::launch::async, [&] { return pull(youth, case_id, /*wait_seconds=*/20); });

  const auto message = act(contact, case_id, model::ChatMessage{"Hei! Skal vi spille Minecraft i kveld?"});
  {
    auto mine = fold_case(contact.store(), case_id);
    ASSERT_TRUE(mine.ok()) << mine.error().message;
    ASSERT_EQ(mine->chat().entries().size(), 1U);
    EXPECT_EQ(mine->chat().delivery(mine->chat().entries()[0]), Delivery::kSent) << "written, not yet pushed";
  }
  auto pushed = push_pending(contact);
  ASSERT_TRUE(pushed.ok()) << pushed.error().message;
  EXPECT_EQ(*pushed, 1U);

  auto woke = waiting.get();
  ASSERT_TRUE(woke.ok()) << woke.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10))
      << "the append woke the long-poll";
  EXPECT_EQ(woke->applied, 1U);
  EXPECT_TRUE(woke->rejected.empty()) << woke->rejected.front();

  auto seen = fold_case(youth.store(), case_id);
  ASSERT_TRUE(seen.ok()) << seen.error().message;
  ASSERT_EQ(seen->chat().entries().size(), 1U);
  const auto& entry = seen->chat().entries()[0];
  EXPECT_EQ(entry.id, message.id);
  EXPECT_EQ(entry.text, "Hei! Skal vi spille Minecraft i kveld?");
  EXPECT_EQ(entry.author.str(), contact.principal_id());
  EXPECT_EQ(entry.author_role, model::Role::kContact);
  EXPECT_EQ(seen->chat().delivery(entry), Delivery::kDelivered);
  EXPECT_EQ(seen->chat().unread_for(model::PrincipalId(youth.principal_id())), 1U);

  // The youth reads it; the receipt travels back through the same loop.
  act(youth, case_id, model::ReadReceipt{message.id});
  auto receipt_pushed = push_pending(youth);
  ASSERT_TRUE(receipt_pushed.ok()) << receipt_pushed.error().message;
  EXPECT_EQ(*receipt_pushed, 1U);

  auto back = pull(contact, case_id);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->applied, 2U) << "its own message (now with its seq) and the receipt";
  EXPECT_TRUE(back->rejected.empty()) << back->rejected.front();
  auto contact_view = fold_case(contact.store(), case_id);
  ASSERT_TRUE(contact_view.ok()) << contact_view.error().message;
  ASSERT_EQ(contact_view->chat().entries().size(), 1U);
  EXPECT_EQ(contact_view->chat().delivery(contact_view->chat().entries()[0]), Delivery::kRead);

  // The contact's outbox entry is sent, with the position the youth saw.
  auto outbox = contact.store().find_outbox_entry(message.id.str());
  ASSERT_TRUE(outbox.ok() && outbox->has_value());
  EXPECT_EQ((*outbox)->state, store::OutboxState::kSent);
  EXPECT_EQ((*outbox)->event.server_seq, entry.seq);

  auto again = pull(youth, case_id);
  ASSERT_TRUE(again.ok()) << again.error().message;
  auto youth_view = fold_case(youth.store(), case_id);
  ASSERT_TRUE(youth_view.ok());
  EXPECT_EQ(youth_view->chat().unread_for(model::PrincipalId(youth.principal_id())), 0U);
}

}  // namespace
}  // namespace sk::integration
