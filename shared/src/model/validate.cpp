// validate_event: the value rules of every event (ranges, lengths, vocabularies, UTF-8, times).
// Messages start with the field path: header fields by name, body fields prefixed by the kind.

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "json_strict.hpp"
#include "overloaded.hpp"
#include "sk/core/encoding.hpp"
#include "sk/core/utf8.hpp"
#include "sk/model/codec.hpp"
#include "sk/model/limits.hpp"
#include "sk/model/zone_rules.hpp"

namespace sk::model {
namespace {

// Collects the first broken rule, so each check reads as one line.
class Checker {
 public:
  explicit Checker(std::string prefix) : prefix_(std::move(prefix)) {}

  [[nodiscard]] bool failed() const { return !error_.empty(); }
  [[nodiscard]] const std::string& error() const { return error_; }

  void fail_at(std::string_view field, std::string_view reason) {
    if (failed()) return;
    error_ = (prefix_.empty() ? "" : prefix_ + ".") + std::string(field) + ": " + std::string(reason);
  }

  void text(std::string_view field, const std::string& value, std::size_t min, std::size_t max) {
    if (!is_valid_utf8(value)) return fail_at(field, "is not valid UTF-8");
    const std::size_t n = utf8_length(value);
    if (n < min || n > max) {
      fail_at(field, "must be " + std::to_string(min) + ".." + std::to_string(max) + " characters");
    }
  }

  void range(std::string_view field, std::int32_t value, std::int32_t min, std::int32_t max) {
    if (value < min || value > max)
      fail_at(field, "must be " + std::to_string(min) + ".." + std::to_string(max));
  }

  void time(std::string_view field, Timestamp t) {
    if (!t.in_range()) fail_at(field, "must be within 2020..2100 (UTC milliseconds)");
  }

  void id(std::string_view field, const EventId& id) {
    if (!id.is_v7()) fail_at(field, "must be a UUIDv7");
  }

  void zone(std::string_view field, const std::string& zone) {
    if (!is_valid_zone_name(zone)) fail_at(field, "must be an IANA time zone name");
  }

  // Distinct strings, at most `max_items`, each `min`..`max` characters.
  void list(std::string_view field, const std::vector<std::string>& items, std::size_t max_items,
            std::size_t min, std::size_t max) {
    if (items.size() > max_items) return fail_at(field, "at most " + std::to_string(max_items) + " items");
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string item_field = std::string(field) + "[" + std::to_string(i) + "]";
      text(item_field, items[i], min, max);
      if (!seen.insert(items[i]).second) fail_at(item_field, "is a duplicate");
    }
  }

  template <std::size_t N>
  void one_of(std::string_view field, const std::string& value,
              const std::array<std::string_view, N>& allowed) {
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end())
      fail_at(field, "is not a known value");
  }

  void ref(const SessionRef& r) {
    id("session", r.session);
    if (r.occurrence) time("occurrence", *r.occurrence);
  }

  void session_time(Timestamp start, const std::string& zone_name, std::int32_t minutes) {
    time("start", start);
    zone("time_zone", zone_name);
    range("duration_minutes", minutes, kMinSessionMinutes, kMaxSessionMinutes);
  }

 private:
  std::string prefix_;
  std::string error_;
};

void check_header(Checker& c, const Event& e) {
  c.id("id", e.id);
  if (e.case_id.empty()) c.fail_at("case_id", "is required");
  if (e.author.empty()) c.fail_at("author.principal", "is required");
  if (e.device.empty()) c.fail_at("author.device", "is required");
  c.time("created_at", e.created_at);
  if (!e.unknown_fields.empty()) {
    const auto parsed = detail::parse_strict(e.unknown_fields);
    if (!parsed.value || !parsed.value->is_object()) c.fail_at("unknown_fields", "must be a JSON object");
  }
}

void check_note(Checker& c, const SessionNote& n) {
  if (n.session) c.ref(*n.session);
  const NoteTemplate& t = n.note;
  c.text("note.activity", t.activity, 0, kMaxNoteActivity);
  if (t.mood_observed) c.range("note.mood_observed", *t.mood_observed, kMinMood, kMaxMood);
  c.text("note.went_well", t.went_well, 0, kMaxNoteField);
  c.text("note.concerns", t.concerns, 0, kMaxNoteField);
  c.text("note.next_steps", t.next_steps, 0, kMaxNoteField);
  if (t.activity.empty() && !t.mood_observed && t.went_well.empty() && t.concerns.empty() &&
      t.next_steps.empty()) {
    c.fail_at("note", "must not be empty");
  }
}

void check_key(Checker& c, const std::string& field, const std::string& b64) {
  const auto raw = base64url_decode(b64);
  if (!raw || raw->size() != 32) c.fail_at(field, "must be a base64url key of 32 bytes");
}

void check_vouch(Checker& c, const KeyVouch& v) {
  if (v.devices.empty() || v.devices.size() > kMaxVouchedDevices)
    c.fail_at("devices", "must list 1.." + std::to_string(kMaxVouchedDevices) + " devices");
  for (std::size_t i = 0; i < v.devices.size(); ++i) {
    const std::string at = "devices[" + std::to_string(i) + "]";
    check_key(c, at + ".ed25519", v.devices[i].ed25519);
    check_key(c, at + ".x25519", v.devices[i].x25519);
  }
}

void check_grant(Checker& c, const HistoryGrant& g) {
  if (g.grants.empty() || g.grants.size() > kMaxGrantsPerEvent)
    c.fail_at("grants", "must list 1.." + std::to_string(kMaxGrantsPerEvent) + " grants");
  for (std::size_t i = 0; i < g.grants.size(); ++i) {
    const std::string at = "grants[" + std::to_string(i) + "]";
    c.id(at + ".event", g.grants[i].event);
    const auto raw = base64url_decode(g.grants[i].grant);
    if (!raw || raw->size() != kGrantBytes)
      c.fail_at(at + ".grant", "must be a base64url grant of 185 bytes");
  }
}

void check_body(Checker& c, const Event::Body& body) {
  std::visit(detail::Overloaded{
                 [&](const ChatMessage& b) { c.text("text", b.text, 1, kMaxChatText); },
                 [&](const Wave& b) { c.one_of("sticker", b.sticker, kStickers); },
                 [&](const ReadReceipt& b) { c.id("up_to", b.up_to); },
                 [&](const ContactCard& b) {
                   c.text("display_name", b.display_name, 1, kMaxDisplayName);
                   c.text("reply_hours", b.reply_hours, 0, kMaxReplyHours);
                 },
                 [&](const SessionProposed& b) {
                   c.session_time(b.start, b.time_zone, b.duration_minutes);
                   if (b.until && b.recurrence != Recurrence::kWeekly)
                     c.fail_at("until", "is only for weekly sessions");
                   if (b.until) c.time("until", *b.until);
                   if (b.until && *b.until <= b.start) c.fail_at("until", "must be after start");
                   c.text("title", b.title, 0, kMaxTitle);
                 },
                 [&](const SessionAnswered& b) { c.ref(b.ref); },
                 [&](const SessionRescheduled& b) {
                   c.ref(b.ref);
                   c.session_time(b.start, b.time_zone, b.duration_minutes);
                 },
                 [&](const SessionCancelled& b) {
                   c.ref(b.ref);
                   c.text("reason", b.reason, 0, kMaxReason);
                 },
                 [&](const SessionAttended& b) { c.ref(b.ref); },
                 [&](const SessionNoShow& b) { c.ref(b.ref); },
                 [&](const SessionTimeSuggested& b) {
                   c.ref(b.ref);
                   c.time("start", b.start);
                   c.zone("time_zone", b.time_zone);
                 },
                 [&](const CheckIn& b) {
                   c.range("mood", b.mood, kMinMood, kMaxMood);
                   c.list("tags", b.tags, kMaxTags, 1, kMaxTagLength);
                   for (std::size_t i = 0; i < b.tags.size(); ++i) {
                     c.one_of("tags[" + std::to_string(i) + "]", b.tags[i], kCheckInTags);
                   }
                   c.list("free_tags", b.free_tags, kMaxTags, 1, kMaxTagLength);
                   c.text("text", b.text, 0, kMaxCheckInText);
                 },
                 [&](const TopicWish& b) {
                   c.text("text", b.text, 1, kMaxTopicText);
                   if (b.for_session) c.id("for_session", *b.for_session);
                 },
                 [&](const InterestsProfile& b) {
                   c.list("likes", b.likes, kMaxInterests, 1, kMaxInterestLength);
                   c.list("good_at", b.good_at, kMaxInterests, 1, kMaxInterestLength);
                 },
                 [&](const SessionNote& b) { check_note(c, b); },
                 [&](const Guidance& b) {
                   c.text("text", b.text, 1, kMaxGuidanceText);
                   if (b.regarding) c.id("regarding", *b.regarding);
                 },
                 [&](const Concern& b) { c.text("text", b.text, 1, kMaxConcernText); },
                 [&](const ConcernResolved& b) {
                   c.id("concern", b.concern);
                   c.text("text", b.text, 0, kMaxConcernText);
                 },
                 [&](const CaseVouch& b) { check_vouch(c, b); },
                 [&](const TeamVouch& b) { check_vouch(c, b); },
                 [&](const CaseGrant& b) { check_grant(c, b); },
                 [&](const TeamGrant& b) { check_grant(c, b); },
                 [&](const UnknownEvent& b) {
                   const bool tag_ok =
                       !b.kind.empty() && b.kind.size() <= 64 &&
                       std::all_of(b.kind.begin(), b.kind.end(), [](char ch) {
                         return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
                       });
                   if (!tag_ok) c.fail_at("kind", "must be 1..64 characters of a-z 0-9 _");
                   if (event_kind_from_string(b.kind))
                     c.fail_at("kind", "is a known kind, not an unknown one");
                 },
             },
             body);
}

}  // namespace

Result<void> validate_event(const Event& e) {
  Checker header("");
  check_header(header, e);
  if (header.failed()) return fail("model.invalid", header.error());
  const bool unknown = e.kind() == EventKind::kUnknown;
  Checker body(unknown ? "" : std::string(to_string(e.kind())));
  check_body(body, e.body);
  if (body.failed()) return fail("model.invalid", body.error());
  return {};
}

}  // namespace sk::model
