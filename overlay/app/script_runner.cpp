#include "app/script_runner.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cstdlib>
#include <sstream>

namespace sk::app {
namespace {

int key_code(const std::string& name) {
  if (name == "enter") return GLFW_KEY_ENTER;
  if (name == "tab") return GLFW_KEY_TAB;
  if (name == "escape") return GLFW_KEY_ESCAPE;
  if (name == "backspace") return GLFW_KEY_BACKSPACE;
  return -1;
}

}  // namespace

Result<std::vector<ScriptStep>> parse_script(const std::string& text) {
  std::vector<ScriptStep> steps;
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto space = line.find(' ');
    ScriptStep s{line.substr(0, space), space == std::string::npos ? "" : line.substr(space + 1), n};
    const bool needs_arg = s.verb != "report" && s.verb != "quit";
    const bool known = s.verb == "click" || s.verb == "type" || s.verb == "key" || s.verb == "wait-for" ||
                       s.verb == "wait-ms" || s.verb == "screenshot" || s.verb == "mode" || !needs_arg;
    if (!known) return fail("app.script", "line " + std::to_string(n) + ": unknown step \"" + s.verb + "\"");
    if (needs_arg && s.arg.empty())
      return fail("app.script", "line " + std::to_string(n) + ": missing argument");
    if (s.verb == "wait-for" && s.arg.find(' ') != std::string::npos) {
      // "wait-for ID SECONDS": something another device does first (tests with two apps).
      const auto sp = s.arg.find(' ');
      const int seconds = std::atoi(s.arg.c_str() + sp + 1);
      if (seconds <= 0 || seconds > 600)
        return fail("app.script", "line " + std::to_string(n) + ": wait-for ID SECONDS (1..600)");
      s.limit_ms = std::int64_t{seconds} * 1000;
      s.arg.resize(sp);
    }
    if (s.verb == "key" && key_code(s.arg) < 0) {
      return fail("app.script", "line " + std::to_string(n) + ": unknown key \"" + s.arg + "\"");
    }
    steps.push_back(std::move(s));
  }
  return steps;
}

void ScriptRunner::fail_step(const std::string& why) {
  const ScriptStep& s = steps_[index_];
  error_ = "script line " + std::to_string(s.line) + " (" + s.verb + " " + s.arg + "): " + why;
  index_ = steps_.size();
}

ScriptRunner::Request ScriptRunner::before_frame(const UiProbe& probe, std::int64_t now_ms) {
  Request r;
  if (finished()) return r;
  ImGuiIO& io = ImGui::GetIO();
  const ScriptStep& s = steps_[index_];
  if (started_ms_ < 0) started_ms_ = now_ms;
  auto waited_too_long = [&] { return now_ms - started_ms_ > s.limit_ms; };
  if (s.verb == "click") {
    const ProbeRect* rect = probe.find(s.arg);
    if (!rect) {
      if (waited_too_long()) fail_step("no such widget on screen");
      return r;
    }
    io.MousePos = ImVec2((rect->x0 + rect->x1) / 2, (rect->y0 + rect->y1) / 2);
    // Phase 0: hover, 1: press, 2: release — ImGui sees a whole click over three frames.
    io.MouseDown[0] = phase_ == 1;
    if (++phase_ == 3) {
      ++clicks_;
      advance();
    }
  } else if (s.verb == "type") {
    io.AddInputCharactersUTF8(s.arg.c_str());
    for (unsigned char c : s.arg) keystrokes_ += (c & 0xC0) != 0x80;  // code points, not bytes
    advance();
  } else if (s.verb == "key") {
    int code = key_code(s.arg);
    io.KeysDown[code] = phase_ == 0;
    if (++phase_ == 2) {
      ++keystrokes_;
      advance();
    }
  } else if (s.verb == "wait-for") {
    if (probe.find(s.arg))
      advance();
    else if (waited_too_long())
      fail_step("never appeared");
  } else if (s.verb == "wait-ms") {
    if (now_ms - started_ms_ >= std::stoll(s.arg)) advance();
  } else if (s.verb == "screenshot") {
    // Two settled frames first: ImGui lays some windows out over a frame or two.
    if (++phase_ == 3) r.screenshot = s.arg;
  } else if (s.verb == "mode") {
    r.mode = s.arg;
    advance();
  } else if (s.verb == "report") {
    r.report = true;
    advance();
  } else if (s.verb == "quit") {
    r.quit = true;
    advance();
  }
  return r;
}

void ScriptRunner::screenshot_done(const Result<int>& distinct_colours) {
  if (!distinct_colours)
    fail_step(distinct_colours.error().message);
  else if (*distinct_colours < 3)
    fail_step("the frame is blank");
  else
    advance();
}

}  // namespace sk::app
