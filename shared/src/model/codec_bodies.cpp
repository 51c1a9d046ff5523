#include "codec_bodies.hpp"

#include <array>
#include <limits>

#include "overloaded.hpp"

namespace sk::model::detail {
namespace {

constexpr std::array<std::string_view, 2> kRecurrences{"one_off", "weekly"};
constexpr std::array<std::string_view, 2> kAnswers{"accept", "not_today"};
constexpr std::array<std::string_view, 2> kLevels{"normal", "urgent"};

template <class Enum, std::size_t N>
Enum read_enum(JsonReader& r, std::string_view key, const std::array<std::string_view, N>& names,
               bool required) {
  if (!required && !r.has(key)) return Enum{};  // the first name is the default
  const std::string s = r.string(key);
  for (std::size_t i = 0; i < N; ++i) {
    if (s == names[i]) return static_cast<Enum>(i);
  }
  std::string choices;
  for (const auto name : names) choices += (choices.empty() ? "" : ", ") + std::string(name);
  r.fail_at(key, "must be one of " + choices);
  return Enum{};
}

template <class Enum, std::size_t N>
std::string enum_name(Enum e, const std::array<std::string_view, N>& names) {
  return std::string(names[static_cast<std::size_t>(e)]);
}

// Values that don't fit become INT32_MIN, which every range check in validate.cpp rejects with
// the field's own message.
std::int32_t to_int32(std::int64_t v) {
  if (v < std::numeric_limits<std::int32_t>::min() || v > std::numeric_limits<std::int32_t>::max()) {
    return std::numeric_limits<std::int32_t>::min();
  }
  return static_cast<std::int32_t>(v);
}

SessionRef read_ref(JsonReader& r) {
  SessionRef ref;
  ref.session = r.event_id("session");
  ref.occurrence = r.opt_timestamp("occurrence");
  return ref;
}

void write_ref(Json& j, const SessionRef& ref) {
  j["session"] = ref.session.str();
  if (ref.occurrence) j["occurrence"] = ref.occurrence->unix_ms;
}

void put_text(Json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

void put_list(Json& j, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) j[key] = values;
}

SessionProposed read_proposed(JsonReader& r) {
  SessionProposed p;
  p.start = r.timestamp("start");
  p.time_zone = r.string("time_zone");
  p.duration_minutes = to_int32(r.integer("duration_minutes"));
  p.recurrence = read_enum<Recurrence>(r, "recurrence", kRecurrences, false);
  p.until = r.opt_timestamp("until");
  p.title = r.text("title");
  return p;
}

SessionRescheduled read_rescheduled(JsonReader& r) {
  SessionRescheduled s;
  s.ref = read_ref(r);
  s.start = r.timestamp("start");
  s.time_zone = r.string("time_zone");
  s.duration_minutes = to_int32(r.integer("duration_minutes"));
  return s;
}

SessionTimeSuggested read_suggested(JsonReader& r) {
  SessionTimeSuggested s;
  s.ref = read_ref(r);
  s.start = r.timestamp("start");
  s.time_zone = r.string("time_zone");
  return s;
}

CheckIn read_check_in(JsonReader& r) {
  CheckIn c;
  c.mood = to_int32(r.integer("mood"));
  c.tags = r.string_list("tags");
  c.free_tags = r.string_list("free_tags");
  c.text = r.text("text");
  return c;
}

SessionNote read_note(JsonReader& r) {
  SessionNote n;
  if (r.has("session")) {
    n.session = read_ref(r);
  } else if (r.has("occurrence")) {
    r.fail_at("occurrence", "requires session");
  }
  r.object("note", true, [&n](JsonReader& t) {
    n.note.activity = t.text("activity");
    if (const auto m = t.opt_integer("mood_observed")) n.note.mood_observed = to_int32(*m);
    n.note.went_well = t.text("went_well");
    n.note.concerns = t.text("concerns");
    n.note.next_steps = t.text("next_steps");
  });
  return n;
}

KeyVouch read_vouch(JsonReader& r) {
  KeyVouch v;
  r.object_list("devices", [&v](JsonReader& d) {
    VouchedDevice dev;
    dev.device = d.strong_id<DeviceId>("device");
    dev.principal = d.strong_id<PrincipalId>("principal");
    const std::string role = d.string("role");
    const auto parsed = role_from_string(role);
    if (!d.failed() && !parsed) d.fail_at("role", "must be youth, contact or supervisor");
    if (parsed) dev.role = *parsed;
    dev.ed25519 = d.string("ed25519");
    dev.x25519 = d.string("x25519");
    v.devices.push_back(std::move(dev));
  });
  return v;
}

HistoryGrant read_grant(JsonReader& r) {
  HistoryGrant g;
  g.for_device = r.strong_id<DeviceId>("for_device");
  r.object_list("grants", [&g](JsonReader& e) {
    GrantEntry entry;
    entry.event = e.event_id("event");
    entry.grant = e.string("grant");
    g.grants.push_back(std::move(entry));
  });
  return g;
}

Json write_vouch(const KeyVouch& v) {
  Json j = Json::object();
  j["devices"] = Json::array();
  for (const auto& d : v.devices) {
    j["devices"].push_back({{"device", d.device.str()},
                            {"principal", d.principal.str()},
                            {"role", to_string(d.role)},
                            {"ed25519", d.ed25519},
                            {"x25519", d.x25519}});
  }
  return j;
}

Json write_grant(const HistoryGrant& g) {
  Json j = Json::object();
  j["for_device"] = g.for_device.str();
  j["grants"] = Json::array();
  for (const auto& e : g.grants) j["grants"].push_back({{"event", e.event.str()}, {"grant", e.grant}});
  return j;
}

}  // namespace

Event::Body read_body(EventKind kind, JsonReader& r) {
  switch (kind) {
    case EventKind::kChatMessage:
      return ChatMessage{r.string("text")};
    case EventKind::kWave:
      return Wave{r.string("sticker")};
    case EventKind::kReadReceipt:
      return ReadReceipt{r.event_id("up_to")};
    case EventKind::kContactCard:
      return ContactCard{r.string("display_name"), r.text("reply_hours")};
    case EventKind::kSessionProposed:
      return read_proposed(r);
    case EventKind::kSessionAnswered: {
      SessionAnswered a;
      a.ref = read_ref(r);
      a.answer = read_enum<Answer>(r, "answer", kAnswers, true);
      return a;
    }
    case EventKind::kSessionRescheduled:
      return read_rescheduled(r);
    case EventKind::kSessionCancelled: {
      SessionCancelled c;
      c.ref = read_ref(r);
      c.reason = r.text("reason");
      return c;
    }
    case EventKind::kSessionAttended:
      return SessionAttended{read_ref(r)};
    case EventKind::kSessionNoShow:
      return SessionNoShow{read_ref(r)};
    case EventKind::kSessionTimeSuggested:
      return read_suggested(r);
    case EventKind::kCheckIn:
      return read_check_in(r);
    case EventKind::kTopicWish: {
      TopicWish t;
      t.text = r.string("text");
      t.for_session = r.opt_event_id("for_session");
      return t;
    }
    case EventKind::kInterests: {
      InterestsProfile p;
      p.likes = r.string_list("likes");
      p.good_at = r.string_list("good_at");
      return p;
    }
    case EventKind::kSessionNote:
      return read_note(r);
    case EventKind::kGuidance: {
      Guidance g;
      g.text = r.string("text");
      g.regarding = r.opt_event_id("regarding");
      return g;
    }
    case EventKind::kConcern: {
      Concern c;
      c.level = read_enum<ConcernLevel>(r, "level", kLevels, true);
      c.text = r.string("text");
      return c;
    }
    case EventKind::kConcernResolved: {
      ConcernResolved c;
      c.concern = r.event_id("concern");
      c.text = r.text("text");
      return c;
    }
    case EventKind::kCaseVouch:
      return CaseVouch{read_vouch(r)};
    case EventKind::kTeamVouch:
      return TeamVouch{read_vouch(r)};
    case EventKind::kCaseGrant:
      return CaseGrant{read_grant(r)};
    case EventKind::kTeamGrant:
      return TeamGrant{read_grant(r)};
    case EventKind::kUnknown:
      break;
  }
  return UnknownEvent{};
}

Json write_body(const Event::Body& body) {
  Json j = Json::object();
  std::visit(Overloaded{
                 [&](const ChatMessage& b) { j["text"] = b.text; },
                 [&](const Wave& b) { j["sticker"] = b.sticker; },
                 [&](const ReadReceipt& b) { j["up_to"] = b.up_to.str(); },
                 [&](const ContactCard& b) {
                   j["display_name"] = b.display_name;
                   put_text(j, "reply_hours", b.reply_hours);
                 },
                 [&](const SessionProposed& b) {
                   j["start"] = b.start.unix_ms;
                   j["time_zone"] = b.time_zone;
                   j["duration_minutes"] = b.duration_minutes;
                   j["recurrence"] = enum_name(b.recurrence, kRecurrences);
                   if (b.until) j["until"] = b.until->unix_ms;
                   put_text(j, "title", b.title);
                 },
                 [&](const SessionAnswered& b) {
                   write_ref(j, b.ref);
                   j["answer"] = enum_name(b.answer, kAnswers);
                 },
                 [&](const SessionRescheduled& b) {
                   write_ref(j, b.ref);
                   j["start"] = b.start.unix_ms;
                   j["time_zone"] = b.time_zone;
                   j["duration_minutes"] = b.duration_minutes;
                 },
                 [&](const SessionCancelled& b) {
                   write_ref(j, b.ref);
                   put_text(j, "reason", b.reason);
                 },
                 [&](const SessionAttended& b) { write_ref(j, b.ref); },
                 [&](const SessionNoShow& b) { write_ref(j, b.ref); },
                 [&](const SessionTimeSuggested& b) {
                   write_ref(j, b.ref);
                   j["start"] = b.start.unix_ms;
                   j["time_zone"] = b.time_zone;
                 },
                 [&](const CheckIn& b) {
                   j["mood"] = b.mood;
                   put_list(j, "tags", b.tags);
                   put_list(j, "free_tags", b.free_tags);
                   put_text(j, "text", b.text);
                 },
                 [&](const TopicWish& b) {
                   j["text"] = b.text;
                   if (b.for_session) j["for_session"] = b.for_session->str();
                 },
                 [&](const InterestsProfile& b) {
                   put_list(j, "likes", b.likes);
                   put_list(j, "good_at", b.good_at);
                 },
                 [&](const SessionNote& b) {
                   if (b.session) write_ref(j, *b.session);
                   Json t = Json::object();
                   put_text(t, "activity", b.note.activity);
                   if (b.note.mood_observed) t["mood_observed"] = *b.note.mood_observed;
                   put_text(t, "went_well", b.note.went_well);
                   put_text(t, "concerns", b.note.concerns);
                   put_text(t, "next_steps", b.note.next_steps);
                   j["note"] = std::move(t);
                 },
                 [&](const Guidance& b) {
                   j["text"] = b.text;
                   if (b.regarding) j["regarding"] = b.regarding->str();
                 },
                 [&](const Concern& b) {
                   j["level"] = enum_name(b.level, kLevels);
                   j["text"] = b.text;
                 },
                 [&](const ConcernResolved& b) {
                   j["concern"] = b.concern.str();
                   put_text(j, "text", b.text);
                 },
                 [&](const CaseVouch& b) { j = write_vouch(b); },
                 [&](const TeamVouch& b) { j = write_vouch(b); },
                 [&](const CaseGrant& b) { j = write_grant(b); },
                 [&](const TeamGrant& b) { j = write_grant(b); },
                 [&](const UnknownEvent&) {},
             },
             body);
  return j;
}

}  // namespace sk::model::detail
