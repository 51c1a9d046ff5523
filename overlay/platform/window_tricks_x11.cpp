#define GLFW_EXPOSE_NATIVE_X11
#include <GLFW/glfw3.h>
#include <GLFW/glfw3native.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/shape.h>
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "platform/window_tricks.hpp"

namespace sk::app {
namespace {

Window read_window_property(Display* d, Window w, Atom property) {
  Atom type = None;
  int format = 0;
  unsigned long count = 0, after = 0;
  unsigned char* data = nullptr;
  Window result = None;
  if (XGetWindowProperty(d, w, property, 0, 1, False, XA_WINDOW, &type, &format, &count, &after, &data) ==
          Success &&
      data && count == 1 && format == 32) {
    result = *reinterpret_cast<Window*>(data);
  }
  if (data) XFree(data);
  return result;
}

class X11WindowTricks final : public WindowTricks {
 public:
  X11WindowTricks(GLFWwindow* window, std::function<void()> wake)
      : display_(glfwGetX11Display()), window_(glfwGetX11Window(window)), wake_(std::move(wake)) {
    watch_display_ = XOpenDisplay(nullptr);
    if (watch_display_ && pipe(stop_pipe_) == 0) {
      XSelectInput(watch_display_, window_, VisibilityChangeMask);
      // The root's _NET_ACTIVE_WINDOW changes when another app comes to the front (ui.show_over).
      XSelectInput(watch_display_, DefaultRootWindow(watch_display_), PropertyChangeMask);
      net_active_window_ = XInternAtom(watch_display_, "_NET_ACTIVE_WINDOW", False);
      XFlush(watch_display_);
      thread_ = std::thread([this] { watch(); });
    }
  }
  ~X11WindowTricks() override {
    if (thread_.joinable()) {
      (void)!write(stop_pipe_[1], "x", 1);
      thread_.join();
      close(stop_pipe_[0]);
      close(stop_pipe_[1]);
    }
    if (watch_display_) XCloseDisplay(watch_display_);
  }

  void set_takes_focus(bool takes_focus) override {
    // ICCCM "No Input" model: with input=False (and no WM_TAKE_FOCUS) the window manager does not
    // give the window the keyboard focus, not when it is mapped and not when it is clicked.
    XWMHints* hints = XGetWMHints(display_, window_);
    XWMHints fresh{};
    XWMHints* h = hints ? hints : &fresh;
    h->flags |= InputHint;
    h->input = takes_focus ? True : False;
    XSetWMHints(display_, window_, h);
    if (hints) XFree(hints);
    XFlush(display_);
  }

  void set_click_through(bool click_through) override {
    if (click_through) {
      // An empty input region: the X server sends every click to the window below.
      XShapeCombineRectangles(display_, window_, ShapeInput, 0, 0, nullptr, 0, ShapeSet, Unsorted);
    } else {
      XShapeCombineMask(display_, window_, ShapeInput, 0, 0, None, ShapeSet);
    }
    XFlush(display_);
  }

  void set_stay_on_top(bool on_top) override { stay_on_top_ = on_top; }

  bool foreground_is_fullscreen() override {
    Window active = active_window();
    if (active == None || active == window_) return false;
    Atom state = XInternAtom(display_, "_NET_WM_STATE", False);
    Atom fullscreen = XInternAtom(display_, "_NET_WM_STATE_FULLSCREEN", False);
    Atom type = None;
    int format = 0;
    unsigned long count = 0, after = 0;
    unsigned char* data = nullptr;
    bool result = false;
    if (XGetWindowProperty(display_, active, state, 0, 64, False, XA_ATOM, &type, &format, &count, &after,
                           &data) == Success &&
        data && format == 32) {
      auto* atoms = reinterpret_cast<Atom*>(data);
      for (unsigned long i = 0; i < count; ++i) result = result || atoms[i] == fullscreen;
    }
    if (data) XFree(data);
    return result;
  }

  std::vector<std::string> foreground_names() override {
    Window active = active_window();
    if (active == None || active == window_) return {};
    XClassHint hint{};
    if (!XGetClassHint(display_, active, &hint)) return {};
    std::vector<std::string> names;
    if (hint.res_name) names.emplace_back(hint.res_name);
    if (hint.res_class) names.emplace_back(hint.res_class);
    if (hint.res_name) XFree(hint.res_name);
    if (hint.res_class) XFree(hint.res_class);
    return names;
  }

  bool take_foreground_changed() override { return foreground_changed_.exchange(false); }

  void remember_focus() override {
    Window active = active_window();
    if (active != None && active != window_) previous_ = active;
  }

  void return_focus() override {
    if (previous_ == None) return;
    XEvent ev{};
    ev.xclient.type = ClientMessage;
    ev.xclient.window = previous_;
    ev.xclient.message_type = XInternAtom(display_, "_NET_ACTIVE_WINDOW", False);
    ev.xclient.format = 32;
    ev.xclient.data.l[0] = 2;  // source: a pager/tool acting for the user
    ev.xclient.data.l[1] = CurrentTime;
    XSendEvent(display_, DefaultRootWindow(display_), False,
               SubstructureRedirectMask | SubstructureNotifyMask, &ev);
    XFlush(display_);
  }

 private:
  Window active_window() {
    return read_window_property(display_, DefaultRootWindow(display_),
                                XInternAtom(display_, "_NET_ACTIVE_WINDOW", False));
  }

  // A game that makes itself topmost covers the bar; X tells us with VisibilityNotify, so the
  // bar raises itself at once instead of polling. Raising does not move the focus.
  void watch() {
    pollfd fds[2] = {{ConnectionNumber(watch_display_), POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
    for (;;) {
      while (XPending(watch_display_)) {
        XEvent ev;
        XNextEvent(watch_display_, &ev);
        if (ev.type == VisibilityNotify && ev.xvisibility.state != VisibilityUnobscured && stay_on_top_) {
          XRaiseWindow(watch_display_, window_);
          XFlush(watch_display_);
        }
        if (ev.type == PropertyNotify && ev.xproperty.atom == net_active_window_) {
          foreground_changed_ = true;
          wake_();
        }
      }
      if (poll(fds, 2, -1) < 0) continue;
      if (fds[1].revents) return;
    }
  }

  Display* display_;
  Window window_;
  std::function<void()> wake_;
  Display* watch_display_ = nullptr;
  int stop_pipe_[2] = {-1, -1};
  std::thread thread_;
  std::atomic<bool> stay_on_top_{false};
  std::atomic<bool> foreground_changed_{false};
  Atom net_active_window_ = None;
  Window previous_ = None;
};

}  // namespace

std::unique_ptr<WindowTricks> make_window_tricks(GLFWwindow* window, std::function<void()> wake) {
  return std::make_unique<X11WindowTricks>(window, std::move(wake));
}

}  // namespace sk::app
