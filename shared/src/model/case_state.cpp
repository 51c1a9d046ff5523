#include "sk/model/case_state.hpp"

#include "overloaded.hpp"
#include "sk/model/rules.hpp"

namespace sk::model {

CaseState::CaseState(Case members) : case_(std::move(members)) {}

void CaseState::apply(const Event& event, std::optional<std::int64_t> seq) {
  if (seq) cursor_ = cursor_ ? std::max(*cursor_, *seq) : *seq;
  const auto [it, first_time] = seen_.emplace(event.id, seq);
  if (!first_time) {
    if (!it->second && seq) {  // our own event came back from the server
      it->second = seq;
      chat_.confirm(event.id, *seq);
    }
    return;
  }
  if (!check_author(event, case_)) return;
  apply_body(event, *case_.role_of(event.author), seq);
}

void CaseState::apply_body(const Event& e, Role author_role, std::optional<std::int64_t> seq) {
  std::visit(
      detail::Overloaded{
          [&](const ChatMessage& b) {
            chat_.add({e.id, ChatEntry::Kind::kMessage, e.author, author_role, e.created_at, seq, b.text});
          },
          [&](const Wave& b) {
            chat_.add({e.id, ChatEntry::Kind::kWave, e.author, author_role, e.created_at, seq, b.sticker});
          },
          [&](const ReadReceipt& b) {
            // Only a sequenced target has a place in server order to read up to.
            const auto target = seen_.find(b.up_to);
            if (target != seen_.end() && target->second)
              chat_.mark_read(e.author, author_role, *target->second);
          },
          [&](const ContactCard& b) { chat_.set_card(e.author, b); },
          [&](const SessionProposed& b) { schedule_.propose(e.id, e.author, b); },
          [&](const SessionAnswered& b) { schedule_.answer(b); },
          [&](const SessionRescheduled& b) { schedule_.reschedule(b); },
          [&](const SessionCancelled& b) { schedule_.cancel(b); },
          [&](const SessionAttended& b) { schedule_.mark_attended(b); },
          [&](const SessionNoShow& b) { schedule_.mark_no_show(b); },
          [&](const SessionTimeSuggested& b) { schedule_.suggest_time(b); },
          [&](const CheckIn& b) {
            wellbeing_.add_check_in({e.id, e.created_at, b});
          },
          [&](const TopicWish& b) {
            wellbeing_.add_topic_wish({e.id, e.created_at, b});
          },
          [&](const InterestsProfile& b) {
            wellbeing_.set_interests({e.id, e.created_at, b});
          },
          [&](const SessionNote& b) {
            team_.add_note({e.id, e.author, e.created_at, b});
          },
          [&](const Guidance& b) {
            team_.add_guidance({e.id, e.author, e.created_at, b});
          },
          [&](const Concern& b) {
            team_.add_concern({e.id, e.author, e.created_at, b, std::nullopt});
          },
          [&](const ConcernResolved& b) {
            team_.resolve(b.concern, {e.id, e.author, e.created_at, b.text});
          },
          // Keys and history change what the sync engine can open, not the case's state.
          [&](const CaseVouch&) {},
          [&](const TeamVouch&) {},
          [&](const CaseGrant&) {},
          [&](const TeamGrant&) {},
          [&](const UnknownEvent&) {},
      },
      e.body);
}

}  // namespace sk::model
