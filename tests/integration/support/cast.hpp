#pragma once
// Cast: a real backend with one organisation and the people of one case, each a profile used
// through separate spillkontakt-cli processes, every key confirmed the way the apps do it:
//   admin init → the supervisor enrolls with the admin's code
//   → the supervisor issues a contact code → the contact enrolls; both confirm each other's keys
//   → the contact invites a youth → the youth pairs; both confirm each other's keys
//   → a round of syncs, so the vouches are out.
// The clients reach the server through a FaultProxy, so a test can break the network or
// restart the server behind a fixed address.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "harness/server_process.hpp"
#include "support/cli_process.hpp"
#include "support/fault_proxy.hpp"

namespace sk::integration {

// Throws std::runtime_error with the command's output unless it exited 0.
CliResult must_run(const CliDevice& device, const std::vector<std::string>& args);

class Cast {
 public:
  Cast();
  ~Cast();

  backend::test::ServerProcess& server() { return *server_; }
  FaultProxy& proxy() { return *proxy_; }
  const std::filesystem::path& root() const { return dir_.path(); }
  const std::filesystem::path& data_dir() const { return data_; }
  const std::string& case_id() const { return case_id_; }

  CliDevice& supervisor() { return supervisor_; }
  CliDevice& contact() { return contact_; }
  CliDevice& youth() { return youth_; }
  // An empty profile that reaches the server through the proxy.
  CliDevice fresh(const std::string& name) const;

  // The server dies (SIGKILL) or stops, and a new process starts on the same data; the proxy
  // follows it, so clients keep their address. `while_down` runs between the two (a test that
  // plays a malicious or broken server edits the data then).
  void restart_server(bool kill9, const std::function<void()>& while_down = {});

  // A contact enrolls with a code from the supervisor, both sides confirmed.
  CliDevice enroll_contact(const std::string& name);
  // `youth` redeems `code` while `contact` syncs until the pairing is confirmed on both sides.
  void pair(const CliDevice& contact, const CliDevice& youth, const std::string& code,
            const std::string& nickname);
  // Every device of the cast runs `sync --once` twice (vouches travel one hop per round).
  void settle();
  // The profile's identity, from its `status --json` ("device_id", "principal_id", …).
  static nlohmann::json identity(const CliDevice& device);

 private:
  backend::test::TempDir dir_;
  std::filesystem::path data_;
  std::unique_ptr<backend::test::ServerProcess> server_;
  std::unique_ptr<FaultProxy> proxy_;
  CliDevice supervisor_, contact_, youth_;
  std::string case_id_;
};

}  // namespace sk::integration
