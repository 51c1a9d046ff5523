#include "sk/model/event_id.hpp"

#include <chrono>

#include "sk/core/encoding.hpp"
#include "sk/core/random.hpp"

namespace sk::model {
namespace {

constexpr std::uint64_t kRandBLimit = std::uint64_t{1} << 62;
constexpr std::uint16_t kRandALimit = 1U << 12;
// Canonical text: hex groups of 8-4-4-4-12 characters, dashes at these offsets.
constexpr std::array<std::size_t, 4> kDashes{8, 13, 18, 23};
constexpr std::size_t kTextSize = 36;

std::uint64_t random_u64() {
  std::array<std::uint8_t, 8> b{};
  random_bytes(b);
  std::uint64_t v = 0;
  for (const auto x : b) v = (v << 8) | x;
  return v;
}

EventId assemble(std::int64_t ms, std::uint16_t rand_a, std::uint64_t rand_b) {
  EventId::Octets o{};
  const auto t = static_cast<std::uint64_t>(ms);
  for (std::size_t i = 0; i < 6; ++i) o[i] = static_cast<std::uint8_t>(t >> (8 * (5 - i)));
  o[6] = static_cast<std::uint8_t>(0x70U | ((rand_a >> 8) & 0x0FU));
  o[7] = static_cast<std::uint8_t>(rand_a & 0xFFU);
  o[8] = static_cast<std::uint8_t>(0x80U | ((rand_b >> 56) & 0x3FU));
  for (std::size_t i = 9; i < 16; ++i) o[i] = static_cast<std::uint8_t>(rand_b >> (8 * (15 - i)));
  return EventId(o);
}

bool is_lower_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

}  // namespace

Result<EventId> EventId::parse(std::string_view text) {
  if (text.size() != kTextSize) return fail("model.invalid", "must be a lower-case UUIDv7");
  std::string digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash_here = i == kDashes[0] || i == kDashes[1] || i == kDashes[2] || i == kDashes[3];
    if (dash_here != (text[i] == '-')) return fail("model.invalid", "must be a lower-case UUIDv7");
    if (!dash_here) {
      if (!is_lower_hex(text[i])) return fail("model.invalid", "must be a lower-case UUIDv7");
      digits.push_back(text[i]);
    }
  }
  const auto bytes = hex_decode(digits);
  if (!bytes || bytes->size() != kSize) return fail("model.invalid", "must be a lower-case UUIDv7");
  Octets o{};
  std::copy(bytes->begin(), bytes->end(), o.begin());
  const EventId id(o);
  if (!id.is_v7()) return fail("model.invalid", "must be a UUIDv7 (version 7, RFC 9562 variant)");
  return id;
}

std::string EventId::str() const {
  const std::string h = hex_encode(octets_);
  return h.substr(0, 8) + '-' + h.substr(8, 4) + '-' + h.substr(12, 4) + '-' + h.substr(16, 4) + '-' +
         h.substr(20);
}

std::int64_t EventId::unix_ms() const {
  std::uint64_t t = 0;
  for (std::size_t i = 0; i < 6; ++i) t = (t << 8) | octets_[i];
  return static_cast<std::int64_t>(t);
}

bool EventId::is_v7() const {
  return (octets_[6] & 0xF0U) == 0x70U && (octets_[8] & 0xC0U) == 0x80U;
}

EventIdGenerator::EventIdGenerator()
    : EventIdGenerator([] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
      }) {}

EventIdGenerator::EventIdGenerator(Clock clock) : clock_(std::move(clock)) {}

EventId EventIdGenerator::next() {
  const std::lock_guard lock(mutex_);
  const std::int64_t now = clock_();
  if (now > last_ms_) {
    last_ms_ = now;
    // The top bit of rand_a starts clear, leaving room for 2^73 increments within one millisecond.
    last_rand_a_ = static_cast<std::uint16_t>(random_u64() & 0x07FFU);
    last_rand_b_ = random_u64() & (kRandBLimit - 1);
    return assemble(last_ms_, last_rand_a_, last_rand_b_);
  }
  // Same or earlier millisecond: keep the last time and count upwards by a random step, so the
  // id stays unguessable and strictly greater than the previous one.
  last_rand_b_ += 1 + (random_u64() & 0xFFFFFFFFU);
  if (last_rand_b_ >= kRandBLimit) {
    last_rand_b_ -= kRandBLimit;
    ++last_rand_a_;
  }
  if (last_rand_a_ >= kRandALimit) {  // counter exhausted: borrow the next millisecond
    ++last_ms_;
    last_rand_a_ = static_cast<std::uint16_t>(random_u64() & 0x07FFU);
    last_rand_b_ = random_u64() & (kRandBLimit - 1);
  }
  return assemble(last_ms_, last_rand_a_, last_rand_b_);
}

}  // namespace sk::model
