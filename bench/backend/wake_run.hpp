#pragma once
// The waiting/appending pattern: one authenticated long-poll per channel, every waiter re-polling
// with its cursor after each wake, and a sender publishing 1 KiB messages to random channels at a
// steady rate. Counts every delivery against every publish.

#include <cstddef>

#include "latency.hpp"
#include "resource_sampler.hpp"
#include "target.hpp"

namespace sk::bench {

struct WakeConfig {
  double rate_per_s = 200;
  std::chrono::seconds duration{20};
  std::chrono::seconds drain{5};  // how long to wait for the last deliveries
  std::size_t payload_bytes = 1024;
  std::size_t sender_connections = 8;  // so a slow append never delays the next one's start
  std::uint64_t key_base = 1;
};

struct WakeResult {
  std::size_t waiters = 0;
  std::size_t published = 0;   // publish requests sent
  std::size_t accepted = 0;    // acknowledged with success
  std::size_t failed = 0;      // error answers or network errors
  std::size_t delivered = 0;   // distinct keys that reached their waiter
  std::size_t lost = 0;        // accepted but never delivered
  std::size_t duplicated = 0;  // deliveries beyond the first of a key
  std::size_t misrouted = 0;   // delivered to another channel's waiter
  std::size_t poll_errors = 0;
  std::size_t polls = 0;  // poll answers, wakes and timeouts
  LatencySummary wake;    // publish request sent -> waiter has the message
  LatencySummary ack;     // publish request sent -> acknowledged
  ResourceFigures resources;
};

asio::awaitable<WakeResult> run_wake(asio::io_context& io, const Target& target, WakeConfig config);

}  // namespace sk::bench
