#pragma once
// spillkontakt-cli as the tests use it: a real, separate process per client action, each with
// its own profile directory, talking to the real backend over real sockets.

#include <sys/types.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace sk::integration {

struct CliResult {
  int exit_code = -1;           // 128 + signal when killed
  std::string out;              // stdout
  std::string err;              // stderr
  nlohmann::json json() const;  // the last line of stdout as JSON (null if it is not)
};

// One device: a profile directory and the server address it uses.
struct CliDevice {
  std::filesystem::path profile;
  std::string server;  // passed as --server on every call

  // Runs `spillkontakt-cli --profile P --server S --json --weak-kdf-for-tests ARGS...` to the end.
  CliResult run(const std::vector<std::string>& args) const;
  // The same, started in the background.
  class Running start(const std::vector<std::string>& args) const;
};

// A CLI process running in the background.
class Running {
 public:
  Running(pid_t pid, std::filesystem::path out, std::filesystem::path err);
  Running(Running&& other) noexcept;
  Running& operator=(Running&&) = delete;
  ~Running();  // SIGKILL if still running

  CliResult wait();  // until it exits
  void kill9();      // SIGKILL now, and reap it
  void interrupt();  // SIGINT (sync --follow stops cleanly)
  bool running();
  std::string out_so_far() const;

 private:
  pid_t pid_ = -1;
  std::filesystem::path out_, err_;
  int exit_code_ = -1;
};

// The passphrase every contact and supervisor profile of the tests uses (SK_PASSPHRASE).
inline constexpr const char* kTestPassphrase = "integration passphrase";

}  // namespace sk::integration
