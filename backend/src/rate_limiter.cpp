#include "rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace sk::backend {

RateLimiter::RateLimiter(double per_second, double burst)
    : per_second_(per_second), burst_(std::max(1.0, burst)) {}

bool RateLimiter::allow(const std::string& key, int* retry_after_seconds) {
  if (per_second_ <= 0) return true;
  const auto now = Clock::now();
  std::lock_guard lock(mutex_);
  if (buckets_.size() >= kMaxKeys) prune(now);
  auto [it, inserted] = buckets_.try_emplace(key, Bucket{burst_, now});
  auto& b = it->second;
  if (!inserted) {
    const double elapsed = std::chrono::duration<double>(now - b.updated).count();
    b.tokens = std::min(burst_, b.tokens + elapsed * per_second_);
    b.updated = now;
  }
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return true;
  }
  if (retry_after_seconds != nullptr) {
    *retry_after_seconds = std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / per_second_)));
  }
  return false;
}

void RateLimiter::prune(Clock::time_point now) {
  // A bucket that has refilled completely is the same as no bucket.
  std::erase_if(buckets_, [&](const auto& kv) {
    const double elapsed = std::chrono::duration<double>(now - kv.second.updated).count();
    return kv.second.tokens + elapsed * per_second_ >= burst_;
  });
  if (buckets_.size() >= kMaxKeys) buckets_.clear();
}

}  // namespace sk::backend
