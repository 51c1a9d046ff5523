#include <X11/XKBlib.h>
#include <X11/Xlib.h>
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "platform/global_hotkeys.hpp"

namespace sk::app {
namespace {

// X errors (BadAccess when another client holds the grab) arrive asynchronously; this handler
// is installed only around our own XSync after a grab.
std::atomic<bool> g_grab_failed{false};  // NOLINT: Xlib's error handler API has no user data
int on_grab_error(Display*, XErrorEvent* e) {
  if (e->error_code == BadAccess) g_grab_failed = true;
  return 0;
}

class X11Hotkeys final : public GlobalHotkeys {
 public:
  X11Hotkeys(Display* d, std::function<void()> wake) : display_(d), wake_(std::move(wake)) {
    if (pipe(stop_pipe_) != 0) stop_pipe_[0] = stop_pipe_[1] = -1;
    thread_ = std::thread([this] { run(); });
  }
  ~X11Hotkeys() override {
    if (stop_pipe_[1] >= 0) (void)!write(stop_pipe_[1], "x", 1);
    thread_.join();
    XCloseDisplay(display_);
    close(stop_pipe_[0]);
    close(stop_pipe_[1]);
  }

  Result<void> bind(int id, const KeyChord& chord) override {
    std::lock_guard lock(mutex_);
    Window root = DefaultRootWindow(display_);
    if (auto it = grabs_.find(id); it != grabs_.end()) {
      for (unsigned extra : kLockMasks) XUngrabKey(display_, it->second.code, it->second.mods | extra, root);
      grabs_.erase(it);
    }
    KeySym sym = XStringToKeysym(chord.key.c_str());
    KeyCode code = sym == NoSymbol ? 0 : XKeysymToKeycode(display_, sym);
    if (code == 0) return fail("app.hotkey", "no key " + chord.key + " on this keyboard");
    unsigned mods = (chord.ctrl ? ControlMask : 0) | (chord.shift ? ShiftMask : 0) |
                    (chord.alt ? Mod1Mask : 0) | (chord.super ? Mod4Mask : 0);
    g_grab_failed = false;
    XErrorHandler previous = XSetErrorHandler(on_grab_error);
    // Grab with every combination of Caps Lock and Num Lock, or the chord fails while one is on.
    for (unsigned extra : kLockMasks)
      XGrabKey(display_, code, mods | extra, root, False, GrabModeAsync, GrabModeAsync);
    XSync(display_, False);
    XSetErrorHandler(previous);
    if (g_grab_failed) {
      for (unsigned extra : kLockMasks) XUngrabKey(display_, code, mods | extra, root);
      XFlush(display_);
      return fail("app.hotkey_taken", to_string(chord) + " is used by another program");
    }
    grabs_[id] = Grab{code, mods};
    drain();  // XSync may have read events the polling thread will not be woken for
    return {};
  }

  std::vector<int> take_pressed() override {
    std::lock_guard lock(mutex_);
    return std::exchange(pressed_, {});
  }

 private:
  struct Grab {
    KeyCode code;
    unsigned mods;
  };
  static constexpr unsigned kLockMasks[] = {0, LockMask, Mod2Mask, LockMask | Mod2Mask};

  void run() {
    pollfd fds[2] = {{ConnectionNumber(display_), POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
    for (;;) {
      {
        std::lock_guard lock(mutex_);
        drain();
      }
      if (poll(fds, 2, -1) < 0) continue;
      if (fds[1].revents) return;
    }
  }

  void drain() {  // mutex_ held
    bool any = false;
    while (XPending(display_)) {
      XEvent ev;
      XNextEvent(display_, &ev);
      if (ev.type != KeyPress) continue;
      unsigned state = ev.xkey.state & ~(LockMask | Mod2Mask);
      for (const auto& [id, grab] : grabs_) {
        if (grab.code == ev.xkey.keycode && grab.mods == state) {
          pressed_.push_back(id);
          any = true;
        }
      }
    }
    if (any) wake_();
  }

  Display* display_;
  std::function<void()> wake_;
  std::mutex mutex_;
  std::map<int, Grab> grabs_;
  std::vector<int> pressed_;
  int stop_pipe_[2] = {-1, -1};
  std::thread thread_;
};

}  // namespace

std::unique_ptr<GlobalHotkeys> make_global_hotkeys(std::function<void()> wake) {
  Display* d = XOpenDisplay(nullptr);
  if (!d) return nullptr;
  return std::make_unique<X11Hotkeys>(d, std::move(wake));
}

}  // namespace sk::app
