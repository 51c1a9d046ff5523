#pragma once
// EventId: a UUIDv7 (RFC 9562 §5.7) made by the authoring device. The first 48 bits are the
// Unix time in milliseconds, so ids sort by creation time; the rest is random (CSPRNG), so two
// devices never collide. Text form is the canonical lower-case 8-4-4-4-12 spelling, and parse()
// accepts only that one spelling, so an id has exactly one encoding.

#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

#include "sk/core/result.hpp"

namespace sk::model {

class EventId {
 public:
  static constexpr std::size_t kSize = 16;
  using Octets = std::array<std::uint8_t, kSize>;

  EventId() = default;  // all zero: the nil UUID, never valid in an event
  // Raw octets; parse() and EventIdGenerator are the ways to get a valid one.
  explicit EventId(const Octets& octets) : octets_(octets) {}

  static Result<EventId> parse(std::string_view text);  // canonical lower-case UUIDv7 only

  [[nodiscard]] std::string str() const;  // "0190f3c2-7a1b-7c3d-8e4f-0123456789ab"
  [[nodiscard]] const Octets& octets() const { return octets_; }
  [[nodiscard]] std::int64_t unix_ms() const;  // the embedded creation time
  [[nodiscard]] bool is_v7() const;            // version 7 and RFC 9562 variant
  [[nodiscard]] bool is_nil() const { return octets_ == Octets{}; }

  friend auto operator<=>(const EventId&, const EventId&) = default;

 private:
  Octets octets_{};
};

// Makes UUIDv7 ids that are strictly increasing for the life of the generator, even when the
// clock stands still or steps backwards (RFC 9562 §6.2 method 2: within one millisecond the
// 74 random bits are treated as a counter and incremented by a random step). Keep one generator
// per process; it is safe to share between threads.
class EventIdGenerator {
 public:
  using Clock = std::function<std::int64_t()>;  // Unix time in milliseconds

  EventIdGenerator();                      // the system clock
  explicit EventIdGenerator(Clock clock);  // an injected clock (tests)

  EventId next();

 private:
  Clock clock_;
  std::mutex mutex_;
  std::int64_t last_ms_ = -1;
  std::uint16_t last_rand_a_ = 0;  // 12 bits
  std::uint64_t last_rand_b_ = 0;  // 62 bits
};

}  // namespace sk::model
