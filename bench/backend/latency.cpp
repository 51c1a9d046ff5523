#include "latency.hpp"

#include <algorithm>
#include <cmath>

namespace sk::bench {

LatencySummary LatencySamples::summary() const {
  LatencySummary out;
  out.count = samples_us_.size();
  if (samples_us_.empty()) return out;
  std::vector<double> sorted = samples_us_;
  std::sort(sorted.begin(), sorted.end());
  // Nearest-rank percentile.
  auto at = [&](double p) {
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1] / 1000.0;
  };
  out.p50_ms = at(0.50);
  out.p99_ms = at(0.99);
  out.max_ms = sorted.back() / 1000.0;
  return out;
}

}  // namespace sk::bench
