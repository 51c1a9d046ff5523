#pragma once
// The physical bound under a durable append: how long one small write + fdatasync takes on the
// disk holding the run's data directory, measured just before the runs. Back to back, and paced
// like the waking run's appends (`pause` between rounds): on a virtual machine a flush that
// starts from idle takes longer, and its tail is the floor under the waking run's p99.

#include <filesystem>

#include "latency.hpp"

namespace sk::bench {

LatencySummary measure_fsync(const std::filesystem::path& dir, int rounds,
                             Clock::duration pause = Clock::duration::zero());

}  // namespace sk::bench
