#pragma once
// The client benchmark's figures: a readable block per part with its verdict, and the headline
// JSON object that is always the last line of the output.

#include <optional>
#include <ostream>

#include "../backend/wake_run.hpp"
#include "chat_run.hpp"
#include "memory.hpp"

namespace sk::bench {

// Issue 15's targets.
inline constexpr double kMaxSyncToOpenRatio = 1.5;
inline constexpr double kMaxAddedP50Ms = 2.0;
inline constexpr double kMaxAddedP99Ms = 5.0;

struct InitialSync {
  std::size_t envelopes = 0;
  std::size_t stored = 0;  // chat events in the reader's store afterwards; must equal `envelopes`
  double fill_seconds = 0;
  double seconds = 0;
  double open_cpu_seconds = 0;  // one core, crypto::open only
  double open_wall_seconds = 0;
  std::uintmax_t store_bytes = 0;
  double ratio() const { return open_cpu_seconds > 0 ? seconds / open_cpu_seconds : 0; }
};

struct ClientReport {
  bool quick = false;
  double load_average = 0;
  std::size_t envelope_bytes = 0;  // one sealed chat message, as used by the raw wake run
  std::optional<InitialSync> initial;
  std::optional<ChatResult> chat;
  std::optional<WakeResult> wake;
  std::optional<MemoryFigures> memory;
  std::size_t memory_cases = 0;
};

void print_initial(std::ostream& out, const InitialSync& s);
void print_chat(std::ostream& out, const ChatResult& chat, const WakeResult& wake);
void print_memory(std::ostream& out, const MemoryFigures& m, std::size_t cases);
void print_headline_json(std::ostream& out, const ClientReport& r);

}  // namespace sk::bench
