#include "app/app.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/screenshot.hpp"
#include "app/style.hpp"
#include "views/bar_view.hpp"
#include "views/widgets.hpp"

namespace sk::app {
namespace {

constexpr int kHotkeyToggle = 1;
constexpr int kHotkeyHide = 2;

std::int64_t system_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

App* app_of(GLFWwindow* w) {
  return static_cast<App*>(glfwGetWindowUserPointer(w));
}

}  // namespace

App::App(AppOptions options) : options_(std::move(options)) {}

App::~App() {
  hotkeys_.reset();
  tricks_.reset();
  connection_.reset();
  if (imgui_ready_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
  }
  if (window_) glfwDestroyWindow(window_);
  glfwTerminate();
}

Result<std::unique_ptr<App>> App::create(AppOptions options) {
  std::unique_ptr<App> app(new App(std::move(options)));
  if (auto ok = app->init_profile(); !ok) return Unexpected{ok.error()};
  if (auto ok = app->init_window(); !ok) return Unexpected{ok.error()};
  return app;
}

std::int64_t App::now_ms() const {
  return options_.frozen_clock_ms.value_or(system_now_ms());
}

Result<void> App::init_profile() {
  auto t = Translator::load(options_.assets_dir / "i18n");
  if (!t) return Unexpected{t.error()};
  t_.emplace(std::move(*t));
  auto crisis = load_crisis_table(options_.assets_dir / "crisis_lines" / (options_.crisis_country + ".toml"));
  if (!crisis) return Unexpected{crisis.error()};
  crisis_ = std::move(*crisis);
  zone_ = options_.zone.value_or(system_zone_name());
  auto ws = Workspace::open(options_.profile_dir, [this] { return now_ms(); });
  if (!ws) return Unexpected{ws.error()};
  ws_ = std::move(*ws);
  if (options_.language) ws_->settings().language = *options_.language;
  t_->set_language(ws_->settings().language);
  if (auto stored = ws_->store().setting("ui.server_url"); stored && *stored && options_.server_url.empty()) {
    options_.server_url = **stored;
  }
  if (!options_.server_url.empty()) {
    auto c = make_client_connection(options_.profile_dir.string(), options_.server_url, [this] {
      woken_ = true;
      glfwPostEmptyEvent();
    });
    if (!c) return Unexpected{c.error()};
    connection_ = std::move(*c);
    (void)ws_->store().set_setting("ui.server_url", options_.server_url);
  } else {
    connection_ = make_offline_connection([this] {
      woken_ = true;
      glfwPostEmptyEvent();
    });
  }
  if (auto stored = ws_->store().setting("ui.reminded"); stored && *stored) {
    std::set<std::string> keys;
    std::istringstream in(**stored);
    for (std::string k; std::getline(in, k, ' ');) keys.insert(k);
    reminders_.restore(std::move(keys));
  }
  mode_ = options_.mode.value_or(ws_->settings().mode);
  if (!ws_->has_identity()) {
    screen_ = options_.contact ? Screen::kEnroll : Screen::kFirstStart;
    if (mode_ == WindowMode::kCompact) mode_ = WindowMode::kExpanded;
  } else {
    bool youth = ws_->role() == model::Role::kYouth;
    screen_ = youth ? Screen::kChat : Screen::kCaseload;
    locked_ = youth ? !ws_->settings().pin_hash.empty() : connection_->needs_unlock();
    if (locked_) {
      screen_ = Screen::kLocked;
      if (mode_ == WindowMode::kCompact) mode_ = WindowMode::kExpanded;
    } else {
      connection_->start_sync();
    }
  }
  if (options_.script) {
    std::ifstream in(*options_.script);
    std::stringstream text;
    text << in.rdbuf();
    auto steps = parse_script(text.str());
    if (!in || !steps)
      return fail("app.script", steps ? "cannot read " + options_.script->string() : steps.error().message);
    script_ = std::make_unique<ScriptRunner>(std::move(*steps));
  }
  rebuild_models();
  return {};
}

Result<void> App::init_window() {
  if (!glfwInit()) return fail("app.window", "no display (GLFW could not start)");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
  // Showing the bar must never take the focus from the game.
  glfwWindowHint(GLFW_FOCUS_ON_SHOW, GLFW_FALSE);
  glfwWindowHint(GLFW_FOCUSED, GLFW_FALSE);
  glfwWindowHint(GLFW_DECORATED, mode_ == WindowMode::kWindow ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_FLOATING, mode_ == WindowMode::kWindow ? GLFW_FALSE : GLFW_TRUE);
  window_ = glfwCreateWindow(420, 80, "Spillkontakt", nullptr, nullptr);
  if (!window_) return fail("app.window", "could not open a window with OpenGL 3");
  glfwSetWindowUserPointer(window_, this);
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(0);  // frames are rare; vsync would only add latency to the few we draw

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // places live in the profile's settings, per mode
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplGlfw_InitForOpenGL(window_, false);
  install_callbacks(window_);
  ImGui_ImplOpenGL3_Init("#version 130");
  imgui_ready_ = true;
  apply_style(theme_, ws_->settings().ui_scale);
  if (auto ok = load_fonts(options_.assets_dir / "fonts" / "DejaVuSans.ttf", ws_->settings().ui_scale); !ok) {
    std::fprintf(stderr, "spillkontakt: %s\n", ok.error().message.c_str());
  }

  auto wake = [this] {
    woken_ = true;
    glfwPostEmptyEvent();
  };
  tricks_ = make_window_tricks(window_, wake);
  notifier_ = make_notifier();
  hotkeys_ = make_global_hotkeys(wake);
  if (hotkeys_) {
    for (auto [id, text] : {std::pair{kHotkeyToggle, ws_->settings().hotkey},
                            std::pair{kHotkeyHide, ws_->settings().hide_hotkey}}) {
      auto chord = parse_key_chord(text);
      if (chord) (void)hotkeys_->bind(id, *chord);
    }
  }
  set_mode(mode_);
  glfwShowWindow(window_);
  // First start and the lock screen ask for typing at once, and no game is waiting for the keys
  // yet: these alone take the focus when they appear.
  if (!ws_->has_identity() || locked_) glfwFocusWindow(window_);
  return {};
}

void App::install_callbacks(GLFWwindow* w) {
  // ImGui's own callbacks, plus a note that input arrived so the loop draws a few frames.
  glfwSetWindowFocusCallback(w, [](GLFWwindow* win, int f) {
    ImGui_ImplGlfw_WindowFocusCallback(win, f);
    app_of(win)->input_seen_ = true;
  });
  glfwSetCursorEnterCallback(w, [](GLFWwindow* win, int e) {
    ImGui_ImplGlfw_CursorEnterCallback(win, e);
    app_of(win)->input_seen_ = true;
  });
  glfwSetCursorPosCallback(w, [](GLFWwindow* win, double, double) { app_of(win)->input_seen_ = true; });
  glfwSetMouseButtonCallback(w, [](GLFWwindow* win, int b, int a, int m) {
    ImGui_ImplGlfw_MouseButtonCallback(win, b, a, m);
    App* app = app_of(win);
    app->input_seen_ = true;
    app->last_input_ms_ = app->now_ms();
  });
  glfwSetScrollCallback(w, [](GLFWwindow* win, double x, double y) {
    ImGui_ImplGlfw_ScrollCallback(win, x, y);
    app_of(win)->input_seen_ = true;
  });
  glfwSetKeyCallback(w, [](GLFWwindow* win, int k, int s, int a, int m) {
    ImGui_ImplGlfw_KeyCallback(win, k, s, a, m);
    App* app = app_of(win);
    app->input_seen_ = true;
    app->last_input_ms_ = app->now_ms();
  });
  glfwSetCharCallback(w, [](GLFWwindow* win, unsigned c) {
    ImGui_ImplGlfw_CharCallback(win, c);
    app_of(win)->input_seen_ = true;
  });
  glfwSetWindowRefreshCallback(w, [](GLFWwindow* win) { app_of(win)->input_seen_ = true; });
  glfwSetFramebufferSizeCallback(w, [](GLFWwindow* win, int, int) { app_of(win)->input_seen_ = true; });
}

void App::rebuild_models() {
  bool youth = ws_->has_identity() && ws_->role() == model::Role::kYouth;
  models_ =
      build_screen_models(*ws_, selected_case_, now_ms(), zone_, t_->tr("word.and"),
                          t_->tr(youth ? "word.your_contact" : "word.the_youth"), states_.caseload_sort);
  if (!selected_case_ && models_.current) selected_case_ = models_.current->case_id;
  shown_countdown_ = models_.countdown;
}

void App::on_store_changed() {
  auto changed = ws_->refresh();
  if (!changed) {
    std::fprintf(stderr, "spillkontakt: %s\n", changed.error().message.c_str());
    return;
  }
  // A contact's card goes into each case that lacks the current one (a new case, new hours).
  if (auto wrote = ws_->introduce_to_cases(); !wrote) {
    std::fprintf(stderr, "spillkontakt: %s\n", wrote.error().message.c_str());
  } else if (*wrote) {
    connection_->nudge();
    (void)ws_->refresh();
  }
  std::size_t unread_before = models_.unread_total;
  rebuild_models();
  if (ws_->has_identity() && ws_->role() != model::Role::kYouth) invitations_ = connection_->invitations();
  // New messages while the bar can't be seen (hidden, or a fullscreen game): a notification.
  if (models_.unread_total > unread_before && (!visible_ || tricks_->foreground_is_fullscreen())) {
    (void)notifier_->show(
        t_->tr("notify.message_title"),
        t_->format("notify.message_body", {models_.current ? models_.current->other_name : ""}));
  }
  active_frames_ = std::max(active_frames_, 2);
  acknowledge_if_reading();
}

std::optional<std::int64_t> App::next_deadline() const {
  std::optional<std::int64_t> at;
  auto earliest = [&at](std::int64_t t) { at = at ? std::min(*at, t) : t; };
  std::int64_t now = now_ms();
  if (models_.current && models_.current->sessions.next) {
    earliest(next_change_ms(now, models_.current->sessions.next->plan.start.unix_ms));
    if (auto r = reminders_.next_deadline(models_.current->sessions, now, ws_->settings().reminder_minutes)) {
      earliest(*r);
    }
  }
  if (ws_->has_identity() && ws_->role() != model::Role::kYouth && !locked_) {
    earliest(last_input_ms_ + ws_->settings().lock_minutes * model::kMinuteMs);
  }
  return at;
}

void App::tick(bool& dirty) {
  std::int64_t now = now_ms();
  if (models_.current && models_.current->sessions.next) {
    std::int64_t start = models_.current->sessions.next->plan.start.unix_ms;
    Countdown c = countdown(now, start);
    bool differs = !shown_countdown_ || c.unit != shown_countdown_->unit ||
                   c.major != shown_countdown_->major || c.minor != shown_countdown_->minor;
    // A meeting that ended drops off: rebuild the schedule, not only the countdown text.
    if (differs || models_.current->sessions.next->plan.end().unix_ms <= now) {
      rebuild_models();
      dirty = true;
    }
    if (auto due = reminders_.due(models_.current->sessions, now, ws_->settings().reminder_minutes)) {
      std::string body = t_->format("notify.reminder_body",
                                    {due->title, clock_text(to_local(due->plan.start.unix_ms, zone_))});
      bar_notice_ = body;
      if (!visible_ || tricks_->foreground_is_fullscreen())
        (void)notifier_->show(t_->tr("notify.reminder_title"), body);
      std::string keys;
      for (const auto& k : reminders_.reminded()) keys += (keys.empty() ? "" : " ") + k;
      (void)ws_->store().set_setting("ui.reminded", keys);
      dirty = true;
    }
  }
  if (ws_->has_identity() && ws_->role() != model::Role::kYouth && !locked_ && last_input_ms_ > 0 &&
      now - last_input_ms_ >= ws_->settings().lock_minutes * model::kMinuteMs) {
    locked_ = true;
    screen_ = Screen::kLocked;
    dirty = true;
  }
}

int App::run() {
  last_input_ms_ = now_ms();
  while (!glfwWindowShouldClose(window_) && !exit_code_) {
    bool scripted = script_ && !script_->finished();
    if (active_frames_ > 0 || scripted) {
      glfwPollEvents();
    } else if (auto deadline = next_deadline()) {
      double wait = std::max<double>(0.001, static_cast<double>(*deadline - now_ms()) / 1000.0);
      glfwWaitEventsTimeout(wait);
    } else {
      glfwWaitEvents();
    }
    if (woken_.exchange(false)) {
      ConnectionEvents ev = connection_->poll();
      if (ev.store_changed) on_store_changed();
      if (ev.first_start) {
        if (*ev.first_start) {
          on_store_changed();
          connection_->start_sync();
          screen_ = ws_->role() == model::Role::kYouth ? Screen::kChat : Screen::kCaseload;
          // A contact's daily work is desk work: the normal window.
          if (ws_->role() != model::Role::kYouth) set_mode(WindowMode::kWindow);
        } else {
          const std::string& code = ev.first_start->error().code;
          std::string key = code == "client.key_mismatch"   ? "first.error_mismatch"
                            : code == "app.no_server"       ? "first.error_no_server"
                            : code == "client.code_expired" ? "first.error_expired"
                                                            : "first.error_generic";
          states_.first_start.error_key = key;
          states_.first_start.step = FirstStartState::Step::kCode;
          states_.first_start.working = false;
          states_.enroll.error_key = key;
          states_.enroll.working = false;
        }
      }
      if (ev.invited) {
        states_.invite.working = false;
        if (*ev.invited) {
          states_.invite.name.clear();
          states_.invite.error_key.clear();
        } else {
          states_.invite.error_key = "invite.failed";
        }
        invitations_ = connection_->invitations();
      }
      if (ev.unlocked) {
        if (*ev.unlocked) {
          locked_ = false;
          screen_ = Screen::kCaseload;
          connection_->start_sync();
          on_store_changed();
        } else {
          states_.lock.wrong = true;
        }
      }
      active_frames_ = std::max(active_frames_, 1);
      if (hotkeys_) {
        for (int id : hotkeys_->take_pressed()) {
          if (id == kHotkeyToggle) toggle_visible();
          if (id == kHotkeyHide) hide();
        }
      }
    }
    bool dirty = false;
    tick(dirty);
    if (dirty) active_frames_ = std::max(active_frames_, 1);
    if (std::exchange(input_seen_, false)) active_frames_ = 3;
    if (active_frames_ > 0 || scripted) {
      frame();
      if (active_frames_ > 0) --active_frames_;
    }
  }
  if (script_ && script_->error()) {
    std::fprintf(stderr, "spillkontakt: %s\n", script_->error()->c_str());
    return 3;
  }
  return exit_code_.value_or(0);
}

}  // namespace sk::app
