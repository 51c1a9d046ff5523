// App: the three window modes (compact bar, expanded panel, desk window), their remembered
// places, dragging the undecorated ones, hiding, and the pinned click-through bar.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/app.hpp"
#include "app/style.hpp"
#include "core/platform/show_over.hpp"

namespace sk::app {
namespace {

constexpr int kBarWidth = 460;
constexpr int kPanelWidth = 500;
constexpr int kPanelHeight = 600;
constexpr int kDeskWidth = 1000;
constexpr int kDeskHeight = 700;

}  // namespace

float App::bar_height() const {
  // Known before the first frame (ImGui::GetFontSize() is only set inside a frame).
  const ImGuiStyle& s = ImGui::GetStyle();
  return std::round(kFontPixels * ws_->settings().ui_scale) + s.FramePadding.y * 2 + s.WindowPadding.y * 2;
}

void App::place_window() {
  const AppSettings& s = ws_->settings();
  const WindowPlace& p = s.places[static_cast<std::size_t>(mode_)];
  float scale = s.ui_scale;
  int w = 0, h = 0;
  switch (mode_) {
    case WindowMode::kCompact:
      w = static_cast<int>(kBarWidth * scale);
      h = static_cast<int>(bar_height()) + 1;
      break;
    case WindowMode::kExpanded:
      w = std::max(p.width, static_cast<int>(kPanelWidth * scale));
      h = p.height > 0 ? p.height : static_cast<int>(kPanelHeight * scale);
      break;
    case WindowMode::kWindow:
      w = p.width > 0 ? p.width : static_cast<int>(kDeskWidth * scale);
      h = p.height > 0 ? p.height : static_cast<int>(kDeskHeight * scale);
      break;
  }
  glfwSetWindowSize(window_, w, h);
  int x = p.x, y = p.y;
  if (x < 0 || y < 0) {
    // First time: the top right corner of the primary monitor's work area, out of the game's way.
    int ax = 0, ay = 0, aw = 1280, ah = 720;
    if (GLFWmonitor* m = glfwGetPrimaryMonitor()) glfwGetMonitorWorkarea(m, &ax, &ay, &aw, &ah);
    x = ax + aw - w - 24;
    y = ay + 24;
  }
  glfwSetWindowPos(window_, x, y);
}

void App::set_mode(WindowMode mode) {
  WindowMode before = mode_;
  if (!ws_->has_identity() || locked_) mode = std::max(mode, WindowMode::kExpanded);
  mode_ = mode;
  glfwSetWindowAttrib(window_, GLFW_DECORATED, mode == WindowMode::kWindow ? GLFW_TRUE : GLFW_FALSE);
  glfwSetWindowAttrib(window_, GLFW_FLOATING, mode == WindowMode::kWindow ? GLFW_FALSE : GLFW_TRUE);
  glfwSetWindowAttrib(window_, GLFW_RESIZABLE, mode == WindowMode::kCompact ? GLFW_FALSE : GLFW_TRUE);
  glfwSetWindowOpacity(window_, ws_->settings().opacity);
  bool compact = mode == WindowMode::kCompact;
  // The bar never takes the keyboard: a click on it leaves the game focused. The panel takes it
  // (the chat needs typing) and gives it back to the game when it folds into the bar again.
  if (!compact && before == WindowMode::kCompact) tricks_->remember_focus();
  tricks_->set_takes_focus(!compact);
  tricks_->set_stay_on_top(compact);
  pinned_interactive_ = false;
  tricks_->set_click_through(compact && ws_->settings().pinned);
  place_window();
  if (compact && before != WindowMode::kCompact) tricks_->return_focus();
  if (ws_->settings().mode != mode && ws_->has_identity()) {
    ws_->settings().mode = mode;
    (void)ws_->save_settings();
  }
  active_frames_ = std::max(active_frames_, 3);
  acknowledge_if_reading();
}

void App::remember_place() {
  int x = 0, y = 0, w = 0, h = 0;
  glfwGetWindowPos(window_, &x, &y);
  glfwGetWindowSize(window_, &w, &h);
  WindowPlace& p = ws_->settings().places[static_cast<std::size_t>(mode_)];
  WindowPlace next{x, y, mode_ == WindowMode::kCompact ? 0 : w, mode_ == WindowMode::kCompact ? 0 : h};
  if (p == next) return;
  p = next;
  (void)ws_->save_settings();
}

void App::handle_drag() {
  if (mode_ == WindowMode::kWindow) return;  // the window manager's title bar moves it
  ImGuiIO& io = ImGui::GetIO();
  if (!dragging_ && ImGui::IsMouseClicked(0) && !ImGui::IsAnyItemHovered() && !ImGui::IsAnyItemActive() &&
      io.MousePos.x >= 0) {
    dragging_ = true;
    glfwGetCursorPos(window_, &grab_x_, &grab_y_);
  }
  if (!dragging_) return;
  if (!ImGui::IsMouseDown(0)) {
    dragging_ = false;
    remember_place();
    return;
  }
  double cx = 0, cy = 0;
  glfwGetCursorPos(window_, &cx, &cy);
  if (cx == grab_x_ && cy == grab_y_) return;
  int wx = 0, wy = 0;
  glfwGetWindowPos(window_, &wx, &wy);
  glfwSetWindowPos(window_, wx + static_cast<int>(cx - grab_x_), wy + static_cast<int>(cy - grab_y_));
}

void App::hide() {
  glfwHideWindow(window_);
  visible_ = false;
  hidden_for_foreground_ = false;
}

void App::follow_foreground() {
  const std::string& list = ws_->settings().show_over;
  if (list.empty() || mode_ != WindowMode::kCompact) return;  // only the bar beside the game follows
  const bool wanted = bar_belongs_over(tricks_->foreground_names(), list);
  if (!wanted && visible_) {
    hide();
    hidden_for_foreground_ = true;
  } else if (wanted && hidden_for_foreground_) {
    hidden_for_foreground_ = false;
    toggle_visible();
  }
}

void App::toggle_visible() {
  if (!visible_) {
    glfwShowWindow(window_);  // GLFW_FOCUS_ON_SHOW is off: the game keeps the focus
    visible_ = true;
    active_frames_ = std::max(active_frames_, 2);
    return;
  }
  // Pinned and click-through: the hotkey makes the bar interactive until it is folded again.
  if (mode_ == WindowMode::kCompact && ws_->settings().pinned) {
    set_pinned_interactive(!pinned_interactive_);
    return;
  }
  hide();
}

void App::set_pinned_interactive(bool interactive) {
  pinned_interactive_ = interactive;
  tricks_->set_click_through(!interactive);
  active_frames_ = std::max(active_frames_, 2);
}

}  // namespace sk::app
