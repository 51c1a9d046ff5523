#pragma once
// A real spillkontakt-backend process for integration tests: its own temporary data directory,
// an ephemeral loopback port (read from --port-file), stderr captured to a log file.

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sk::backend::test {

// The whole file as bytes (empty if it can't be read).
std::string read_file(const std::filesystem::path& p);

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};
// Runs the backend binary with `args` to completion.
CommandResult run_backend(const std::vector<std::string>& args);

class ServerProcess {
 public:
  // Starts `serve --listen 127.0.0.1:0 [--insecure-http] --data <data_dir>` plus `extra` args
  // (which must name the TLS files when `plain_http` is false).
  explicit ServerProcess(std::filesystem::path data_dir, std::vector<std::string> extra = {},
                         bool plain_http = true);
  ~ServerProcess();  // SIGKILL if still running
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  bool started() const { return port_ != 0; }
  int port() const { return port_; }
  std::string base_url() const;  // http:// or https://
  const std::filesystem::path& log_file() const { return log_; }
  std::string log() const;

  // Sends `signal` and waits for the exit; returns the exit code (or 128 + signal number).
  int stop(int signal, int timeout_ms = 10000);
  bool running();

 private:
  std::filesystem::path data_dir_;
  std::filesystem::path log_;
  std::filesystem::path port_file_;
  pid_t pid_ = -1;
  int port_ = 0;
  bool plain_http_ = true;
};

}  // namespace sk::backend::test
