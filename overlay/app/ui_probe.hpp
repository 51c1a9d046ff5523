#pragma once
// UiProbe: where each tagged widget was drawn in the last frame, by a stable test id
// ("checkin-face-1"), so the scripted input mode (--script) can click it like a person would.
// Costs one small map insert per tagged widget per drawn frame, and nothing when idle.

#include <map>
#include <string>

namespace sk::app {

struct ProbeRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

class UiProbe {
 public:
  void begin_frame() { rects_.clear(); }
  void put(std::string id, ProbeRect r) { rects_[std::move(id)] = r; }
  [[nodiscard]] const ProbeRect* find(const std::string& id) const {
    auto it = rects_.find(id);
    return it == rects_.end() ? nullptr : &it->second;
  }

 private:
  std::map<std::string, ProbeRect> rects_;
};

}  // namespace sk::app
