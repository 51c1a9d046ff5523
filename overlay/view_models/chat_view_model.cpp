#include "view_models/chat_view_model.hpp"

namespace sk::app {

ChatViewModel build_chat(const model::CaseState& state, const model::PrincipalId& viewer,
                         const NameBook& names) {
  ChatViewModel vm;
  const model::ChatState& chat = state.chat();
  vm.lines.reserve(chat.entries().size());
  std::optional<std::int64_t> newest_other_seq;
  for (const model::ChatEntry& e : chat.entries()) {
    ChatLine line;
    line.id = e.id;
    line.mine = e.author == viewer;
    line.sticker = e.kind == model::ChatEntry::Kind::kWave;
    line.text = e.text;
    line.author_name = names.name_of(e.author);
    line.created_at_ms = e.created_at.unix_ms;
    line.delivery = chat.delivery(e);
    if (line.mine && line.delivery == model::Delivery::kSent) ++vm.not_yet_sent;
    if (!line.mine && e.seq && (!newest_other_seq || *e.seq > *newest_other_seq)) {
      newest_other_seq = e.seq;
      vm.acknowledge = e.id;
    }
    vm.lines.push_back(std::move(line));
  }
  vm.unread = chat.unread_for(viewer);
  auto read = chat.read_up_to(viewer);
  if (newest_other_seq && read && *read >= *newest_other_seq) vm.acknowledge.reset();
  for (const auto& [who, card] : chat.cards()) {
    if (who != viewer && !card.reply_hours.empty())
      vm.reply_hours.emplace_back(card.display_name, card.reply_hours);
  }
  return vm;
}

}  // namespace sk::app
