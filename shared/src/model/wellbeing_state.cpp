#include "sk/model/wellbeing_state.hpp"

#include <algorithm>
#include <numeric>

namespace sk::model {

MoodTrend WellbeingState::mood_trend(std::size_t last_n) const {
  MoodTrend trend;
  const std::size_t n = std::min(last_n, check_ins_.size());
  for (std::size_t i = check_ins_.size() - n; i < check_ins_.size(); ++i) {
    trend.moods.push_back(check_ins_[i].check_in.mood);
  }
  if (n > 0) {
    const auto sum = std::accumulate(trend.moods.begin(), trend.moods.end(), std::int64_t{0});
    trend.average = static_cast<double>(sum) / static_cast<double>(n);
  }
  return trend;
}

}  // namespace sk::model
