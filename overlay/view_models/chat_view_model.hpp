#pragma once
// ChatViewModel: the chat of one case as the viewer sees it: own and others' entries with their
// delivery mark (not yet sent / delivered / read), stickers, and what to acknowledge with a read
// receipt. Built from a folded CaseState; the view only draws it.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sk/model/case_state.hpp"
#include "view_models/names.hpp"

namespace sk::app {

struct ChatLine {
  model::EventId id;
  bool mine = false;
  bool sticker = false;  // a wave: `text` is the sticker name (kStickers)
  std::string text;
  std::string author_name;  // empty when unknown
  std::int64_t created_at_ms = 0;
  model::Delivery delivery = model::Delivery::kSent;  // kSent here means "not yet sent"
};

struct ChatViewModel {
  std::vector<ChatLine> lines;  // oldest first
  std::size_t unread = 0;
  std::size_t not_yet_sent = 0;
  // The newest sequenced entry by someone else, when the viewer has not yet covered it with a
  // read receipt: what opening the chat acknowledges (if "send seen" is on).
  std::optional<model::EventId> acknowledge;
  // The other contacts' reply hours from their cards: {name, "Hverdager 12-20"}.
  std::vector<std::pair<std::string, std::string>> reply_hours;
};

ChatViewModel build_chat(const model::CaseState& state, const model::PrincipalId& viewer,
                         const NameBook& names);

}  // namespace sk::app
