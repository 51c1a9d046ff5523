#pragma once
// Test helper for the fault tests: run a writer loop in a forked child, kill it with SIGKILL at
// a chosen moment, and collect what it reported (one line per completed operation) before dying.

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <csignal>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace sk::store::testing {

struct KillPoint {
  std::string name;                    // test name suffix: After_5ms, AfterCommit_7
  std::chrono::milliseconds after{0};  // used when reports == 0
  int reports = 0;                     // kill as soon as this many lines were reported
};

// gtest prints the parameter of a failing test with this (gtest's name, hence the NOLINT).
// NOLINTNEXTLINE(readability-identifier-naming)
inline void PrintTo(const KillPoint& point, std::ostream* out) {
  *out << point.name;
}

struct KilledWriter {
  std::vector<std::string> reported;  // whole lines, in the order the child wrote them
  bool killed = false;                // false: the child ended by itself (a broken test)
  int exit_status = 0;                // when not killed
};

// Reports one line from the child. Lines shorter than PIPE_BUF arrive whole or not at all.
inline bool report(int fd, const std::string& line) {
  std::string out = line + "\n";
  return write(fd, out.data(), out.size()) == static_cast<ssize_t>(out.size());
}

namespace detail {

inline void drain(int fd, std::string& partial, std::vector<std::string>& lines, int timeout_ms) {
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, timeout_ms) <= 0) return;
  std::array<char, 4096> chunk{};
  ssize_t n = read(fd, chunk.data(), chunk.size());
  if (n <= 0) return;
  partial.append(chunk.data(), static_cast<std::size_t>(n));
  for (std::size_t nl; (nl = partial.find('\n')) != std::string::npos;) {
    lines.push_back(partial.substr(0, nl));
    partial.erase(0, nl + 1);
  }
}

}  // namespace detail

// Forks; the child runs `body(report_fd)` and must never return (call _exit). The parent must
// hold no open database connection when calling this.
inline KilledWriter run_and_kill(const KillPoint& point, const std::function<void(int)>& body) {
  using Clock = std::chrono::steady_clock;
  KilledWriter result;
  std::array<int, 2> fds{};
  if (pipe(fds.data()) != 0) return result;
  pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    body(fds[1]);
    _exit(0);
  }
  close(fds[1]);
  std::string partial;
  auto deadline = Clock::now() + point.after;
  auto give_up = Clock::now() + std::chrono::seconds(20);
  while (Clock::now() < give_up) {
    if (point.reports > 0 && static_cast<int>(result.reported.size()) >= point.reports) break;
    if (point.reports == 0 && Clock::now() >= deadline) break;
    detail::drain(fds[0], partial, result.reported, 1);
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  for (;;) {  // whatever is still in the pipe, up to EOF now that the writer is gone
    std::size_t before = result.reported.size() + partial.size();
    detail::drain(fds[0], partial, result.reported, 0);
    if (result.reported.size() + partial.size() == before) break;
  }
  close(fds[0]);
  result.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// Kill points swept by every fault test: by time since the fork, and right after the K-th
// report (so the kill lands while the next operation is being written). `report_label` names
// what a report means: AfterCommit_7, AfterStep_7.
inline std::vector<KillPoint> kill_points(const std::string& report_label) {
  std::vector<KillPoint> out;
  for (int ms : {0, 2, 5, 13, 30, 80}) {
    out.push_back({"After_" + std::to_string(ms) + "ms", std::chrono::milliseconds(ms), 0});
  }
  for (int k : {1, 7, 25, 60}) out.push_back({report_label + "_" + std::to_string(k), {}, k});
  return out;
}

}  // namespace sk::store::testing
