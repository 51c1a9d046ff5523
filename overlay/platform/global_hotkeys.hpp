#pragma once
// Global hotkeys: a key chord that works while a game has the focus, to show/hide the app or to
// make the pinned bar interactive. Presses arrive on a platform thread; take_pressed() hands
// them to the UI thread, which `wake` (glfwPostEmptyEvent) has woken.
//
// Implementations: X11 XGrabKey on the root window (this file's .cpp, with its own connection and
// a thread blocked in poll(), so it costs nothing while idle). Windows: RegisterHotKey on a
// message-only window, WM_HOTKEY → the same queue. macOS: Carbon RegisterEventHotKey (still the
// supported API for global hotkeys). The last two can't be built here.

#include <functional>
#include <memory>
#include <vector>

#include "core/platform/key_chord.hpp"
#include "sk/core/result.hpp"

namespace sk::app {

class GlobalHotkeys {
 public:
  virtual ~GlobalHotkeys() = default;
  // Replaces any chord bound to `id`. app.hotkey_taken when another program holds it.
  virtual Result<void> bind(int id, const KeyChord& chord) = 0;
  // Ids pressed since the last call, oldest first.
  virtual std::vector<int> take_pressed() = 0;
};

// nullptr when the platform has no global hotkeys (e.g. Wayland without a portal).
std::unique_ptr<GlobalHotkeys> make_global_hotkeys(std::function<void()> wake);

}  // namespace sk::app
