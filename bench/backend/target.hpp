#pragma once
// What the load pattern needs from a system under test: how to long-poll one channel with a
// cursor and how to publish one message to a channel. spillkontakt-backend (channel = case
// mailbox) and nginx+Nchan (channel = Nchan channel) implement it.

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "asio.hpp"

namespace sk::bench {

// Where a waiter is in its channel; each target uses the fields its protocol has.
struct Cursor {
  std::uint64_t after = 0;    // spillkontakt: last sequence number seen
  std::string last_modified;  // Nchan: Last-Modified of the last message
  std::string etag;           // Nchan: Etag of the last message
  // spillkontakt sync: what the waiting device knows of each of its cases
  struct Case {
    std::string case_id;
    std::uint64_t after = 0;
    std::int64_t directory = 0;
  };
  std::vector<Case> cases;
};

class Target {
 public:
  virtual ~Target() = default;

  virtual std::string name() const = 0;
  virtual tcp::endpoint endpoint() const = 0;
  virtual std::size_t channels() const = 0;
  // The processes whose memory, threads and CPU are reported (nginx: master + workers).
  virtual std::vector<pid_t> pids() const = 0;

  virtual Request poll_request(std::size_t channel, const Cursor& cursor) const = 0;
  // The message keys in a poll answer (none after a timeout); advances the cursor.
  // Throws std::runtime_error on an answer that is neither.
  virtual std::vector<std::uint64_t> parse_poll(const Response& response, Cursor& cursor) const = 0;

  // What a client puts on the wire for one payload of random "ciphertext" (spillkontakt: base64url
  // in JSON; Nchan: the raw bytes). Done once per payload when a run starts, not per request: the
  // load tool shares the server's cores, so its own work per request is kept small.
  virtual std::string encode_payload(std::string_view raw) const { return std::string(raw); }
  // `key` identifies the message end to end; `payload` is one of encode_payload's results.
  virtual Request publish_request(std::size_t channel, std::uint64_t key, std::string_view payload) const = 0;
  virtual bool publish_accepted(const Response& response) const = 0;
};

// 64 payloads of `bytes` random bytes each, encoded by `target` (see encode_payload); a run
// sends them in turn.
template <class Random>
std::vector<std::string> encoded_payloads(const Target& target, std::size_t bytes, Random& random) {
  std::vector<std::string> out;
  for (int i = 0; i < 64; ++i) {
    std::string raw(bytes, '\0');
    for (char& c : raw) c = static_cast<char>(random());
    out.push_back(target.encode_payload(raw));
  }
  return out;
}

}  // namespace sk::bench
