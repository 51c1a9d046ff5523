// App: one frame, from input to swap. Only runs when the loop in app.cpp decided something
// changed.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <chrono>
#include <cstdio>

#include "app/app.hpp"
#include "app/screenshot.hpp"
#include "app/style.hpp"
#include "views/bar_view.hpp"
#include "views/widgets.hpp"

namespace sk::app {

void App::frame() {
  if (fonts_dirty_) {
    apply_style(theme_, ws_->settings().ui_scale);
    (void)load_fonts(options_.assets_dir / "fonts" / "DejaVuSans.ttf", ws_->settings().ui_scale);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    fonts_dirty_ = false;
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  // The bar never has the keyboard focus, but it must still see the mouse over it.
  if (glfwGetWindowAttrib(window_, GLFW_HOVERED) && !glfwGetWindowAttrib(window_, GLFW_FOCUSED)) {
    double x = 0, y = 0;
    glfwGetCursorPos(window_, &x, &y);
    io.MousePos = ImVec2(static_cast<float>(x), static_cast<float>(y));
  }
  if (script_ && !script_->finished()) {
    auto monotonic = std::chrono::steady_clock::now().time_since_epoch();
    script_request_ = script_->before_frame(
        probe_, std::chrono::duration_cast<std::chrono::milliseconds>(monotonic).count());
    if (script_request_.mode) {
      WindowMode m = *script_request_.mode == "window"     ? WindowMode::kWindow
                     : *script_request_.mode == "expanded" ? WindowMode::kExpanded
                                                           : WindowMode::kCompact;
      set_mode(m);
    }
    if (script_request_.report) {
      std::printf("{\"screens\":%d,\"keystrokes\":%d,\"clicks\":%d}\n", screens_seen_, script_->keystrokes(),
                  script_->clicks());
      std::fflush(stdout);
    }
    if (script_request_.quit) exit_code_ = 0;
  }
  probe_.begin_frame();
  Screen before = screen_;
  auto first_step = states_.first_start.step;
  ImGui::NewFrame();
  draw_root();
  handle_drag();
  ImGui::Render();
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(theme_.window_bg.r, theme_.window_bg.g, theme_.window_bg.b, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (script_request_.screenshot) {
    auto info = capture_png(*script_request_.screenshot, w, h);
    script_->screenshot_done(info ? Result<int>(info->distinct_colours)
                                  : Result<int>(Unexpected{info.error()}));
    script_request_.screenshot.reset();
  }
  glfwSwapBuffers(window_);
  ++frames_;
  if (script_ && script_->error()) exit_code_ = 3;

  for (Command& c : sink_.take()) apply(c);
  // Screens the user has seen during the first start (the low-threshold measure): one more for
  // each step of it; the app proper after a successful join is where it ends.
  if (states_.first_start.step != first_step && screen_ == Screen::kFirstStart) ++screens_seen_;
  if (screen_ != before || states_.first_start.step != first_step) {
    active_frames_ = std::max(active_frames_, 2);
  }
}

void App::draw_root() {
  ViewContext ctx{*t_, theme_, sink_, probe_, now_ms(), zone_};
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (mode_ == WindowMode::kCompact) flags |= ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoNav;
  // "###root": the window keeps its state (scroll, focus) when the language changes its title.
  ImGui::Begin((std::string(t_->tr("window.title")) + "###root").c_str(), nullptr, flags);
  if (mode_ == WindowMode::kCompact && !locked_ && ws_->has_identity()) {
    draw_bar(ctx, models_, ws_->settings().pinned && !pinned_interactive_);
    if (bar_notice_) {
      ImGui::SameLine();
      ui::muted(ctx, bar_notice_->c_str());
    }
  } else {
    PanelInput in{screen_,
                  ws_->has_identity() ? ws_->role() : model::Role::kYouth,
                  models_,
                  ws_->settings(),
                  crisis_,
                  invitations_,
                  ws_->has_identity() && !locked_ && mode_ != WindowMode::kWindow};
    draw_panel(ctx, in, states_);
  }
  ImGui::End();
}

}  // namespace sk::app
