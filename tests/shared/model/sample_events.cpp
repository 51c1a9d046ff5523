#include "sample_events.hpp"

namespace sk::model::testing {

Case sample_case() {
  Case c;
  c.id = CaseId("case-1");
  c.organisation = OrganisationId("org-1");
  c.youth = youth();
  c.contacts = {contact(), contact2()};
  c.supervisors = {supervisor()};
  c.check_in_consent = true;
  return c;
}

PrincipalId youth() {
  return PrincipalId("yara");
}
PrincipalId contact() {
  return PrincipalId("kari");
}
PrincipalId contact2() {
  return PrincipalId("ola");
}
PrincipalId supervisor() {
  return PrincipalId("siri");
}

EventId id_at(std::int64_t unix_ms, std::uint8_t tail) {
  EventId::Octets o{};
  for (std::size_t i = 0; i < 6; ++i)
    o[i] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(unix_ms) >> (8 * (5 - i)));
  o[6] = 0x70;
  o[8] = 0x80;
  o[15] = tail;
  return EventId(o);
}

EventId next_id() {
  static std::int64_t counter = 0;  // test-only: ids just need to be distinct and increasing
  ++counter;
  return id_at(kT0 + counter, static_cast<std::uint8_t>(counter & 0xFF));
}

Event make_event(Event::Body body, const PrincipalId& author, std::int64_t at) {
  Event e;
  e.id = next_id();
  e.case_id = CaseId("case-1");
  e.author = author;
  e.device = DeviceId(author.str() + "-pc");
  e.created_at = Timestamp{at};
  e.body = std::move(body);
  return e;
}

std::vector<EventKind> known_kinds() {
  std::vector<EventKind> kinds;
  for (std::size_t i = 0; i + 1 < kEventKindCount; ++i) kinds.push_back(static_cast<EventKind>(i));
  return kinds;
}

// base64url of 32 and of 185 bytes: a key and a grant as the codec carries them.
const std::string kKeyB64 = std::string(42, 'A') + "A";
const std::string kGrantB64 = std::string(246, 'A') + "A";

Event sample_event(EventKind kind) {
  const EventId session = id_at(kT0 - 1000, 1);
  const SessionRef ref{session, Timestamp{kT0 + kWeekMs}};
  switch (kind) {
    case EventKind::kChatMessage:
      return make_event(ChatMessage{"Hei! Skal vi spille i kveld? 🎮"}, youth());
    case EventKind::kWave:
      return make_event(Wave{"high_five"}, contact());
    case EventKind::kReadReceipt:
      return make_event(ReadReceipt{session}, youth());
    case EventKind::kContactCard:
      return make_event(ContactCard{"Kari", "Hverdager 12-20"}, contact());
    case EventKind::kSessionProposed:
      return make_event(SessionProposed{Timestamp{kT0 + kDayMs}, "Europe/Oslo", 90, Recurrence::kWeekly,
                                        Timestamp{kT0 + 10 * kWeekMs}, "Minecraft-kveld"},
                        contact());
    case EventKind::kSessionAnswered:
      return make_event(SessionAnswered{ref, Answer::kNotToday}, youth());
    case EventKind::kSessionRescheduled:
      return make_event(SessionRescheduled{ref, Timestamp{kT0 + 2 * kDayMs}, "Europe/Stockholm", 45},
                        contact());
    case EventKind::kSessionCancelled:
      return make_event(SessionCancelled{ref, "Syk i dag"}, contact());
    case EventKind::kSessionAttended:
      return make_event(SessionAttended{ref}, contact());
    case EventKind::kSessionNoShow:
      return make_event(SessionNoShow{ref}, contact());
    case EventKind::kSessionTimeSuggested:
      return make_event(SessionTimeSuggested{ref, Timestamp{kT0 + kWeekMs + kDayMs}, "Europe/Oslo"}, youth());
    case EventKind::kCheckIn:
      return make_event(CheckIn{2, {"tired", "lonely"}, {"regn"}, "Sov dårlig"}, youth());
    case EventKind::kTopicWish:
      return make_event(TopicWish{"Kan vi prøve Stardew?", session}, youth());
    case EventKind::kInterests:
      return make_event(InterestsProfile{{"Minecraft", "katter"}, {"bygge", "tegne"}}, youth());
    case EventKind::kSessionNote:
      return make_event(
          SessionNote{ref, NoteTemplate{"Bygget et hus", 4, "Pratet mer", "Lite søvn", "Neste uke"}},
          contact());
    case EventKind::kGuidance:
      return make_event(Guidance{"Spør om søvn neste gang.", session}, supervisor());
    case EventKind::kConcern:
      return make_event(Concern{ConcernLevel::kUrgent, "Snakket om å gi opp"}, contact());
    case EventKind::kConcernResolved:
      return make_event(ConcernResolved{session, "Ringte, alt ok"}, supervisor());
    case EventKind::kCaseVouch:
      return make_event(CaseVouch{{{{DeviceId("youth-tablet"), youth(), Role::kYouth, kKeyB64, kKeyB64}}}},
                        contact());
    case EventKind::kTeamVouch:
      return make_event(TeamVouch{{{{DeviceId("youth-tablet"), youth(), Role::kYouth, kKeyB64, kKeyB64}}}},
                        contact());
    case EventKind::kCaseGrant:
      return make_event(CaseGrant{{DeviceId("youth-tablet"), {{session, kGrantB64}}}}, contact());
    case EventKind::kTeamGrant:
      return make_event(TeamGrant{{DeviceId("contact-2-pc"), {{session, kGrantB64}}}}, contact());
    case EventKind::kUnknown:
      break;
  }
  return make_event(UnknownEvent{"future_kind"}, youth());
}

}  // namespace sk::model::testing
