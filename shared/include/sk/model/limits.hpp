#pragma once
// Limits and fixed vocabularies of the event bodies. Text lengths count Unicode code points.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sk::model {

inline constexpr std::size_t kMaxEventJsonBytes = std::size_t{64} * 1024;  // one encoded event
inline constexpr std::size_t kMaxJsonDepth = 16;                           // nesting, unknown fields included

inline constexpr std::size_t kMaxChatText = 4000;
inline constexpr std::size_t kMaxTitle = 100;
inline constexpr std::size_t kMaxReason = 500;
inline constexpr std::size_t kMaxCheckInText = 1000;
inline constexpr std::size_t kMaxTags = 10;
inline constexpr std::size_t kMaxTagLength = 32;
inline constexpr std::size_t kMaxTopicText = 500;
inline constexpr std::size_t kMaxInterests = 20;
inline constexpr std::size_t kMaxInterestLength = 64;
inline constexpr std::size_t kMaxNoteActivity = 500;
inline constexpr std::size_t kMaxNoteField = 2000;
inline constexpr std::size_t kMaxGuidanceText = 4000;
inline constexpr std::size_t kMaxConcernText = 2000;
inline constexpr std::size_t kMaxTimeZoneName = 64;
inline constexpr std::size_t kMaxReplyHours = 100;
inline constexpr std::size_t kMaxDisplayName = 64;

inline constexpr std::int32_t kMinMood = 1;
inline constexpr std::int32_t kMaxMood = 5;
inline constexpr std::int32_t kMinSessionMinutes = 5;
inline constexpr std::int32_t kMaxSessionMinutes = 480;

// Keys and history: a vouch lists at most this many devices; a grant event at most this many
// grants, so that it stays well under the backend's 64 KiB envelope limit.
inline constexpr std::size_t kMaxVouchedDevices = 64;
inline constexpr std::size_t kMaxGrantsPerEvent = 150;
inline constexpr std::size_t kGrantBytes = 185;

// Stickers a wave can carry; the app has one picture for each.
inline constexpr std::array<std::string_view, 8> kStickers{"wave", "thumbs_up", "heart",  "star",
                                                           "gg",   "high_five", "coffee", "sun"};

// Check-in tags the youth can tap; translations live in the assets' catalogs.
inline constexpr std::array<std::string_view, 12> kCheckInTags{
    "tired", "anxious", "lonely", "bored", "stressed",   "sad",
    "angry", "calm",    "happy",  "proud", "slept_well", "went_outside"};

}  // namespace sk::model
