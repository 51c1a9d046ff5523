#pragma once
// Child processes the load tool starts (the server, its admin CLI, nginx) and the figures it
// reads about them from /proc.

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace sk::bench {

// A started child; SIGTERM (then SIGKILL after a grace period) when stopped or destroyed.
class ChildProcess {
 public:
  // stdout and stderr go to `log_path` (appended).
  static ChildProcess spawn(const std::vector<std::string>& argv, const std::string& log_path);

  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&&) = delete;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();

  pid_t pid() const { return pid_; }
  bool running();
  // Returns the exit status (or 128 + signal).
  int stop(int signal, std::chrono::milliseconds grace);

 private:
  explicit ChildProcess(pid_t pid) : pid_(pid) {}
  pid_t pid_ = -1;
  std::optional<int> status_;
};

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout only; stderr goes to the log
};
// Runs a short command to completion (the admin CLI). stderr is appended to `log_path`.
CommandResult run_command(const std::vector<std::string>& argv, const std::string& log_path);

struct ProcStatus {
  long rss_kb = 0;
  long threads = 0;
};
std::optional<ProcStatus> read_proc_status(pid_t pid);
double process_cpu_seconds(pid_t pid);  // user + system, from /proc/PID/stat
double self_cpu_seconds();              // getrusage(RUSAGE_SELF)
std::vector<pid_t> child_pids(pid_t parent);

// Raises the soft open-files limit to the hard limit; returns the new soft limit.
long raise_nofile_limit();

}  // namespace sk::bench
