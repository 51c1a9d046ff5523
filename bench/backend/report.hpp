#pragma once
// Printing the figures: a readable block per run, the side-by-side comparison with Nchan, and
// the headline JSON object that is always the last line of the output.

#include <optional>
#include <ostream>
#include <string>

#include "throughput_run.hpp"
#include "wake_run.hpp"

namespace sk::bench {

struct Report {
  std::size_t n = 0;
  double setup_seconds = 0;
  std::optional<WakeResult> ours;
  std::optional<ThroughputResult> ours_throughput;
  std::optional<WakeResult> ours_sync;  // one POST /v1/sync per device over several cases
  std::size_t sync_cases_per_device = 0;
  double sync_setup_seconds = 0;
  double sync_run_seconds = 0;  // of appending, for appends/s
  std::optional<WakeResult> nchan;
  std::optional<ThroughputResult> nchan_throughput;
  std::string nchan_skipped;                  // why, when it did not run
  std::optional<LatencySummary> fsync;        // 4 KiB write + fdatasync in the data directory
  std::optional<LatencySummary> fsync_paced;  // the same, one every 1/rate s as in the waking run
  double wake_appends_per_commit = 0;         // group commit during the waking run
  double throughput_appends_per_commit = 0;   // and during the throughput run
  double load_average = 0;  // 1-minute load average when the tool started: others' work skews figures
};

void print_wake(std::ostream& out, const std::string& title, const WakeResult& r);
void print_throughput(std::ostream& out, const std::string& title, const ThroughputResult& r);
void print_comparison(std::ostream& out, const Report& report);
void print_headline_json(std::ostream& out, const Report& report);

}  // namespace sk::bench
