#pragma once
// A profile with a few days of history, made without a backend: the other side's events arrive
// as pulled rows (with server sequence numbers), our own go through the outbox and are then
// marked sent, as the sync engine would. Used by the view-model tests and by sk_overlay_seed,
// which prepares the profiles the screenshot tests drive.

#include <cstdint>
#include <filesystem>
#include <string>

#include "sk/core/result.hpp"
#include "sk/model/event.hpp"
#include "sk/store/store.hpp"

namespace sk::app::testing {

inline constexpr const char* kCase = "case-yara";
inline constexpr const char* kYouth = "yara";
inline constexpr const char* kContact = "kari";
inline constexpr const char* kSupervisor = "siri";
inline constexpr const char* kZone = "Europe/Oslo";
inline constexpr const char* kReplyHours = "Hverdager 12–20";

enum class DemoSide { kYouthSide, kContactSide };

// Writes identity, case(s) and events into `store`; `now_ms` anchors the history.
// history=false leaves only identity and case (a fresh pairing).
Result<void> seed_demo(store::Store& store, DemoSide side, std::int64_t now_ms, bool history = true);

// One event of `case_id` by `author` (device "<author>-pc"), already sequenced as `seq`.
Result<void> add_remote(store::Store& store, const std::string& case_id, const std::string& author,
                        model::Event::Body body, std::int64_t created_ms, std::int64_t seq);

}  // namespace sk::app::testing
