#pragma once
// The chat round trip through the real server, as the app makes it: A's UI thread records a
// chat message in A's store (with its outbox entry, one transaction) and nudges A's sync engine;
// the clock stops when B's on_change callback reports a chat message and the message is in B's
// store, decrypted. One message at a time, a short pause between them so both engines are
// parked in their long-polls as they are between real messages.

#include <chrono>
#include <string>

#include "../backend/latency.hpp"
#include "profiles.hpp"

namespace sk::bench {

struct ChatConfig {
  std::size_t messages = 1000;
  std::chrono::milliseconds pause{10};
  std::chrono::seconds timeout{10};  // a message not delivered by then counts as lost
};

struct ChatResult {
  LatencySummary round_trip;    // A's commit done -> B's callback with the message stored
  LatencySummary local_commit;  // Store::record_local_event on A (the UI's part, before the nudge)
  std::size_t lost = 0;
};

// Starts both clients' sync, runs the messages, stops both.
ChatResult run_chat(Profile& a, Profile& b, const std::string& case_id, const ChatConfig& config);

}  // namespace sk::bench
