#include "support/state_summary.hpp"

#include <sstream>

namespace sk::integration {

std::string summarize(const model::CaseState& state) {
  std::ostringstream out;
  const auto& chat = state.chat();
  for (const auto& e : chat.entries()) {
    out << "chat seq=" << (e.seq ? std::to_string(*e.seq) : "-") << " id=" << e.id.str()
        << " by=" << e.author.str() << (e.kind == model::ChatEntry::Kind::kWave ? " wave=" : " text=")
        << e.text << " " << model::to_string(chat.delivery(e)) << "\n";
  }
  for (const auto& c : state.wellbeing().check_ins())
    out << "check_in id=" << c.id.str() << " mood=" << c.check_in.mood << "\n";
  for (const auto& n : state.team().notes())
    out << "note id=" << n.id.str() << " by=" << n.author.str() << "\n";
  for (const auto& g : state.team().guidance()) out << "guidance id=" << g.id.str() << "\n";
  for (const auto& c : state.team().concerns())
    out << "concern id=" << c.id.str() << (c.open() ? " open" : " resolved") << "\n";
  out << "events_seen=" << state.events_seen()
      << " cursor=" << (state.cursor() ? std::to_string(*state.cursor()) : "-") << "\n";
  return out.str();
}

}  // namespace sk::integration
