#pragma once
// A point in time: UTC milliseconds since the Unix epoch. Events only carry times inside
// [2020-01-01, 2100-01-01); anything outside is a broken clock or a forged value.

#include <compare>
#include <cstdint>

#include "sk/core/result.hpp"

namespace sk::model {

struct Timestamp {
  std::int64_t unix_ms = 0;

  static constexpr std::int64_t kMinUnixMs = 1577836800000;  // 2020-01-01T00:00:00Z
  static constexpr std::int64_t kMaxUnixMs = 4102444800000;  // 2100-01-01T00:00:00Z (exclusive)

  static Result<Timestamp> from_unix_ms(std::int64_t ms);  // model.invalid when out of range
  [[nodiscard]] bool in_range() const { return unix_ms >= kMinUnixMs && unix_ms < kMaxUnixMs; }

  friend auto operator<=>(const Timestamp&, const Timestamp&) = default;
};

inline constexpr std::int64_t kMinuteMs = 60'000;
inline constexpr std::int64_t kHourMs = 60 * kMinuteMs;
inline constexpr std::int64_t kDayMs = 24 * kHourMs;
inline constexpr std::int64_t kWeekMs = 7 * kDayMs;

}  // namespace sk::model
