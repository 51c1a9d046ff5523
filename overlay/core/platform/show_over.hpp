#pragma once
// "Show the bar only over these apps" (ui.show_over): so the bar does not sit on top of the
// desktop, a browser or homework all day. The platform says which app is in front (X11: the
// WM_CLASS of _NET_ACTIVE_WINDOW); this decides, without a window, whether the bar belongs there.

#include <string>
#include <string_view>
#include <vector>

namespace sk::app {

// `list`: app names separated by commas ("minecraft, steam_app_1172470"); empty: always show.
// `front`: the names the platform knows for the app in front (X11: WM_CLASS instance and class);
// empty when it can't tell, or when the bar itself is in front: then the bar stays.
// Names compare case-insensitively, spaces around them ignored.
[[nodiscard]] bool bar_belongs_over(const std::vector<std::string>& front, std::string_view list);

}  // namespace sk::app
