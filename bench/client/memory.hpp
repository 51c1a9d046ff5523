#pragma once
// Client memory with a full caseload: a child process (this program again, `--memory-child`)
// holds only the Client of one contact profile and runs its sync engine, so its /proc status is
// the client's alone. The first child pulls the cases' events into an empty store; a second one
// starts on the full store, as the app does every morning, and is measured once it is parked.

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>

namespace sk::bench {

struct MemoryFigures {
  std::size_t events = 0;
  double pull_seconds = 0;    // first child: start until every case's cursor is at its end
  long pull_peak_rss_kb = 0;  // first child's VmHWM
  long rss_kb = 0;            // second child, sync running on the full store
  long rss_anon_kb = 0;
  long rss_file_kb = 0;
  long peak_rss_kb = 0;            // second child's VmHWM
  std::uintmax_t store_bytes = 0;  // store.db after both children closed it
};

struct MemoryRun {
  std::filesystem::path self;     // this program, for the children
  std::filesystem::path profile;  // the contact's profile directory (no Client open on it here)
  std::string base_url;
  std::map<std::string, std::int64_t> last_seq;  // per case: where its cursor must get to
  std::filesystem::path log;
};
MemoryFigures measure_memory(const MemoryRun& run);

// The child's side: unlock the profile, sync until SIGTERM. Returns the exit status.
int run_memory_child(const std::filesystem::path& profile, const std::string& base_url);

}  // namespace sk::bench
