#include "sk/client/event_records.hpp"

#include <chrono>
#include <nlohmann/json.hpp>

#include "sk/model/codec.hpp"
#include "sk/model/rules.hpp"

namespace sk::client {

Result<store::EventRecord> to_record(const model::Event& event) {
  const auto audience = model::audience_of(event.kind());
  if (!audience) return fail("client.unknown_kind", "an unknown kind has no audience and can't be sent");
  auto json = model::encode_event(event);
  if (!json) return Unexpected{json.error()};
  const auto parsed = nlohmann::json::parse(*json);  // canonical output of encode_event: can't throw
  store::EventRecord r;
  r.event_id = event.id.str();
  r.case_id = event.case_id.str();
  r.kind = std::string(model::to_string(event.kind()));
  r.author_principal_id = event.author.str();
  r.author_device_id = event.device.str();
  r.audience = std::string(model::to_string(*audience));
  r.created_at_ms = event.created_at.unix_ms;
  r.body_json = parsed.at("body").dump();  // nlohmann objects are sorted: still canonical
  return r;
}

Result<model::Event> to_event(const store::EventRecord& record) {
  auto json = canonical_json(record);
  if (!json) return Unexpected{json.error()};
  return model::decode_event(*json);
}

Result<std::string> canonical_json(const store::EventRecord& record) {
  const auto body = nlohmann::json::parse(record.body_json, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded())
    return fail("client.bad_record", "event " + record.event_id + ": body is not JSON");
  const nlohmann::json event = {
      {"id", record.event_id},
      {"case_id", record.case_id},
      {"author", {{"principal", record.author_principal_id}, {"device", record.author_device_id}}},
      {"created_at", record.created_at_ms},
      {"kind", record.kind},
      {"body", body}};
  return event.dump();
}

Result<model::Event> record_action(store::Store& store, const Author& author, const std::string& case_id,
                                   model::Event::Body body, std::optional<model::Timestamp> created_at) {
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  model::Event event;
  event.id = author.ids->next();
  event.case_id = model::CaseId(case_id);
  event.author = model::PrincipalId(author.principal_id);
  event.device = model::DeviceId(author.device_id);
  event.created_at = created_at.value_or(model::Timestamp{now.count()});
  event.body = std::move(body);
  if (auto ok = model::validate_event(event); !ok) return Unexpected{ok.error()};
  auto record = to_record(event);
  if (!record) return Unexpected{record.error()};
  if (auto stored = store.record_local_event(*record); !stored) return Unexpected{stored.error()};
  return event;
}

}  // namespace sk::client
