#pragma once
// ScriptRunner: the scripted input mode (--script FILE) used by the window tests and to make the
// screenshots. It drives the real app the way a person would, through Dear ImGui's input:
//
//   click ID          move the mouse to the widget tagged ID (UiProbe) and click it
//   type TEXT         type the rest of the line, one character at a time
//   key NAME          press enter, tab, escape or backspace
//   wait-for ID [S]   until a widget tagged ID is drawn (at most S seconds, default 10)
//   wait-ms N         let N ms of real time pass (the sync engine works meanwhile)
//   screenshot PATH   save the next frame as PNG; fails on a blank frame
//   mode NAME         compact, expanded or window
//   report            print {"screens":…,"keystrokes":…,"clicks":…} on stdout
//   quit
//
// Keystrokes count typed characters and keys; clicks count clicks. Lines starting with # are
// comments. Any failure stops the app with exit code 3 and a message naming the line.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/ui_probe.hpp"
#include "sk/core/result.hpp"

namespace sk::app {

struct ScriptStep {
  std::string verb;
  std::string arg;
  int line = 0;
  std::int64_t limit_ms = 10'000;  // how long a step may wait; `wait-for ID SECONDS` sets it
};

Result<std::vector<ScriptStep>> parse_script(const std::string& text);

class ScriptRunner {
 public:
  explicit ScriptRunner(std::vector<ScriptStep> steps) : steps_(std::move(steps)) {}

  // What the app must do for the current step, decided between the backend's NewFrame and
  // ImGui::NewFrame (input injected into ImGuiIO here).
  struct Request {
    std::optional<std::string> screenshot;  // capture this frame to the path
    std::optional<std::string> mode;
    bool report = false;
    bool quit = false;
  };
  // `now_ms` is a monotonic clock (never the app's frozen test clock), for waits and time limits.
  Request before_frame(const UiProbe& probe, std::int64_t now_ms);
  // After the frame: a screenshot's outcome.
  void screenshot_done(const Result<int>& distinct_colours);

  [[nodiscard]] bool finished() const { return index_ >= steps_.size(); }
  [[nodiscard]] const std::optional<std::string>& error() const { return error_; }
  [[nodiscard]] int keystrokes() const { return keystrokes_; }
  [[nodiscard]] int clicks() const { return clicks_; }

 private:
  void fail_step(const std::string& why);
  void advance() {
    ++index_;
    phase_ = 0;
    started_ms_ = -1;
  }

  std::vector<ScriptStep> steps_;
  std::size_t index_ = 0;
  int phase_ = 0;
  std::int64_t started_ms_ = -1;
  std::optional<std::string> error_;
  int keystrokes_ = 0;
  int clicks_ = 0;
};

}  // namespace sk::app
