#pragma once
// Client: one installed profile of the app (or of spillkontakt-cli) and its connection to the
// backend. It owns the network thread (a libcurl multi handle) on which the sync engine runs;
// the owner's threads never wait for the network, except in the first-start calls below, which
// are meant for a worker thread.
//
// Rules:
//  - The profile directory holds one identity: `store.db` (the local SQLite store) and, for a
//    youth, `device.key` (0600: the key file's passphrase, protected by the OS account).
//  - The UI writes its own actions straight into the store (Store::record_local_event, which
//    also queues the outbox entry) on its own connection, then calls nudge(). It never calls
//    the network itself.
//  - The on_change callback runs on the network thread: it must only hand over (e.g.
//    glfwPostEmptyEvent) and return; the UI then reads the store.
//  - Trust: keys are used only after a one-time code confirmed them, or a device this profile
//    trusts vouched for them (docs/sync.md). A key the server changed is never trusted silently.

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sk/client/api_error.hpp"
#include "sk/client/server_config.hpp"
#include "sk/client/sync_status.hpp"
#include "sk/core/result.hpp"

namespace sk::client {

enum class ProfileState {
  kEmpty,   // nothing here yet: join or enroll first
  kLocked,  // a contact or supervisor profile whose key file waits for the passphrase
  kReady,   // identity unlocked; sync may start
};

struct ProfileInfo {
  std::string org_id;
  std::string principal_id;
  std::string device_id;
  std::string role;  // "youth", "contact", "supervisor"
  std::string nickname;
};

// A pairing code a contact made for a youth (a new case, or a fresh code for a youth's new device).
struct Invitation {
  std::string case_id;
  std::string code;  // as shown to people: "KX7F-92QM-4T"
  std::chrono::system_clock::time_point expires_at;
};

enum class InvitationState {
  kWaiting,    // not redeemed yet
  kConfirmed,  // redeemed, and the youth's key confirmation checked out: the device is trusted
  kMismatch,   // redeemed, but the confirmation did not match: the device is NOT trusted
  kExpired,
};

struct InvitationStatus {
  Invitation invitation;
  InvitationState state = InvitationState::kWaiting;
  std::string label;  // the name the contact gave the case
};

// An envelope this device refused to store, and why (never its content).
struct Quarantined {
  std::string case_id;
  std::int64_t seq = 0;
  std::string event_id;
  std::string reason;  // "envelope.bad_author", "author device is not trusted", …
};

struct ClientOptions {
  std::filesystem::path profile_dir;
  ServerConfig server;
  // Test hook: the scrypt cost of a contact's key file. Real profiles always use KdfCost::owasp.
  bool weak_key_file_kdf_for_tests = false;
};

class Client {
 public:
  // Opens (creating) the profile directory and its store. Does not touch the network.
  static Result<std::unique_ptr<Client>> open(ClientOptions options);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  ProfileState state() const;
  std::optional<ProfileInfo> profile() const;
  const std::filesystem::path& store_path() const;

  // --- First start (blocking: call from a worker thread, never from the UI thread) ----------
  // A youth joins with the code from their contact and a nickname. Waits up to `confirm_wait`
  // for the contact's key confirmation (it is usually there within seconds); if it is not,
  // the sync engine finishes the check later. Errors: code.malformed, client.* (ApiError),
  // client.key_mismatch (the server relayed keys the code does not confirm: nothing trusted).
  Result<ProfileInfo> join(std::string_view code, std::string_view nickname,
                           std::chrono::milliseconds confirm_wait = std::chrono::seconds(20));
  // A contact or supervisor enrolls with a code from a supervisor (or `admin init`).
  Result<ProfileInfo> enroll(std::string_view code, std::string_view display_name,
                             std::string_view passphrase,
                             std::chrono::milliseconds confirm_wait = std::chrono::seconds(20));
  // Errors: key_file.wrong_passphrase, key_file.corrupt.
  Result<void> unlock(std::string_view passphrase);

  // --- Contact: inviting a youth (blocking, worker thread) ----------------------------------
  Result<Invitation> invite(std::string_view label, std::chrono::hours valid_for = std::chrono::hours(72));
  // A fresh code for an existing case's youth (a reinstalled or new device).
  Result<Invitation> invite_again(std::string_view case_id,
                                  std::chrono::hours valid_for = std::chrono::hours(72));
  // --- Supervisor: enrolling a contact (or another supervisor) (blocking, worker thread) ----
  // The code's key confirmation is finished by the sync engine once the new device redeems it.
  Result<Invitation> issue_enrollment_code(std::string_view role,
                                           std::chrono::hours valid_for = std::chrono::hours(72));
  // Adds a second or substitute contact to a case (supervisors). The sync engine then vouches
  // for the new contact's keys, and the case's contact device grants it the history.
  Result<void> add_contact(std::string_view case_id, std::string_view contact_principal_id);
  // Pending and recent invitations, read from the store (cheap; UI thread is fine).
  Result<std::vector<InvitationStatus>> invitations() const;

  // --- Sync ---------------------------------------------------------------------------------
  // Starts the sync engine on the network thread. `on_change` runs on that thread.
  Result<void> start_sync(std::function<void(const Changes&)> on_change);
  void stop_sync();
  // Something was written to the outbox: push now instead of at the next wake-up.
  void nudge();
  SyncStatus status() const;
  Result<std::vector<Quarantined>> quarantine() const;

  // Runs one full round synchronously (push everything, pull every case until nothing is
  // new, finish pending confirmations) and returns; for the CLI's `sync --once` and tests.
  // Must not be called while start_sync() runs.
  // Transient failures (offline, rate limited) are retried with backoff for `retry_for`.
  Result<SyncStatus> sync_once(std::chrono::seconds wait = std::chrono::seconds(0),
                               std::chrono::seconds retry_for = std::chrono::seconds(60));

  // --- Youth ----------------------------------------------------------------------------------
  // Supervisors may (or may not) read this youth's check-ins (blocking: worker thread).
  Result<void> set_checkin_consent(std::string_view case_id, bool supervisors_may_read);

 private:
  struct Impl;
  explicit Client(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sk::client
