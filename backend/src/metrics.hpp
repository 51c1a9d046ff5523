#pragma once
// Prometheus metrics of the server (text format 0.0.4). Thread-safe.

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace sk::backend {

class Metrics {
 public:
  // `route` is the route's pattern name ("POST /v1/cases/{id}/events"), never the raw path.
  void record_request(std::string_view route, int status, double seconds, bool long_poll);
  void add_appends(std::uint64_t n) { appends_ += n; }
  void set_long_polls_open(std::int64_t n) { long_polls_open_ = n; }
  void set_batches(std::uint64_t n) { batches_ = n; }
  void connection_opened() { ++connections_open_; }
  void connection_closed() { --connections_open_; }

  std::string render() const;

 private:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> counts{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  struct RouteStats {
    std::map<int, std::uint64_t> by_status;
    Histogram latency;  // empty for long-polls
  };

  mutable std::mutex mutex_;
  std::map<std::string, RouteStats, std::less<>> routes_;  // found by string_view: no allocation
  std::atomic<std::uint64_t> appends_{0};
  std::atomic<std::uint64_t> batches_{0};
  std::atomic<std::int64_t> long_polls_open_{0};
  std::atomic<std::int64_t> connections_open_{0};
};

}  // namespace sk::backend
