#include "case_events.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "profile_access.hpp"
#include "sk/client/case_fold.hpp"
#include "sk/client/event_records.hpp"
#include "sk/model/codec.hpp"
#include "sk/model/limits.hpp"
#include "sk/model/zone_rules.hpp"

namespace sk::cli {

namespace {

using nlohmann::json;

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms, proleptic Gregorian).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string local_text(model::Timestamp t, const std::string& zone) {
  const std::int64_t local = t.unix_ms + model::utc_offset_ms(zone, t).value_or(0);
  std::int64_t z = (local >= 0 ? local : local - model::kDayMs + 1) / model::kDayMs;
  const std::int64_t minute_of_day = (local - z * model::kDayMs) / model::kMinuteMs;
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
  char buf[80];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02lld:%02lld", static_cast<long long>(y), m, d,
                static_cast<long long>(minute_of_day / 60), static_cast<long long>(minute_of_day % 60));
  return buf;
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Result<model::SessionRef> session_ref(const std::string& session, const std::string& occurrence,
                                      const std::string& zone) {
  auto id = model::EventId::parse(session);
  if (!id) return fail("client.input", "--session: not an event id (see `sessions`)");
  model::SessionRef ref{*id, std::nullopt};
  if (!occurrence.empty()) {
    auto at = parse_time(occurrence, zone);
    if (!at) return Unexpected{at.error()};
    ref.occurrence = *at;
  }
  return ref;
}

// Writes one event and prints its id (text) or {ok, event_id, pending} (--json).
int write_one(const Options& o, const EventTarget& t, model::Event::Body body) {
  auto w = write_events(o, t, {std::move(body)});
  if (w.exit_code != kOk) return w.exit_code;
  if (o.json) {
    std::cout << json{{"ok", true}, {"event_id", w.ids.front().str()}, {"pending", w.pending}}.dump() << "\n";
  } else {
    std::cout << w.ids.front().str() << "\n";
  }
  return kOk;
}

}  // namespace

Result<model::Timestamp> parse_time(const std::string& text, const std::string& zone) {
  const bool digits_only =
      !text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text.size() >= 12;
  if (digits_only) return model::Timestamp{std::stoll(text)};
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  char sep = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d", &y, &mo, &d, &sep, &h, &mi) != 6 ||
      (sep != ' ' && sep != 'T') || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59)
    return fail("client.input", "\"" + text + "\": give a time as YYYY-MM-DD HH:MM (or Unix ms)");
  const std::int64_t wall =
      days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * model::kDayMs +
      h * model::kHourMs + mi * model::kMinuteMs;
  // The offset at the wall time read as UTC is off by at most one DST step; a second look settles it.
  const std::int64_t first = wall - model::utc_offset_ms(zone, model::Timestamp{wall}).value_or(0);
  return model::Timestamp{wall - model::utc_offset_ms(zone, model::Timestamp{first}).value_or(0)};
}

Written write_events(const Options& o, const EventTarget& t, std::vector<model::Event::Body> bodies) {
  Written w;
  std::int64_t created = now_ms();
  if (!o.at.empty()) {
    auto at = parse_time(o.at, o.zone);
    if (!at) return {{}, 0, report(o, at.error())};
    created = at->unix_ms;
  }
  auto c = open(o, true);
  if (!c) return {{}, 0, report(o, c.error())};
  const auto me = *(*c)->profile();
  {
    auto store = store::Store::open((*c)->store_path());
    if (!store) return {{}, 0, report(o, store.error())};
    auto case_id = only_case(*store, t.case_id);
    if (!case_id) return {{}, 0, report(o, case_id.error())};
    model::EventIdGenerator ids;
    for (auto& body : bodies) {
      auto e = client::record_action(*store, {me.principal_id, me.device_id, &ids}, *case_id, std::move(body),
                                     model::Timestamp{created++});
      if (!e) return {{}, 0, report(o, e.error())};
      w.ids.push_back(e->id);
    }
  }
  if (!t.sync_after) return w;
  auto s = (*c)->sync_once();
  if (!s) return {{}, 0, report(o, s.error())};
  w.pending = s->pending;
  return w;
}

int schedule(const Options& o, const EventTarget& t, const ScheduleArgs& a) {
  auto start = parse_time(a.start, o.zone);
  if (!start) return report(o, start.error());
  model::SessionProposed p;
  p.start = *start;
  p.time_zone = o.zone;
  p.duration_minutes = a.minutes;
  p.recurrence = a.weekly ? model::Recurrence::kWeekly : model::Recurrence::kOneOff;
  p.title = a.title;
  if (!a.until.empty()) {
    auto until = parse_time(a.until, o.zone);
    if (!until) return report(o, until.error());
    p.until = *until;
  }
  return write_one(o, t, p);
}

int answer(const Options& o, const EventTarget& t, const std::string& session, const std::string& occurrence,
           const std::string& answer) {
  auto ref = session_ref(session, occurrence, o.zone);
  if (!ref) return report(o, ref.error());
  return write_one(
      o, t,
      model::SessionAnswered{*ref, answer == "accept" ? model::Answer::kAccept : model::Answer::kNotToday});
}

int mark(const Options& o, const EventTarget& t, const std::string& session, const std::string& occurrence,
         const std::string& what) {
  auto ref = session_ref(session, occurrence, o.zone);
  if (!ref) return report(o, ref.error());
  if (what == "attended") return write_one(o, t, model::SessionAttended{*ref});
  return write_one(o, t, model::SessionNoShow{*ref});
}

int check_in(const Options& o, const EventTarget& t, int mood, const std::vector<std::string>& tags,
             const std::string& text) {
  model::CheckIn c;
  c.mood = mood;
  c.tags = tags;
  c.text = text;
  return write_one(o, t, c);
}

int introduce(const Options& o, const EventTarget& t, const std::string& reply_hours) {
  // The name is read from the store, without the passphrase: write_one unlocks the profile once.
  std::string name;
  {
    auto store = store::Store::open(o.profile / "store.db");
    if (!store) return report(o, store.error());
    auto me = store->identity();
    if (!me || !*me) return report(o, Error{"client.profile", "this profile has no identity yet"});
    name = (*me)->nickname;
  }
  return write_one(o, t, model::ContactCard{name, reply_hours});
}

int sessions(const Options& o, const std::string& case_id) {
  auto folded = fold_only_case(o, case_id);
  if (!folded) return report(o, folded.error());
  const std::int64_t now = now_ms();
  auto meetings = folded->state.schedule().meetings_between(model::Timestamp{now - model::kWeekMs},
                                                            model::Timestamp{now + 366 * model::kDayMs});
  constexpr std::size_t kShown = 12;
  if (meetings.size() > kShown) meetings.resize(kShown);
  json out = json::array();
  for (const auto& m : meetings) {
    const bool weekly = m.recurrence == model::Recurrence::kWeekly;
    const std::string status(model::to_string(m.status));
    json j{{"session", m.session.str()},
           {"occurrence", weekly ? json(m.planned_start.unix_ms) : json(nullptr)},
           {"start", m.plan.start.unix_ms},
           {"time_zone", m.plan.time_zone},
           {"minutes", m.plan.duration_minutes},
           {"weekly", weekly},
           {"status", status},
           {"title", m.title},
           {"suggested", m.suggested ? json(m.suggested->start.unix_ms) : json(nullptr)}};
    if (o.json) {
      out.push_back(std::move(j));
      continue;
    }
    std::cout << local_text(m.plan.start, o.zone) << "\t" << status << "\t" << m.title << "\t"
              << m.session.str();
    if (weekly) std::cout << " --occurrence " << m.planned_start.unix_ms;
    if (m.suggested) std::cout << "\tsuggested: " << local_text(m.suggested->start, o.zone);
    std::cout << "\n";
  }
  if (o.json) std::cout << json{{"ok", true}, {"case_id", folded->case_id}, {"meetings", out}}.dump() << "\n";
  return kOk;
}

}  // namespace sk::cli
