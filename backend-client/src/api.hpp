#pragma once
// The backend's API v1 (docs/api.md) as request builders and strict response parsers.
//
// Rules:
//  - Pure functions: no I/O, no threads. Builders make an HttpRequest; parsers take an
//    HttpResponse and return the typed answer or an ApiError (kBadResponse for anything that is
//    not exactly what docs/api.md promises). The fuzz target fuzz_api_response feeds them.
//  - Binary values cross as base64url without padding and are decoded and size-checked here.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "network.hpp"
#include "sk/core/bytes.hpp"
#include "sk/crypto/identity.hpp"

namespace sk::client::api {

// A device as the server relays it: ids and public keys, not yet trusted.
struct RelayedDevice {
  std::string device_id;
  std::string principal_id;  // empty where the answer does not say
  crypto::DevicePublicKeys keys;
  bool revoked = false;
};

struct Enrolled {
  std::string org_id, principal_id, device_id, role;
  std::string org_name;
  crypto::X25519PublicKey recovery_key;
  std::optional<RelayedDevice> issuer;  // absent for admin-issued codes
  Bytes issuer_confirmation;            // empty when none yet
  std::string case_id;                  // pairing only
};

struct CodeStatus {
  std::string status;  // "pending", "used", "expired"
  std::string you_are;
  std::string case_id;
  std::optional<RelayedDevice> issuer, redeemer;
  Bytes issuer_confirmation, redeemer_confirmation;
};

struct Token {
  std::string token;
  std::int64_t expires_in_s = 0;
};

struct CreatedCode {
  std::string case_id;
  std::string lookup;
  std::int64_t expires_at_ms = 0;
};

struct DirectoryMember {
  std::string principal_id;
  std::string role;
  std::vector<RelayedDevice> devices;
};

struct KeyDirectory {
  std::string case_id, org_id;
  crypto::X25519PublicKey recovery_key;
  bool youth_consent = false;
  std::vector<DirectoryMember> members;
};

struct Envelope {
  std::int64_t seq = 0;
  std::string event_id, audience, author_device;
  std::int64_t received_at_ms = 0;
  Bytes envelope;
};

struct Appended {
  std::int64_t seq = 0;
  std::int64_t received_at_ms = 0;
  bool duplicate = false;
};

struct CasePage {
  std::string case_id;
  bool youth_consent = false;
  bool paired = false;
  std::int64_t directory = 0;
  std::vector<Envelope> events;
  std::int64_t next_after = 0;
  bool more = false;
};

struct SyncAnswer {
  std::vector<CasePage> cases;
  std::vector<std::string> removed;
};

struct Known {  // what the device tells POST /v1/sync about one case
  std::int64_t after = 0;
  std::int64_t directory = 0;
};

// --- builders ------------------------------------------------------------------------------
HttpRequest enroll(std::string_view lookup, const crypto::DevicePublicKeys& keys,
                   std::string_view device_name);
HttpRequest redeem_pairing(std::string_view lookup, const crypto::DevicePublicKeys& keys,
                           std::string_view device_name);
HttpRequest code_status(std::string_view lookup);
HttpRequest put_confirmation(std::string_view lookup, ByteView confirmation);
HttpRequest challenge(std::string_view device_id);
HttpRequest token(std::string_view device_id, ByteView nonce, ByteView signature);
HttpRequest create_case(std::string_view lookup, std::int64_t expires_in_s);
HttpRequest new_pairing_code(std::string_view case_id, std::string_view lookup, std::int64_t expires_in_s);
HttpRequest enroll_code(std::string_view lookup, std::string_view role, std::int64_t expires_in_s);
HttpRequest set_consent(std::string_view case_id, bool supervisors_may_read);
HttpRequest key_directory(std::string_view case_id);
HttpRequest append(std::string_view case_id, std::string_view event_id, std::string_view audience,
                   ByteView envelope);
HttpRequest sync(const std::map<std::string, Known>& known, int wait_s, int limit);
HttpRequest revoke(std::string_view device_id);
HttpRequest add_member(std::string_view case_id, std::string_view principal_id);
// One case's envelopes after a cursor, without waiting (history grants read the whole mailbox).
HttpRequest fetch_events(std::string_view case_id, std::int64_t after, int limit);

// --- parsers -------------------------------------------------------------------------------
// Each returns error_from_answer() for a non-2xx answer.
ApiResult<Enrolled> parse_enrolled(const HttpResponse& r);
ApiResult<CodeStatus> parse_code_status(const HttpResponse& r);
ApiResult<Bytes> parse_challenge(const HttpResponse& r);  // the nonce
ApiResult<Token> parse_token(const HttpResponse& r);
ApiResult<CreatedCode> parse_created_code(const HttpResponse& r);
ApiResult<KeyDirectory> parse_key_directory(const HttpResponse& r);
ApiResult<Appended> parse_appended(const HttpResponse& r);
ApiResult<SyncAnswer> parse_sync(const HttpResponse& r);
ApiResult<CasePage> parse_events_page(const HttpResponse& r);  // case_id, directory left empty
ApiResult<void> parse_ok(const HttpResponse& r);               // any 2xx

}  // namespace sk::client::api
