#pragma once
// The youth's own voice, folded: check-in history with a mood trend, topic wishes for coming
// sessions, and the interests profile (the latest profile replaces earlier ones).

#include <cstdint>
#include <optional>
#include <vector>

#include "sk/model/event_bodies.hpp"

namespace sk::model {

struct CheckInRecord {
  EventId id;
  Timestamp created_at;
  CheckIn check_in;
  friend bool operator==(const CheckInRecord&, const CheckInRecord&) = default;
};

struct TopicWishRecord {
  EventId id;
  Timestamp created_at;
  TopicWish wish;
  friend bool operator==(const TopicWishRecord&, const TopicWishRecord&) = default;
};

struct InterestsRecord {
  EventId id;
  Timestamp updated_at;
  InterestsProfile profile;
  friend bool operator==(const InterestsRecord&, const InterestsRecord&) = default;
};

struct MoodTrend {
  std::vector<std::int32_t> moods;  // the last N moods, oldest first
  double average = 0.0;             // of `moods`; 0 when there are none
  friend bool operator==(const MoodTrend&, const MoodTrend&) = default;
};

class WellbeingState {
 public:
  void add_check_in(CheckInRecord record) { check_ins_.push_back(std::move(record)); }
  void add_topic_wish(TopicWishRecord record) { topic_wishes_.push_back(std::move(record)); }
  void set_interests(InterestsRecord record) { interests_ = std::move(record); }

  [[nodiscard]] const std::vector<CheckInRecord>& check_ins() const { return check_ins_; }
  [[nodiscard]] const std::vector<TopicWishRecord>& topic_wishes() const { return topic_wishes_; }
  [[nodiscard]] const std::optional<InterestsRecord>& interests() const { return interests_; }
  [[nodiscard]] MoodTrend mood_trend(std::size_t last_n) const;

  friend bool operator==(const WellbeingState&, const WellbeingState&) = default;

 private:
  std::vector<CheckInRecord> check_ins_;
  std::vector<TopicWishRecord> topic_wishes_;
  std::optional<InterestsRecord> interests_;
};

}  // namespace sk::model
