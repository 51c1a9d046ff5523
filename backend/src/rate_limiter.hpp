#pragma once
// Token buckets keyed by a string (device id, IP address, lookup id). Thread-safe.

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace sk::backend {

class RateLimiter {
 public:
  // `per_second` tokens are added per second up to `burst`; per_second <= 0 disables the limit.
  RateLimiter(double per_second, double burst);

  // Takes one token for `key`; false (and the seconds until one is available) when empty.
  bool allow(const std::string& key, int* retry_after_seconds = nullptr);

 private:
  using Clock = std::chrono::steady_clock;
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  static constexpr std::size_t kMaxKeys = 100'000;  // memory bound: full buckets are dropped first

  void prune(Clock::time_point now);

  double per_second_;
  double burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace sk::backend
