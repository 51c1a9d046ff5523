#include "api.hpp"

#include <nlohmann/json.hpp>

#include "sk/core/encoding.hpp"

namespace sk::client::api {

namespace {

using nlohmann::json;

// Thrown only inside this file, by the readers below, and caught by parse(): a member that is
// missing, of the wrong type or not canonical base64url.
struct Malformed {
  std::string what;
};

const json& member(const json& j, const char* name) {
  if (!j.is_object() || !j.contains(name)) throw Malformed{std::string("missing member ") + name};
  return j[name];
}
std::string text(const json& j, const char* name) {
  const auto& v = member(j, name);
  if (!v.is_string()) throw Malformed{std::string(name) + " is not a string"};
  return v.get<std::string>();
}
std::string text_or_empty(const json& j, const char* name) {
  if (!j.is_object() || !j.contains(name) || j[name].is_null()) return {};
  return text(j, name);
}
std::int64_t integer(const json& j, const char* name) {
  const auto& v = member(j, name);
  if (!v.is_number_integer()) throw Malformed{std::string(name) + " is not an integer"};
  return v.get<std::int64_t>();
}
bool boolean(const json& j, const char* name) {
  const auto& v = member(j, name);
  if (!v.is_boolean()) throw Malformed{std::string(name) + " is not a boolean"};
  return v.get<bool>();
}
Bytes blob(const json& j, const char* name) {
  auto decoded = base64url_decode(text(j, name));
  if (!decoded) throw Malformed{std::string(name) + " is not base64url"};
  return std::move(*decoded);
}
Bytes blob_or_empty(const json& j, const char* name) {
  if (!j.is_object() || !j.contains(name) || j[name].is_null()) return {};
  return blob(j, name);
}
template <class Key>
Key key(const json& j, const char* name) {
  auto k = Key::from(blob(j, name));
  if (!k) throw Malformed{std::string(name) + " has the wrong size"};
  return *k;
}
std::optional<RelayedDevice> device(const json& j) {
  if (j.is_null()) return std::nullopt;
  if (j.is_object() && j.contains("device_id") && j["device_id"].is_null()) return std::nullopt;
  RelayedDevice d;
  d.device_id = text(j, "device_id");
  d.principal_id = text_or_empty(j, "principal_id");
  d.keys = {key<crypto::Ed25519PublicKey>(j, "ed25519"), key<crypto::X25519PublicKey>(j, "x25519")};
  if (j.contains("revoked")) d.revoked = boolean(j, "revoked");
  return d;
}
Envelope envelope(const json& j) {
  return {integer(j, "seq"),        text(j, "event_id"),       text(j, "audience"),
          text(j, "author_device"), integer(j, "received_at"), blob(j, "envelope")};
}

template <class T, class F>
ApiResult<T> parse(const HttpResponse& r, F&& read) {
  if (r.transport || r.status < 200 || r.status > 299) return Unexpected{error_from_answer(r)};
  try {
    const auto j = json::parse(r.body);
    return read(j);
  } catch (const Malformed& m) {
    return Unexpected{ApiError{Failure::kBadResponse, r.status, {}, "unexpected answer: " + m.what, {}}};
  } catch (const json::exception&) {
    return Unexpected{
        ApiError{Failure::kBadResponse, r.status, {}, "the answer is not the expected JSON", {}}};
  }
}

HttpRequest post(std::string path, const json& body) {
  return {"POST", std::move(path), body.dump(), {}, {}};
}
json keys_json(const crypto::DevicePublicKeys& keys) {
  return {{"ed25519", base64url_encode(keys.signing.view())},
          {"x25519", base64url_encode(keys.encryption.view())}};
}

}  // namespace

HttpRequest enroll(std::string_view lookup, const crypto::DevicePublicKeys& keys,
                   std::string_view device_name) {
  auto body = keys_json(keys);
  body["lookup"] = lookup;
  if (!device_name.empty()) body["device_name"] = device_name;
  return post("/v1/enroll", body);
}
HttpRequest redeem_pairing(std::string_view lookup, const crypto::DevicePublicKeys& keys,
                           std::string_view device_name) {
  auto body = keys_json(keys);
  body["lookup"] = lookup;
  if (!device_name.empty()) body["device_name"] = device_name;
  return post("/v1/pairing/redeem", body);
}
HttpRequest code_status(std::string_view lookup) {
  return {"GET", "/v1/codes/" + std::string(lookup), {}, {}, {}};
}
HttpRequest put_confirmation(std::string_view lookup, ByteView confirmation) {
  return {"PUT",
          "/v1/codes/" + std::string(lookup) + "/confirmation",
          json{{"confirmation", base64url_encode(confirmation)}}.dump(),
          {},
          {}};
}
HttpRequest challenge(std::string_view device_id) {
  return post("/v1/auth/challenge", {{"device_id", device_id}});
}
HttpRequest token(std::string_view device_id, ByteView nonce, ByteView signature) {
  return post("/v1/auth/token", {{"device_id", device_id},
                                 {"nonce", base64url_encode(nonce)},
                                 {"signature", base64url_encode(signature)}});
}
HttpRequest create_case(std::string_view lookup, std::int64_t expires_in_s) {
  return post("/v1/cases", {{"lookup", lookup}, {"expires_in", expires_in_s}});
}
HttpRequest new_pairing_code(std::string_view case_id, std::string_view lookup, std::int64_t expires_in_s) {
  return post("/v1/cases/" + std::string(case_id) + "/pairing-codes",
              {{"lookup", lookup}, {"expires_in", expires_in_s}});
}
HttpRequest enroll_code(std::string_view lookup, std::string_view role, std::int64_t expires_in_s) {
  return post("/v1/enroll-codes", {{"lookup", lookup}, {"role", role}, {"expires_in", expires_in_s}});
}
HttpRequest set_consent(std::string_view case_id, bool supervisors_may_read) {
  return {"PUT",
          "/v1/cases/" + std::string(case_id) + "/consent",
          json{{"supervisors_may_read", supervisors_may_read}}.dump(),
          {},
          {}};
}
HttpRequest key_directory(std::string_view case_id) {
  return {"GET", "/v1/cases/" + std::string(case_id) + "/keys", {}, {}, {}};
}
HttpRequest append(std::string_view case_id, std::string_view event_id, std::string_view audience,
                   ByteView envelope) {
  return post("/v1/cases/" + std::string(case_id) + "/events",
              {{"event_id", event_id}, {"audience", audience}, {"envelope", base64url_encode(envelope)}});
}
HttpRequest sync(const std::map<std::string, Known>& known, int wait_s, int limit) {
  json cases = json::object();
  for (const auto& [id, k] : known) cases[id] = {{"after", k.after}, {"directory", k.directory}};
  HttpRequest r = post("/v1/sync", {{"cases", cases}, {"wait", wait_s}, {"limit", limit}});
  r.extra_timeout = std::chrono::seconds(wait_s);
  return r;
}
HttpRequest revoke(std::string_view device_id) {
  return {"POST", "/v1/devices/" + std::string(device_id) + "/revoke", {}, {}, {}};
}

HttpRequest add_member(std::string_view case_id, std::string_view principal_id) {
  return post("/v1/cases/" + std::string(case_id) + "/members", {{"principal_id", principal_id}});
}

HttpRequest fetch_events(std::string_view case_id, std::int64_t after, int limit) {
  return {"GET",
          "/v1/cases/" + std::string(case_id) + "/events?after=" + std::to_string(after) +
              "&limit=" + std::to_string(limit),
          {},
          {},
          {}};
}

ApiResult<Enrolled> parse_enrolled(const HttpResponse& r) {
  return parse<Enrolled>(r, [](const json& j) {
    Enrolled e;
    e.org_id = text(j, "org_id");
    e.principal_id = text(j, "principal_id");
    e.device_id = text(j, "device_id");
    e.role = text(j, "role");
    const auto& org = member(j, "org");
    e.org_name = text(org, "name");
    e.recovery_key = key<crypto::X25519PublicKey>(org, "recovery_x25519");
    e.issuer = device(member(j, "issuer"));
    e.issuer_confirmation = blob_or_empty(j, "issuer_confirmation");
    e.case_id = text_or_empty(j, "case_id");
    return e;
  });
}

ApiResult<CodeStatus> parse_code_status(const HttpResponse& r) {
  return parse<CodeStatus>(r, [](const json& j) {
    CodeStatus s;
    s.status = text(j, "status");
    s.you_are = text(j, "you_are");
    s.case_id = text_or_empty(j, "case_id");
    s.issuer = device(member(j, "issuer"));
    s.redeemer = device(member(j, "redeemer"));
    s.issuer_confirmation = blob_or_empty(j, "issuer_confirmation");
    s.redeemer_confirmation = blob_or_empty(j, "redeemer_confirmation");
    return s;
  });
}

ApiResult<Bytes> parse_challenge(const HttpResponse& r) {
  return parse<Bytes>(r, [](const json& j) {
    auto nonce = blob(j, "nonce");
    if (nonce.size() != 32) throw Malformed{"nonce has the wrong size"};
    return nonce;
  });
}

ApiResult<Token> parse_token(const HttpResponse& r) {
  return parse<Token>(r, [](const json& j) {
    Token t{text(j, "token"), integer(j, "expires_in")};
    if (t.token.empty() || t.expires_in_s <= 0) throw Malformed{"token"};
    return t;
  });
}

ApiResult<CreatedCode> parse_created_code(const HttpResponse& r) {
  return parse<CreatedCode>(r, [](const json& j) {
    return CreatedCode{text_or_empty(j, "case_id"), text(j, "lookup"), integer(j, "expires_at")};
  });
}

ApiResult<KeyDirectory> parse_key_directory(const HttpResponse& r) {
  return parse<KeyDirectory>(r, [](const json& j) {
    KeyDirectory d;
    d.case_id = text(j, "case_id");
    const auto& org = member(j, "org");
    d.org_id = text(org, "org_id");
    d.recovery_key = key<crypto::X25519PublicKey>(org, "recovery_x25519");
    d.youth_consent = boolean(j, "youth_consent");
    const auto& members = member(j, "members");
    if (!members.is_array()) throw Malformed{"members is not an array"};
    for (const auto& m : members) {
      DirectoryMember dm{text(m, "principal_id"), text(m, "role"), {}};
      const auto& devices = member(m, "devices");
      if (!devices.is_array()) throw Malformed{"devices is not an array"};
      for (const auto& dev : devices) {
        auto relayed = device(dev);
        if (!relayed) throw Malformed{"device"};
        relayed->principal_id = dm.principal_id;
        dm.devices.push_back(std::move(*relayed));
      }
      d.members.push_back(std::move(dm));
    }
    return d;
  });
}

ApiResult<Appended> parse_appended(const HttpResponse& r) {
  return parse<Appended>(r, [](const json& j) {
    Appended a{integer(j, "seq"), integer(j, "received_at"), false};
    if (j.contains("duplicate")) a.duplicate = boolean(j, "duplicate");
    if (a.seq <= 0) throw Malformed{"seq"};
    return a;
  });
}

ApiResult<SyncAnswer> parse_sync(const HttpResponse& r) {
  return parse<SyncAnswer>(r, [](const json& j) {
    SyncAnswer s;
    const auto& cases = member(j, "cases");
    if (!cases.is_array()) throw Malformed{"cases is not an array"};
    for (const auto& c : cases) {
      CasePage p;
      p.case_id = text(c, "case_id");
      p.youth_consent = boolean(c, "youth_consent");
      p.paired = boolean(c, "paired");
      p.directory = integer(c, "directory");
      const auto& events = member(c, "events");
      if (!events.is_array()) throw Malformed{"events is not an array"};
      for (const auto& e : events) p.events.push_back(envelope(e));
      p.next_after = integer(c, "next_after");
      p.more = boolean(c, "more");
      s.cases.push_back(std::move(p));
    }
    if (j.contains("removed")) {
      const auto& removed = j["removed"];
      if (!removed.is_array()) throw Malformed{"removed is not an array"};
      for (const auto& id : removed) {
        if (!id.is_string()) throw Malformed{"removed"};
        s.removed.push_back(id.get<std::string>());
      }
    }
    return s;
  });
}

ApiResult<CasePage> parse_events_page(const HttpResponse& r) {
  return parse<CasePage>(r, [](const json& j) {
    CasePage p;
    const auto& events = member(j, "events");
    if (!events.is_array()) throw Malformed{"events is not an array"};
    for (const auto& e : events) p.events.push_back(envelope(e));
    p.next_after = integer(j, "next_after");
    p.more = boolean(j, "more");
    return p;
  });
}

ApiResult<void> parse_ok(const HttpResponse& r) {
  if (r.transport || r.status < 200 || r.status > 299) return Unexpected{error_from_answer(r)};
  return {};
}

}  // namespace sk::client::api
