#include "sk/model/chat_state.hpp"

#include <algorithm>
#include <array>

namespace sk::model {

std::string_view to_string(Delivery delivery) {
  constexpr std::array<std::string_view, 3> kNames{"sent", "delivered", "read"};
  return kNames[static_cast<std::size_t>(delivery)];
}

void ChatState::add(ChatEntry entry) {
  if (!entry.seq) {
    entries_.push_back(std::move(entry));
    return;
  }
  insert_in_order(std::move(entry));
}

void ChatState::insert_in_order(ChatEntry entry) {
  // Before the first entry that is later in sequence or still unsequenced. Usually the end.
  const auto at = std::find_if(entries_.begin(), entries_.end(),
                               [&entry](const ChatEntry& e) { return !e.seq || *e.seq > *entry.seq; });
  entries_.insert(at, std::move(entry));
}

void ChatState::confirm(const EventId& id, std::int64_t seq) {
  const auto it =
      std::find_if(entries_.begin(), entries_.end(), [&id](const ChatEntry& e) { return e.id == id; });
  if (it == entries_.end() || it->seq) return;
  ChatEntry entry = std::move(*it);
  entries_.erase(it);
  entry.seq = seq;
  insert_in_order(std::move(entry));
}

void ChatState::mark_read(const PrincipalId& reader, Role reader_role, std::int64_t up_to_seq) {
  auto& mine = read_up_to_[reader];
  mine = std::max(mine, up_to_seq);
  if (reader_role == Role::kYouth) youth_read_up_to_ = std::max(youth_read_up_to_, up_to_seq);
  if (reader_role == Role::kContact) contacts_read_up_to_ = std::max(contacts_read_up_to_, up_to_seq);
}

Delivery ChatState::delivery(const ChatEntry& entry) const {
  if (!entry.seq) return Delivery::kSent;
  const std::int64_t other_side =
      entry.author_role == Role::kYouth ? contacts_read_up_to_ : youth_read_up_to_;
  return *entry.seq <= other_side ? Delivery::kRead : Delivery::kDelivered;
}

std::size_t ChatState::unread_for(const PrincipalId& viewer) const {
  const std::int64_t seen = read_up_to(viewer).value_or(0);
  std::size_t n = 0;
  // Newest first: stop at the first entry the viewer has already covered.
  // Reverse iterators, not std::ranges::reverse_view: clang 14 cannot compile libstdc++ 12's
  // ranges (the fuzzing build, docs/backend.md).
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    const ChatEntry& e = *it;
    if (!e.seq) continue;
    if (*e.seq <= seen) break;
    if (e.author != viewer) ++n;
  }
  return n;
}

std::optional<std::int64_t> ChatState::read_up_to(const PrincipalId& reader) const {
  const auto it = read_up_to_.find(reader);
  if (it == read_up_to_.end()) return std::nullopt;
  return it->second;
}

}  // namespace sk::model
