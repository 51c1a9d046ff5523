#pragma once
// Keep-alive clients publishing back to back for a fixed time: how many acknowledged (for
// spillkontakt-backend: durably committed) publishes per second the target sustains.

#include <cstddef>

#include "latency.hpp"
#include "resource_sampler.hpp"
#include "target.hpp"

namespace sk::bench {

struct ThroughputConfig {
  std::size_t clients = 64;
  std::chrono::seconds duration{10};
  std::size_t payload_bytes = 1024;
  std::uint64_t key_base = 1;
};

struct ThroughputResult {
  std::size_t clients = 0;
  std::size_t accepted = 0;
  std::size_t failed = 0;
  double seconds = 0;
  double accepted_per_s = 0;
  LatencySummary ack;
  ResourceFigures resources;
};

asio::awaitable<ThroughputResult> run_throughput(asio::io_context& io, const Target& target,
                                                 ThroughputConfig config);

}  // namespace sk::bench
