#include "view_models/wellbeing_view_model.hpp"

#include "core/time/local_time.hpp"

namespace sk::app {

WellbeingViewModel build_wellbeing(const model::CaseState& state, std::int64_t now_ms,
                                   const std::string& zone, int weeks) {
  WellbeingViewModel vm;
  const model::WellbeingState& w = state.wellbeing();
  std::int64_t today = to_local(now_ms, zone).day_number;
  std::int64_t first = today - weeks * 7 + 1;
  vm.strip.resize(static_cast<std::size_t>(weeks * 7));
  for (std::size_t i = 0; i < vm.strip.size(); ++i)
    vm.strip[i].day_number = first + static_cast<std::int64_t>(i);
  for (const model::CheckInRecord& r : w.check_ins()) {
    std::int64_t day = to_local(r.created_at.unix_ms, zone).day_number;
    if (day >= first && day <= today) vm.strip[static_cast<std::size_t>(day - first)].mood = r.check_in.mood;
  }
  const auto& all = w.check_ins();
  std::size_t from = all.size() > 20 ? all.size() - 20 : 0;
  for (std::size_t i = from; i < all.size(); ++i) {
    TrendPoint p{all[i].created_at.unix_ms, all[i].check_in.mood, all[i].check_in.tags};
    p.tags.insert(p.tags.end(), all[i].check_in.free_tags.begin(), all[i].check_in.free_tags.end());
    vm.trend.push_back(std::move(p));
  }
  if (!all.empty()) {
    vm.last_mood = all.back().check_in.mood;
    vm.last_check_in_ms = all.back().created_at.unix_ms;
  }
  if (const auto& interests = w.interests()) {
    vm.likes = interests->profile.likes;
    vm.good_at = interests->profile.good_at;
  }
  for (const auto& wish : w.topic_wishes()) vm.wishes.push_back(wish.wish.text);
  return vm;
}

}  // namespace sk::app
