#pragma once
// The commands of spillkontakt-cli (docs/cli.md). Each returns the process exit code.

#include <filesystem>
#include <optional>
#include <string>

namespace sk::cli {

// Exit codes (docs/cli.md): stable, for scripts.
inline constexpr int kOk = 0;
inline constexpr int kUsage = 1;        // bad arguments
inline constexpr int kLocal = 2;        // the profile or the local store
inline constexpr int kOffline = 3;      // no connection, TLS trouble, server error, rate limited
inline constexpr int kRefused = 4;      // the server refused: expired or unknown code, forbidden, rejected
inline constexpr int kKeyMismatch = 5;  // a code did not confirm the relayed keys
inline constexpr int kRevoked = 6;      // this device was revoked

struct Options {
  std::filesystem::path profile;
  std::string server;  // base URL; remembered in the profile after the first use
  std::string ca_file;
  std::string pinned_key;
  std::string passphrase_env = "SK_PASSPHRASE";  // contacts: where the passphrase comes from
  bool json = false;
  bool weak_kdf = false;  // tests only (hidden flag)
  // Events this run writes are dated this time instead of now ("YYYY-MM-DD HH:MM" in `zone`,
  // or Unix ms): the demo's few days of history. Empty: now.
  std::string at;
  std::string zone = "Europe/Oslo";  // IANA zone of times given on the command line
};

int enroll(const Options& o, const std::string& code, const std::string& name);
int pair(const Options& o, const std::string& code, const std::string& nickname);
int invite(const Options& o, const std::string& label, bool again, const std::string& case_id);
int issue_code(const Options& o, const std::string& role);
// Sends `text`, or with `from_file` each non-empty line of that file as its own message, in order.
int send(const Options& o, std::string case_id, const std::string& text, const std::string& from_file,
         bool sync_after);
int add_contact(const Options& o, const std::string& case_id, const std::string& principal_id);
int list(const Options& o, std::string case_id);
int sync(const Options& o, bool follow, int wait_seconds, int retry_seconds);
int status(const Options& o);

// The platform's data directory for profiles: $XDG_DATA_HOME/spillkontakt or
// ~/.local/share/spillkontakt.
std::filesystem::path default_profile_dir();

}  // namespace sk::cli
