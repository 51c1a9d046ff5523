#pragma once
// A game contact's first start: the enrollment code from a supervisor, the name the youth will
// see, and a passphrase that protects the private keys on this computer.

#include <string>

#include "views/view_context.hpp"

namespace sk::app {

struct EnrollState {
  std::string code;
  std::string name;
  std::string passphrase;
  std::string repeat;
  bool working = false;
  std::string error_key;
};

void draw_enroll(const ViewContext& ctx, EnrollState& state);

}  // namespace sk::app
