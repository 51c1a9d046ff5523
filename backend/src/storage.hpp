#pragma once
// Storage: everything the backend keeps, behind one interface so that a PostgreSQL
// implementation can follow the embedded SQLite one (sqlite_storage.hpp).
//
// Rules for implementations:
//  - Every method is one transaction; failures are values (Result), never exceptions.
//  - append_batch and make_durable are called from ONE thread only (the append writer);
//    append_batch commits all of its requests in one transaction. Every other method may be
//    called from any thread.
//  - An append is durable, visible to fetch_events and acknowledged only once a make_durable
//    call that began after its append_batch returned has succeeded. (So an implementation may
//    commit without flushing and flush in make_durable, as the SQLite one does.)
//  - Nothing here ever sees plaintext: envelopes and confirmation blobs are opaque bytes.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sk/core/bytes.hpp"
#include "sk/core/result.hpp"
#include "sk/model/audience.hpp"
#include "sk/model/principal.hpp"

namespace sk::backend {

// Roles and audiences are the protocol's own (sk_model); how they are stored is each
// implementation's business (the SQLite one keeps roles as text, audiences as small integers).
using model::Audience;
using model::Role;

struct Org {
  std::string id;
  std::string name;
  Bytes recovery_x25519;
};

struct DeviceKeys {
  Bytes ed25519;
  Bytes x25519;
};

struct Device {
  std::string id;
  std::string principal_id;
  std::string org_id;
  Role role = Role::kYouth;
  DeviceKeys keys;
  std::string name;
  std::int64_t created_at = 0;
  bool revoked = false;
};

// The authenticated identity behind a request.
struct Caller {
  std::string org_id;
  std::string principal_id;
  std::string device_id;
  Role role = Role::kYouth;
};

enum class CodeKind { enroll, pair };

struct CodeIssue {
  CodeKind kind = CodeKind::enroll;
  std::string lookup;
  std::string org_id;
  Role role = Role::kContact;    // role of the principal the code creates
  std::string issuer_principal;  // empty when issued by the admin CLI
  std::string issuer_device;     // empty when issued by the admin CLI
  Bytes confirmation;            // issuer's key confirmation, opaque; may come later
  std::int64_t expires_at = 0;
};

struct Redemption {
  std::string lookup;
  DeviceKeys keys;
  Bytes confirmation;  // the new device's key confirmation, opaque; may come later
  std::string device_name;
};

struct Redeemed {
  std::string org_id;
  std::string principal_id;
  std::string device_id;
  Role role = Role::kYouth;
  std::string case_id;                  // set for pairing codes
  std::optional<Device> issuer_device;  // absent for codes issued by the admin CLI
  Bytes issuer_confirmation;
};

enum class CodeState { pending, used, expired };

struct CodeStatus {
  std::string lookup;
  CodeKind kind = CodeKind::enroll;
  CodeState state = CodeState::pending;
  std::string case_id;             // pairing codes
  std::optional<Device> issuer;    // absent for codes issued by the admin CLI
  Bytes issuer_confirmation;       // empty until uploaded
  std::optional<Device> redeemer;  // the device the code created, once used
  Bytes redeemer_confirmation;     // empty until uploaded
};

enum class CodeParty { issuer, redeemer };

struct CaseInfo {
  std::string id;
  std::string org_id;
  std::string youth_principal;        // empty until paired
  std::vector<std::string> contacts;  // principal ids
  bool youth_consent = false;
  // Increases whenever what GET /v1/cases/{id}/keys answers may have changed: a member added,
  // the consent changed, any member's device list changed (a device enrolled, paired or
  // revoked; supervisors are members of every case of their organisation). Never 0.
  std::int64_t directory_version = 1;
};

struct KeyDirectoryMember {
  std::string principal_id;
  Role role = Role::kYouth;
  std::vector<Device> devices;
};

struct AppendRequest {
  std::string case_id;
  std::string event_id;
  Audience audience = Audience::kCase;
  std::string author_device;
  Bytes envelope;
  std::int64_t received_at = 0;
};

struct AppendAck {
  std::int64_t seq = 0;
  std::int64_t received_at = 0;
  bool duplicate = false;
};

struct StoredEvent {
  std::int64_t seq = 0;
  std::string event_id;
  Audience audience = Audience::kCase;
  std::string author_device;
  std::int64_t received_at = 0;
  Bytes envelope;
};

struct AuditEntry {
  std::int64_t at = 0;
  std::string kind;  // "enroll", "pair", "revoke", "token", ...
  std::string org_id;
  std::string principal_id;
  std::string device_id;
  std::string detail;  // never content, never secrets
};

// A set of audiences: the events a caller may read.
using AudienceMask = unsigned;
constexpr AudienceMask audience_bit(Audience a) {
  switch (a) {
    case Audience::kCase:
      return 1u;
    case Audience::kTeam:
      return 2u;
    case Audience::kYouthConsented:
      return 4u;
  }
  return 0u;
}

class Storage {
 public:
  virtual ~Storage() = default;

  // --- organisations
  virtual Result<Org> create_org(const std::string& name, const Bytes& recovery_x25519) = 0;
  virtual Result<std::optional<Org>> find_org(const std::string& org_id) = 0;
  virtual Result<std::vector<Org>> list_orgs() = 0;

  // --- one-time codes. Errors: "conflict" (lookup in use), "not_found", "code_expired".
  virtual Result<void> issue_code(const CodeIssue& code, std::int64_t now) = 0;
  // Creates a case whose first contact is the issuer, with a pairing code.
  virtual Result<std::string> create_case(const CodeIssue& code, std::int64_t now) = 0;
  // A further pairing code for an existing case: redeeming it enrolls a new device for the
  // case's youth (or its first youth, if the case has none yet).
  virtual Result<void> issue_pairing_code(const CodeIssue& code, const std::string& case_id,
                                          std::int64_t now) = 0;
  virtual Result<Redeemed> redeem_code(CodeKind kind, const Redemption& r, std::int64_t now) = 0;
  // The latest code with this lookup id that `principal_id` issued or redeemed; "not_found"
  // for anyone else. `party` tells which side the principal is on.
  virtual Result<CodeStatus> code_status(const std::string& lookup, const std::string& principal_id,
                                         std::int64_t now, CodeParty* party) = 0;
  // Stores the principal's side of the key confirmation once; "conflict" if already set.
  virtual Result<void> set_confirmation(const std::string& lookup, const std::string& principal_id,
                                        const Bytes& confirmation) = 0;

  // --- devices and tokens
  virtual Result<std::optional<Device>> find_device(const std::string& device_id) = 0;
  virtual Result<std::vector<Device>> list_devices() = 0;
  // Also raises the directory version of every case the device's owner is a member of.
  virtual Result<bool> revoke_device(const std::string& device_id, std::int64_t now) = 0;
  virtual Result<void> store_token(const Bytes& token_hash, const std::string& device_id,
                                   std::int64_t expires_at) = 0;
  // The caller behind a token hash, if the token is unexpired and its device not revoked.
  virtual Result<std::optional<Caller>> authenticate(const Bytes& token_hash, std::int64_t now) = 0;
  virtual Result<std::optional<Role>> principal_role(const std::string& org_id,
                                                     const std::string& principal_id) = 0;

  // --- cases
  virtual Result<std::optional<CaseInfo>> find_case(const std::string& case_id) = 0;
  virtual Result<std::vector<CaseInfo>> list_cases(const Caller& caller) = 0;
  virtual Result<void> add_contact(const std::string& case_id, const std::string& principal_id) = 0;
  virtual Result<void> set_consent(const std::string& case_id, bool supervisors_may_read) = 0;
  virtual Result<std::vector<KeyDirectoryMember>> key_directory(const CaseInfo& c) = 0;

  // --- mailbox
  virtual std::vector<Result<AppendAck>> append_batch(std::span<const AppendRequest> batch) = 0;
  // Makes every batch committed before the call durable (survives power loss) and visible.
  virtual Result<void> make_durable() = 0;
  // Only durable events.
  virtual Result<std::vector<StoredEvent>> fetch_events(const std::string& case_id, std::int64_t after,
                                                        AudienceMask visible, int limit) = 0;

  // --- audit log
  virtual Result<void> audit(const AuditEntry& entry) = 0;
  virtual Result<std::vector<AuditEntry>> audit_since(std::int64_t since) = 0;
};

}  // namespace sk::backend
