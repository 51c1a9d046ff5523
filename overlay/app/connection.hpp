#pragma once
// Connection: the app's only way to the backend, as a small interface so the UI never depends on
// how the network works. The implementation over backend-client (client_connection.cpp) runs
// joins and enrollments on a worker thread and the sync engine on the client's network thread;
// every result comes back through `wake` (glfwPostEmptyEvent) and poll() on the UI thread.
//
// Rules: no call blocks the UI thread; results are values handed over, never state written
// from another thread into the views.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sk/core/result.hpp"

namespace sk::app {

enum class Online { kUnknown, kOnline, kOffline };

// A pairing code a contact made for a youth, as the caseload shows it.
struct InvitationView {
  enum class State { kWaiting, kJoined, kMismatch, kExpired };
  std::string case_id;
  std::string label;  // what the contact calls the youth
  std::string code;   // "KX7F-92QM-4T"
  std::int64_t expires_ms = 0;
  State state = State::kWaiting;
};

struct ConnectionEvents {
  bool store_changed = false;                     // fold the store again
  std::optional<Result<void>> first_start;        // a join or enroll finished
  std::optional<Result<void>> unlocked;           // a passphrase check finished
  std::optional<Result<InvitationView>> invited;  // a contact's invite finished
  Online online = Online::kUnknown;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual void join(std::string code, std::string nickname) = 0;
  virtual void enroll(std::string code, std::string name, std::string passphrase) = 0;
  virtual void unlock(std::string passphrase) = 0;
  [[nodiscard]] virtual bool needs_unlock() const = 0;
  virtual void start_sync() = 0;               // after the profile has an identity and is unlocked
  virtual void nudge() = 0;                    // an action was written to the outbox
  virtual void invite(std::string label) = 0;  // contacts: a new case and its pairing code
  // Contacts: a fresh pairing code for a case's youth (a reinstalled or new device); the result
  // arrives as `invited` too.
  virtual void invite_again(std::string case_id) = 0;
  // Pending and recent invitations (a cheap store read; UI thread).
  virtual std::vector<InvitationView> invitations() = 0;
  // What happened since the last call (UI thread).
  virtual ConnectionEvents poll() = 0;
};

// A profile without a server (--server not given and none remembered): everything works
// locally and waits in the outbox; first start explains that a server address is needed.
std::unique_ptr<Connection> make_offline_connection(std::function<void()> wake);

// Over backend-client's Client; `wake` must be safe to call from any thread.
Result<std::unique_ptr<Connection>> make_client_connection(const std::string& profile_dir,
                                                           const std::string& server_url,
                                                           std::function<void()> wake);

}  // namespace sk::app
