#include "sk/model/codec.hpp"

#include "codec_bodies.hpp"
#include "json_reader.hpp"
#include "json_strict.hpp"
#include "sk/model/limits.hpp"

namespace sk::model {
namespace {

using detail::Json;
using detail::JsonReader;

Event read_event(JsonReader& r) {
  Event e;
  e.id = r.event_id("id");
  e.case_id = r.strong_id<CaseId>("case_id");
  r.object("author", true, [&e](JsonReader& a) {
    e.author = a.strong_id<PrincipalId>("principal");
    e.device = a.strong_id<DeviceId>("device");
  });
  e.created_at = r.timestamp("created_at");
  const std::string tag = r.string("kind");
  if (r.failed()) return e;
  const auto kind = event_kind_from_string(tag);
  if (!kind) {
    // A newer app's kind: keep the tag, and leave the body unread so it is kept whole.
    e.body = UnknownEvent{tag};
    return e;
  }
  r.object(
      "body", true, [&](JsonReader& b) { e.body = detail::read_body(*kind, b); }, tag);
  return e;
}

}  // namespace

Result<Event> decode_event(std::string_view json) {
  if (json.size() > kMaxEventJsonBytes) {
    return fail("model.invalid", "event: larger than " + std::to_string(kMaxEventJsonBytes) + " bytes");
  }
  auto parsed = detail::parse_strict(json);
  if (!parsed.value) return fail("model.invalid", "event: " + parsed.error);
  if (!parsed.value->is_object()) return fail("model.invalid", "event: must be a JSON object");
  try {
    JsonReader r = JsonReader::root(*parsed.value);
    Event e = read_event(r);
    if (r.failed()) return fail("model.invalid", r.error());
    const Json unknown = r.unknown_fields();
    if (!unknown.empty()) e.unknown_fields = unknown.dump();
    if (auto ok = validate_event(e); !ok) return Unexpected{ok.error()};
    return e;
  } catch (const Json::exception&) {
    return fail("model.invalid", "event: could not be read");
  }
}

Result<std::string> encode_event(const Event& e) {
  if (auto ok = validate_event(e); !ok) return Unexpected{ok.error()};
  try {
    Json j = Json::object();
    j["id"] = e.id.str();
    j["case_id"] = e.case_id.str();
    j["author"] = Json{{"principal", e.author.str()}, {"device", e.device.str()}};
    j["created_at"] = e.created_at.unix_ms;
    const bool unknown = e.kind() == EventKind::kUnknown;
    j["kind"] = unknown ? std::get<UnknownEvent>(e.body).kind : std::string(to_string(e.kind()));
    if (!unknown) j["body"] = detail::write_body(e.body);
    if (!e.unknown_fields.empty()) detail::merge_unknown(j, Json::parse(e.unknown_fields));
    return j.dump();
  } catch (const Json::exception&) {
    return fail("model.invalid", "event: could not be encoded");
  }
}

}  // namespace sk::model
