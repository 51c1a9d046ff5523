#include "state_summary.hpp"

namespace sk::model::testing {
namespace {

using Json = nlohmann::json;

Json meeting_json(const Meeting& m) {
  return Json{{"session", m.session.str()}, {"start", m.plan.start.unix_ms}, {"status", to_string(m.status)}};
}

Json schedule_json(const ScheduleState& schedule, Timestamp now, Json& out) {
  Json sessions = Json::array();
  for (const auto& [id, s] : schedule.sessions()) {
    sessions.push_back({{"id", id.str()},
                        {"status", to_string(s.status)},
                        {"start", s.plan.start.unix_ms},
                        {"duration_minutes", s.plan.duration_minutes}});
  }
  out["sessions"] = sessions;
  Json upcoming = Json::array();
  for (const auto& m : schedule.upcoming(now, 5)) upcoming.push_back(meeting_json(m));
  out["upcoming"] = upcoming;
  const auto next = schedule.next_session(now);
  out["next_session"] = next ? meeting_json(*next) : Json(nullptr);
  return out;
}

}  // namespace

nlohmann::json summarize(const CaseState& state, Timestamp now) {
  Json out = Json::object();
  schedule_json(state.schedule(), now, out);

  Json chat = Json::array();
  for (const auto& e : state.chat().entries()) {
    chat.push_back({{"id", e.id.str()},
                    {"author", e.author.str()},
                    {"kind", e.kind == ChatEntry::Kind::kMessage ? "message" : "wave"},
                    {"text", e.text},
                    {"delivery", to_string(state.chat().delivery(e))}});
  }
  out["chat"] = chat;
  Json unread = Json::object();
  for (const auto& p : state.members().members_of(Audience::kCase)) {
    unread[p.str()] = state.chat().unread_for(p);
  }
  out["unread"] = unread;

  const auto& w = state.wellbeing();
  Json moods = Json::array();
  for (const auto& c : w.check_ins()) moods.push_back(c.check_in.mood);
  out["check_ins"] = moods;
  const MoodTrend trend = w.mood_trend(5);
  out["mood_trend"] = {{"moods", trend.moods}, {"average", trend.average}};
  Json wishes = Json::array();
  for (const auto& t : w.topic_wishes()) wishes.push_back(t.wish.text);
  out["topic_wishes"] = wishes;
  out["interests"] = w.interests() ? Json{{"likes", w.interests()->profile.likes},
                                          {"good_at", w.interests()->profile.good_at}}
                                   : Json(nullptr);

  const auto& t = state.team();
  Json notes = Json::array();
  for (const auto& n : t.notes()) notes.push_back(n.note.note.activity);
  out["notes"] = notes;
  Json guidance = Json::array();
  for (const auto& g : t.guidance()) guidance.push_back(g.guidance.text);
  out["guidance"] = guidance;
  Json concerns = Json::array();
  for (const auto& c : t.concerns()) {
    concerns.push_back({{"id", c.id.str()},
                        {"level", c.concern.level == ConcernLevel::kUrgent ? "urgent" : "normal"},
                        {"open", c.open()}});
  }
  out["concerns"] = concerns;
  out["events_seen"] = state.events_seen();
  out["cursor"] = state.cursor() ? Json(*state.cursor()) : Json(nullptr);
  return out;
}

}  // namespace sk::model::testing
