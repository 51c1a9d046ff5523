#pragma once
// WellbeingViewModel: the youth's voice. The check-in strip (one face per day over the last
// weeks, the day's latest check-in), the mood trend for the contact's mini chart, the interests
// profile and the topic wishes.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sk/model/case_state.hpp"

namespace sk::app {

struct StripDay {
  std::int64_t day_number = 0;  // local days since 1970-01-01
  std::optional<int> mood;      // 1..5, the day's latest check-in
};

struct TrendPoint {
  std::int64_t at_ms = 0;
  int mood = 3;
  std::vector<std::string> tags;
};

struct WellbeingViewModel {
  std::vector<StripDay> strip;    // oldest first, `weeks` * 7 days ending today
  std::vector<TrendPoint> trend;  // the last 20 check-ins, oldest first
  std::optional<int> last_mood;
  std::optional<std::int64_t> last_check_in_ms;
  std::vector<std::string> likes;
  std::vector<std::string> good_at;
  std::vector<std::string> wishes;  // newest last
};

WellbeingViewModel build_wellbeing(const model::CaseState& state, std::int64_t now_ms,
                                   const std::string& zone, int weeks = 4);

}  // namespace sk::app
