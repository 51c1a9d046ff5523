#pragma once
// Latency samples and their summary (exact percentiles: a run keeps at most a few hundred
// thousand samples).

#include <cstddef>
#include <vector>

#include "asio.hpp"

namespace sk::bench {

struct LatencySummary {
  std::size_t count = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  double max_ms = 0;
};

class LatencySamples {
 public:
  void add(Clock::duration d) { samples_us_.push_back(std::chrono::duration<double, std::micro>(d).count()); }
  LatencySummary summary() const;

 private:
  std::vector<double> samples_us_;
};

}  // namespace sk::bench
