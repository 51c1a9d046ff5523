#include "core/feed/case_actions.hpp"

#include "core/feed/event_bridge.hpp"

namespace sk::app {

CaseActions::CaseActions(store::Store& store, Author author, model::EventIdGenerator& ids, Clock clock)
    : store_(store), author_(std::move(author)), ids_(ids), clock_(std::move(clock)) {}

Result<model::EventId> CaseActions::write(const model::CaseId& case_id, model::Event::Body body) {
  model::Event event;
  event.id = ids_.next();
  event.case_id = case_id;
  event.author = author_.principal;
  event.device = author_.device;
  event.created_at = model::Timestamp{clock_()};
  event.body = std::move(body);
  auto record = to_record(event);
  if (!record) return Unexpected{record.error()};
  if (auto ok = store_.record_local_event(*record); !ok) return Unexpected{ok.error()};
  return event.id;
}

Result<model::EventId> CaseActions::send_chat(const model::CaseId& c, std::string text) {
  return write(c, model::ChatMessage{std::move(text)});
}

Result<model::EventId> CaseActions::send_wave(const model::CaseId& c, std::string sticker) {
  return write(c, model::Wave{std::move(sticker)});
}

Result<model::EventId> CaseActions::mark_read(const model::CaseId& c, const model::EventId& up_to) {
  return write(c, model::ReadReceipt{up_to});
}

Result<model::EventId> CaseActions::answer(const model::CaseId& c, const model::SessionRef& ref,
                                           model::Answer answer) {
  return write(c, model::SessionAnswered{ref, answer});
}

Result<model::EventId> CaseActions::suggest_time(const model::CaseId& c, const model::SessionRef& ref,
                                                 std::int64_t start_ms, std::string zone) {
  return write(c, model::SessionTimeSuggested{ref, model::Timestamp{start_ms}, std::move(zone)});
}

Result<model::EventId> CaseActions::introduce(const model::CaseId& c, model::ContactCard card) {
  return write(c, std::move(card));
}

Result<model::EventId> CaseActions::check_in(const model::CaseId& c, int mood, std::vector<std::string> tags,
                                             std::string text) {
  model::CheckIn body;
  body.mood = mood;
  body.tags = std::move(tags);
  body.text = std::move(text);
  return write(c, std::move(body));
}

Result<model::EventId> CaseActions::wish_topic(const model::CaseId& c, std::string text) {
  return write(c, model::TopicWish{std::move(text), std::nullopt});
}

Result<model::EventId> CaseActions::set_interests(const model::CaseId& c, model::InterestsProfile profile) {
  return write(c, std::move(profile));
}

Result<model::EventId> CaseActions::propose(const model::CaseId& c, model::SessionProposed session) {
  return write(c, std::move(session));
}

Result<model::EventId> CaseActions::reschedule(const model::CaseId& c, const model::SessionRef& ref,
                                               model::SessionPlan plan) {
  return write(c,
               model::SessionRescheduled{ref, plan.start, std::move(plan.time_zone), plan.duration_minutes});
}

Result<model::EventId> CaseActions::cancel(const model::CaseId& c, const model::SessionRef& ref,
                                           std::string reason) {
  return write(c, model::SessionCancelled{ref, std::move(reason)});
}

Result<model::EventId> CaseActions::mark_attended(const model::CaseId& c, const model::SessionRef& ref) {
  return write(c, model::SessionAttended{ref});
}

Result<model::EventId> CaseActions::mark_no_show(const model::CaseId& c, const model::SessionRef& ref) {
  return write(c, model::SessionNoShow{ref});
}

}  // namespace sk::app
