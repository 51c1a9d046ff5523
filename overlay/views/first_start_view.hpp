#pragma once
// The youth's first start, three screens: "I got a code from my game contact" → the code → a
// nickname. No email, phone or password. The key check behind the code happens silently; only a
// mismatch shows, as a calm warning.

#include <string>

#include "views/view_context.hpp"

namespace sk::app {

struct FirstStartState {
  enum class Step { kWelcome, kCode, kNickname };
  Step step = Step::kWelcome;
  std::string code;
  std::string nickname;
  std::string error_key;  // a catalog key, empty when all is well
  bool working = false;   // the join is on its way: the nickname screen says so and waits
};

void draw_first_start(const ViewContext& ctx, FirstStartState& state);

}  // namespace sk::app
