#pragma once
// Filling a case mailbox fast, without going through the author's outbox (which pushes one
// event per round trip): chat messages sealed exactly as the sync engine seals a `case` event
// (the model's canonical JSON, protocol's kind and context), appended over many connections.
// And the baseline the initial sync is compared with: opening the same envelopes on one core.

#include <cstdint>
#include <string>
#include <vector>

#include "../backend/asio.hpp"
#include "sk/core/bytes.hpp"
#include "sk/crypto/identity.hpp"

namespace sk::bench {

struct SealedEvent {
  std::string event_id;
  Bytes envelope;
};

struct Author {
  const crypto::DeviceIdentity& identity;
  std::string principal_id;
  std::string device_id;
};

// `count` chat messages of `author` in `case_id` for `recipients`, sealed on `threads` threads.
std::vector<SealedEvent> seal_chat(const Author& author, const std::string& case_id,
                                   const std::vector<crypto::DevicePublicKeys>& recipients, std::size_t count,
                                   unsigned threads);

struct Appended {
  std::int64_t last_seq = 0;
  double seconds = 0;
};
// Authenticates as the author's device and appends `events` in order of their index over
// `connections` keep-alive connections (so the server's order is only roughly theirs).
asio::awaitable<Appended> append_all(asio::io_context& io, tcp::endpoint endpoint, const Author& author,
                                     const std::string& case_id, const std::vector<SealedEvent>& events,
                                     std::size_t connections);

struct OpenTiming {
  double wall_seconds = 0;
  double cpu_seconds = 0;  // this thread's CPU time: the single-core cost
  std::size_t opened = 0;  // must equal the count
};
// crypto::open of every envelope as `reader`, expecting `author` as the engine does, on this
// thread, with a fresh pairwise cache.
OpenTiming open_all(const std::vector<SealedEvent>& events, const std::string& case_id,
                    const crypto::DeviceIdentity& reader, const crypto::DevicePublicKeys& author);

}  // namespace sk::bench
