#include "support/demo_profile.hpp"

#include <vector>

#include "core/feed/event_bridge.hpp"
#include "sk/model/zone_rules.hpp"

namespace sk::app::testing {
namespace {

model::EventIdGenerator& ids() {
  // Tests and the seed tool are single short-lived processes; one generator each keeps ids ordered.
  static model::EventIdGenerator generator;
  return generator;
}

store::CaseRecord case_record(const std::string& id, const std::string& youth, const std::string& label,
                              bool consent) {
  store::CaseRecord r;
  r.case_id = id;
  r.org_id = "bergen";
  r.youth_principal_id = youth;
  r.label = label;
  r.checkin_consent = consent;
  r.members = {{youth, "youth"}, {kContact, "contact"}, {kSupervisor, "supervisor"}};
  return r;
}

model::Event make(const std::string& case_id, const std::string& author, model::Event::Body body,
                  std::int64_t created_ms) {
  model::Event e;
  e.id = ids().next();
  e.case_id = model::CaseId(case_id);
  e.author = model::PrincipalId(author);
  e.device = model::DeviceId(author + "-pc");
  e.created_at = model::Timestamp{created_ms};
  e.body = std::move(body);
  return e;
}

// A case history as both sides see it; `mine` decides which events go through the outbox.
class Writer {
 public:
  Writer(store::Store& s, std::string case_id, std::string me)
      : s_(s), case_(std::move(case_id)), me_(std::move(me)) {}

  Result<model::EventId> add(const std::string& author, model::Event::Body body, std::int64_t at,
                             bool sent = true) {
    model::Event e = make(case_, author, std::move(body), at);
    auto r = to_record(e);
    if (!r) return Unexpected{r.error()};
    if (author == me_) {
      if (auto ok = s_.record_local_event(*r); !ok) return Unexpected{ok.error()};
      if (sent) {
        if (auto ok = s_.mark_in_flight(std::vector<std::string>{r->event_id}); !ok)
          return Unexpected{ok.error()};
        if (auto ok = s_.mark_sent(r->event_id, ++seq_, at + 300); !ok) return Unexpected{ok.error()};
      }
    } else {
      r->server_seq = ++seq_;
      r->received_at_ms = at + 300;
      if (auto ok = s_.apply_remote_events(case_, std::vector<store::EventRecord>{*r}, seq_); !ok) {
        return Unexpected{ok.error()};
      }
    }
    return e.id;
  }

 private:
  store::Store& s_;
  std::string case_;
  std::string me_;
  std::int64_t seq_ = 0;
};

// The next Tuesday 18:00 Oslo time at least two days after now, as the weekly series' start
// minus three weeks (so the series has history).
std::int64_t weekly_start(std::int64_t now_ms) {
  constexpr std::int64_t kTuesday18Oslo = 1789488000000;  // 2026-09-15 (Tue) 18:00 CEST
  std::int64_t start = kTuesday18Oslo;
  while (start < now_ms + 2 * model::kDayMs) start += model::kWeekMs;
  while (start - now_ms > 9 * model::kDayMs) start -= model::kWeekMs;
  return start - 3 * model::kWeekMs;
}

Result<void> seed_case_history(store::Store& s, const std::string& case_id, const std::string& youth,
                               const std::string& me, std::int64_t now, int variant) {
  Writer w(s, case_id, me);
  auto h = [now](double hours_ago) { return now - static_cast<std::int64_t>(hours_ago * model::kHourMs); };
  // Kari introduces herself first: the youth's device learns her name only from this card.
  if (auto ok = w.add(kContact, model::ContactCard{"Kari", kReplyHours}, h(24 * 26)); !ok)
    return Unexpected{ok.error()};
  model::SessionProposed weekly;
  weekly.start = model::Timestamp{weekly_start(now) + variant * model::kDayMs};
  weekly.time_zone = kZone;
  weekly.duration_minutes = 90;
  weekly.recurrence = model::Recurrence::kWeekly;
  weekly.title = variant == 0 ? "Minecraft" : variant == 1 ? "Fortnite" : "Stardew Valley";
  auto session = w.add(kContact, weekly, h(24 * 25));
  if (!session) return Unexpected{session.error()};
  if (auto ok =
          w.add(youth, model::SessionAnswered{{*session, std::nullopt}, model::Answer::kAccept}, h(24 * 24));
      !ok) {
    return Unexpected{ok.error()};
  }
  const int moods[] = {3, 4, 2, 3, 4, 4, 5, 3, 4};
  for (int i = 0; i < 9; ++i) {
    model::CheckIn c;
    c.mood = moods[(i + variant) % 9];
    if (i % 3 == 0) c.tags = {"tired"};
    if (i % 4 == 1) c.tags = {"calm", "went_outside"};
    if (auto ok = w.add(youth, c, h(24.0 * (20 - 2 * i) + 3)); !ok) return Unexpected{ok.error()};
  }
  model::InterestsProfile interests{{"Minecraft", "tegne", "katter"}, {"bygge redstone", "pixel art"}};
  if (auto ok = w.add(youth, interests, h(24 * 10)); !ok) return Unexpected{ok.error()};
  if (auto ok = w.add(youth, model::TopicWish{"Vise deg byen jeg bygger", std::nullopt}, h(24 * 3)); !ok) {
    return Unexpected{ok.error()};
  }
  auto hi = w.add(kContact, model::ChatMessage{"Hei! Så gøy å spille i går. Du var rå på redstone!"}, h(20));
  if (!hi) return Unexpected{hi.error()};
  auto reply = w.add(youth, model::ChatMessage{"takk :) skal vi fortsette på byen på tirsdag?"}, h(19));
  if (!reply) return Unexpected{reply.error()};
  if (auto ok = w.add(kContact, model::ReadReceipt{*reply}, h(18.5)); !ok) return Unexpected{ok.error()};
  if (auto ok = w.add(kContact, model::ChatMessage{"Ja! Jeg tar med ideer til brua."}, h(18)); !ok) {
    return Unexpected{ok.error()};
  }
  if (auto ok = w.add(kContact, model::Wave{"thumbs_up"}, h(17.9)); !ok) return Unexpected{ok.error()};
  if (variant == 0) {
    // "Could we do the day after?" for the next meeting: the contact sees it beside the meeting.
    std::int64_t k = 0;
    while (model::add_local_weeks(weekly.start, kZone, k).unix_ms <= now) ++k;
    const std::int64_t next = model::add_local_weeks(weekly.start, kZone, k).unix_ms;
    model::SessionTimeSuggested later{
        {*session, model::Timestamp{next}}, model::Timestamp{next + model::kDayMs}, kZone};
    if (auto ok = w.add(youth, later, h(1)); !ok) return Unexpected{ok.error()};
    // A message still in the outbox: "not yet sent" on the youth's side.
    if (auto ok = w.add(youth, model::ChatMessage{"kan vi starte litt senere?"}, h(0.5), me != youth); !ok) {
      return Unexpected{ok.error()};
    }
  }
  return {};
}

}  // namespace

Result<void> add_remote(store::Store& store, const std::string& case_id, const std::string& author,
                        model::Event::Body body, std::int64_t created_ms, std::int64_t seq) {
  model::Event e = make(case_id, author, std::move(body), created_ms);
  auto r = to_record(e);
  if (!r) return Unexpected{r.error()};
  r->server_seq = seq;
  r->received_at_ms = created_ms + 100;
  return store.apply_remote_events(case_id, std::vector<store::EventRecord>{*r}, seq);
}

Result<void> seed_demo(store::Store& store, DemoSide side, std::int64_t now_ms, bool history) {
  store::Identity id;
  id.org_id = "bergen";
  id.principal_id = side == DemoSide::kYouthSide ? kYouth : kContact;
  id.device_id = id.principal_id + "-pc";
  id.role = side == DemoSide::kYouthSide ? "youth" : "contact";
  id.key_file = Bytes{1, 2, 3};
  id.nickname = side == DemoSide::kYouthSide ? "Yara" : "Kari";
  id.created_at_ms = now_ms - 30 * model::kDayMs;
  if (auto ok = store.set_identity(id); !ok) return ok;
  // As on a real device: the youth's has no label for the case (the contact's card names her).
  if (auto ok =
          store.upsert_case(case_record(kCase, kYouth, side == DemoSide::kYouthSide ? "" : "Yara", true));
      !ok) {
    return ok;
  }
  if (side == DemoSide::kContactSide) {
    if (auto ok = store.set_setting("ui.reply_hours", kReplyHours); !ok) return ok;
  }
  if (!history) return {};
  if (auto ok = seed_case_history(store, kCase, kYouth, id.principal_id, now_ms, 0); !ok) return ok;
  if (side == DemoSide::kContactSide) {
    const std::pair<const char*, const char*> more[] = {{"case-emil", "emil"}, {"case-sara", "sara"}};
    int variant = 1;
    for (const auto& [case_id, youth] : more) {
      std::string label = youth == std::string("emil") ? "Emil" : "Sara";
      if (auto ok = store.upsert_case(case_record(case_id, youth, label, variant == 1)); !ok) return ok;
      if (auto ok = seed_case_history(store, case_id, youth, id.principal_id, now_ms, variant++); !ok)
        return ok;
    }
  }
  return {};
}

}  // namespace sk::app::testing
