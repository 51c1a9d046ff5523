#pragma once
// The chat between the youth and the contacts: messages and waves in server order, with
// delivery and read state.
//   sent       written on this device, not yet accepted by the server (no sequence number)
//   delivered  the server has it (it has a sequence number)
//   read       the other side has a read receipt covering it: a youth's entry is read when a
//              contact's receipt covers it, a contact's entry when the youth's receipt does
// A receipt covers every entry up to the sequence number of the event it names.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sk/model/event_bodies.hpp"
#include "sk/model/event_id.hpp"
#include "sk/model/principal.hpp"
#include "sk/model/timestamp.hpp"

namespace sk::model {

enum class Delivery { kSent, kDelivered, kRead };
std::string_view to_string(Delivery delivery);

struct ChatEntry {
  enum class Kind { kMessage, kWave };

  EventId id;
  Kind kind = Kind::kMessage;
  PrincipalId author;
  Role author_role = Role::kYouth;
  Timestamp created_at;
  std::optional<std::int64_t> seq;  // server sequence; nullopt while only sent
  std::string text;                 // message text, or the wave's sticker

  friend bool operator==(const ChatEntry&, const ChatEntry&) = default;
};

class ChatState {
 public:
  // Adds an entry. Sequenced entries are kept in sequence order; entries still waiting for the
  // server stay after them, in the order they were written.
  void add(ChatEntry entry);
  // The server accepted a sent entry: it becomes delivered and moves into sequence order.
  void confirm(const EventId& id, std::int64_t seq);
  // `reader` has seen everything up to and including sequence number `up_to_seq`.
  void mark_read(const PrincipalId& reader, Role reader_role, std::int64_t up_to_seq);

  [[nodiscard]] const std::vector<ChatEntry>& entries() const { return entries_; }
  [[nodiscard]] Delivery delivery(const ChatEntry& entry) const;
  // Entries from others that `viewer` has not covered with a read receipt yet.
  [[nodiscard]] std::size_t unread_for(const PrincipalId& viewer) const;
  [[nodiscard]] std::optional<std::int64_t> read_up_to(const PrincipalId& reader) const;
  // A contact's card (name for the youth, reply hours); the latest replaces earlier ones.
  void set_card(const PrincipalId& contact, ContactCard card) { cards_[contact] = std::move(card); }
  [[nodiscard]] const std::map<PrincipalId, ContactCard>& cards() const { return cards_; }

  friend bool operator==(const ChatState&, const ChatState&) = default;

 private:
  void insert_in_order(ChatEntry entry);

  std::vector<ChatEntry> entries_;
  std::map<PrincipalId, std::int64_t> read_up_to_;  // per reader, the highest covered sequence
  std::int64_t youth_read_up_to_ = 0;               // what the youth has read
  std::int64_t contacts_read_up_to_ = 0;            // the most any contact has read
  std::map<PrincipalId, ContactCard> cards_;        // per contact
};

}  // namespace sk::model
