#pragma once
// What every view gets for one frame: the strings, the colours, where to send commands, and
// the probe for scripted input. Views hold no pointers to app state beyond this and their own
// view model and UI-only state.

#include <cstdint>
#include <string>

#include "app/commands.hpp"
#include "app/ui_probe.hpp"
#include "core/i18n/translator.hpp"
#include "core/theme/theme.hpp"

namespace sk::app {

struct ViewContext {
  const Translator& t;
  const Theme& theme;
  CommandSink& sink;
  UiProbe& probe;
  std::int64_t now_ms = 0;
  std::string zone;  // the viewer's IANA zone
};

}  // namespace sk::app
