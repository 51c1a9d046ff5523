#pragma once
// App: the UI thread. Owns the window, Dear ImGui's context, the profile's Workspace and the
// view models, and runs Tracy's loop shape: block in glfwWaitEventsTimeout until input, a
// "store changed" wake-up from the sync engine, or the next visible change of a time (the
// countdown's next minute, a reminder); then draw a few frames and block again. No frame is
// drawn while nothing changes.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/commands.hpp"
#include "app/connection.hpp"
#include "app/screen_models.hpp"
#include "app/script_runner.hpp"
#include "app/ui_probe.hpp"
#include "core/help/crisis_lines.hpp"
#include "core/i18n/translator.hpp"
#include "core/theme/theme.hpp"
#include "core/workspace.hpp"
#include "platform/global_hotkeys.hpp"
#include "platform/notifier.hpp"
#include "platform/window_tricks.hpp"
#include "view_models/reminder_planner.hpp"
#include "views/panel_view.hpp"

struct GLFWwindow;

namespace sk::app {

struct AppOptions {
  std::filesystem::path profile_dir;
  std::filesystem::path assets_dir;
  std::optional<WindowMode> mode;
  std::optional<Language> language;
  std::optional<std::filesystem::path> script;
  std::optional<std::int64_t> frozen_clock_ms;  // screenshots and tests: a fixed "now"
  std::string server_url;                       // empty: remembered one, or offline
  std::string crisis_country = "NO";
  std::optional<std::string> zone;  // the viewer's zone; default from the OS
  bool contact = false;             // first start as a game contact (enrollment)
};

class App {
 public:
  static Result<std::unique_ptr<App>> create(AppOptions options);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Runs until the window closes or a script quits. Returns the process exit code.
  int run();

  // Frames drawn so far (the benchmark reads it through --report-frames).
  [[nodiscard]] std::int64_t frames() const { return frames_; }

 private:
  explicit App(AppOptions options);
  Result<void> init_window();
  Result<void> init_profile();

  std::int64_t now_ms() const;
  void rebuild_models();
  void on_store_changed();
  std::optional<std::int64_t> next_deadline() const;
  void tick(bool& dirty);
  void frame();
  void draw_root();
  void apply(const Command& c);
  void apply_settings(const AppSettings& next);
  void record(const Result<model::EventId>& written);
  void acknowledge_if_reading();  // a read receipt for what the open chat shows

  // window_modes.cpp
  void set_mode(WindowMode mode);
  void place_window();
  void remember_place();
  void handle_drag();
  void hide();
  void toggle_visible();
  // ui.show_over: hides the compact bar while another app is in front, shows it again when a
  // listed one comes back (but never shows a bar the user hid).
  void follow_foreground();
  void set_pinned_interactive(bool interactive);
  [[nodiscard]] float bar_height() const;

  static void install_callbacks(GLFWwindow* w);

  AppOptions options_;
  GLFWwindow* window_ = nullptr;
  bool imgui_ready_ = false;
  std::unique_ptr<Workspace> ws_;
  std::unique_ptr<Connection> connection_;
  std::optional<Translator> t_;
  CrisisTable crisis_;
  Theme theme_ = calm_theme();
  std::string zone_;
  std::optional<model::CaseId> selected_case_;
  Screen screen_ = Screen::kChat;
  WindowMode mode_ = WindowMode::kCompact;
  bool visible_ = true;
  bool pinned_interactive_ = false;
  bool hidden_for_foreground_ = false;  // hidden by follow_foreground(), not by the user
  ScreenModels models_;
  std::vector<InvitationView> invitations_;  // contacts: pairing codes made on this device
  ViewStates states_;
  CommandSink sink_;
  UiProbe probe_;
  ReminderPlanner reminders_;
  std::optional<model::EventId> acked_;
  std::optional<std::string> bar_notice_;  // a reminder shown in the bar
  std::unique_ptr<GlobalHotkeys> hotkeys_;
  std::unique_ptr<WindowTricks> tricks_;
  std::unique_ptr<Notifier> notifier_;
  std::unique_ptr<ScriptRunner> script_;
  ScriptRunner::Request script_request_;
  int screens_seen_ = 1;
  std::int64_t frames_ = 0;
  int active_frames_ = 3;
  bool input_seen_ = false;
  bool fonts_dirty_ = false;
  std::atomic<bool> woken_{false};
  std::optional<Countdown> shown_countdown_;
  std::int64_t last_input_ms_ = 0;
  bool locked_ = false;
  std::optional<int> exit_code_;
  // Dragging an undecorated window: the grab point inside the window.
  bool dragging_ = false;
  double grab_x_ = 0, grab_y_ = 0;
};

}  // namespace sk::app
