#pragma once
// The physical bound under a durable append: how long one small write + fdatasync takes on the
// disk holding the run's data directory, measured just before the runs.

#include <filesystem>

#include "latency.hpp"

namespace sk::bench {

LatencySummary measure_fsync(const std::filesystem::path& dir, int rounds);

}  // namespace sk::bench
