#pragma once
// The lock screen: the youth's optional app PIN (a curtain on a shared family PC), or the
// contact's passphrase after inactivity. Nothing of the case shows behind it.

#include <string>

#include "views/view_context.hpp"

namespace sk::app {

struct LockState {
  std::string secret;
  bool wrong = false;
};

void draw_lock(const ViewContext& ctx, LockState& state, bool youth);

}  // namespace sk::app
