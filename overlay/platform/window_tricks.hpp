#pragma once
// What an overlay needs from the window system beyond GLFW, behind one small interface:
//  - a bar that never takes the keyboard focus from the game when shown or clicked,
//  - click-through (the pinned bar lets clicks pass to the game),
//  - raising itself again when a game covers it, without taking focus,
//  - telling whether the active window is fullscreen (then reminders go out as notifications),
//  - telling which app is in front, and when that changes (ui.show_over),
//  - giving the focus back to the window that had it before the panel was opened.
//
// X11 (window_tricks_x11.cpp): WM_HINTS input=False, an empty XShape input region, a
// VisibilityNotify watcher on its own connection, _NET_ACTIVE_WINDOW / _NET_WM_STATE_FULLSCREEN.
// Windows (not buildable here): WS_EX_NOACTIVATE | WS_EX_TOOLWINDOW, WS_EX_TRANSPARENT |
// WS_EX_LAYERED, SetWindowPos(HWND_TOPMOST, SWP_NOACTIVATE) on a WM_WINDOWPOSCHANGED watch,
// SHQueryUserNotificationState for fullscreen, SetForegroundWindow for focus return.
// macOS: NSPanel with nonactivatingPanel, ignoresMouseEvents, NSWindowLevel floating.

#include <functional>
#include <memory>
#include <string>
#include <vector>

struct GLFWwindow;

namespace sk::app {

class WindowTricks {
 public:
  virtual ~WindowTricks() = default;
  virtual void set_takes_focus(bool takes_focus) = 0;
  virtual void set_click_through(bool click_through) = 0;
  virtual void set_stay_on_top(bool on_top) = 0;  // re-raise when covered (no focus taken)
  [[nodiscard]] virtual bool foreground_is_fullscreen() = 0;
  // The names of the app in front (X11: WM_CLASS instance and class of _NET_ACTIVE_WINDOW); empty
  // when unknown or when it is this window. Windows: the exe name of GetForegroundWindow's
  // process; macOS: NSWorkspace.frontmostApplication's bundle id.
  [[nodiscard]] virtual std::vector<std::string> foreground_names() = 0;
  // Whether the app in front changed since the last call (the watcher also wakes the UI).
  [[nodiscard]] virtual bool take_foreground_changed() = 0;
  virtual void remember_focus() = 0;  // the currently active window, if it is not ours
  virtual void return_focus() = 0;    // activate the remembered window again
};

std::unique_ptr<WindowTricks> make_window_tricks(GLFWwindow* window, std::function<void()> wake);

}  // namespace sk::app
