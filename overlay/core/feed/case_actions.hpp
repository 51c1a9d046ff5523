#pragma once
// CaseActions: what a person does, written as a domain event into the local store together with
// its outbox entry (Store::record_local_event, one transaction). The sync engine delivers it
// later; the UI shows it at once because the CaseFeed folds the pending row too.
//
// Rules:
//  - Every event is validated by the model before it is written; an invalid one is refused with
//    the model's message and nothing is written.
//  - Ids are UUIDv7 from one generator per process; times come from the injected clock.
//  - Nothing here talks to the network or blocks on it.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sk/core/result.hpp"
#include "sk/model/event.hpp"
#include "sk/model/schedule_state.hpp"
#include "sk/store/store.hpp"

namespace sk::app {

struct Author {
  model::PrincipalId principal;
  model::DeviceId device;
};

class CaseActions {
 public:
  using Clock = std::function<std::int64_t()>;  // Unix ms

  CaseActions(store::Store& store, Author author, model::EventIdGenerator& ids, Clock clock);

  // Any body; the helpers below name the everyday ones.
  Result<model::EventId> write(const model::CaseId& case_id, model::Event::Body body);

  Result<model::EventId> send_chat(const model::CaseId& c, std::string text);
  Result<model::EventId> send_wave(const model::CaseId& c, std::string sticker);
  Result<model::EventId> mark_read(const model::CaseId& c, const model::EventId& up_to);
  Result<model::EventId> answer(const model::CaseId& c, const model::SessionRef& ref, model::Answer answer);
  Result<model::EventId> suggest_time(const model::CaseId& c, const model::SessionRef& ref,
                                      std::int64_t start_ms, std::string zone);
  // A contact's card for the youth: display name and reply hours.
  Result<model::EventId> introduce(const model::CaseId& c, model::ContactCard card);
  Result<model::EventId> check_in(const model::CaseId& c, int mood, std::vector<std::string> tags,
                                  std::string text);
  Result<model::EventId> wish_topic(const model::CaseId& c, std::string text);
  Result<model::EventId> set_interests(const model::CaseId& c, model::InterestsProfile profile);
  Result<model::EventId> propose(const model::CaseId& c, model::SessionProposed session);
  Result<model::EventId> reschedule(const model::CaseId& c, const model::SessionRef& ref,
                                    model::SessionPlan plan);
  Result<model::EventId> cancel(const model::CaseId& c, const model::SessionRef& ref, std::string reason);
  Result<model::EventId> mark_attended(const model::CaseId& c, const model::SessionRef& ref);
  Result<model::EventId> mark_no_show(const model::CaseId& c, const model::SessionRef& ref);

  [[nodiscard]] std::int64_t now_ms() const { return clock_(); }
  [[nodiscard]] const Author& author() const { return author_; }

 private:
  store::Store& store_;
  Author author_;
  model::EventIdGenerator& ids_;
  Clock clock_;
};

}  // namespace sk::app
