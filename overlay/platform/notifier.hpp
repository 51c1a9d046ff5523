#pragma once
// Desktop notifications, for when the bar can't be seen (hidden, or a fullscreen game in front):
// a session reminder or a new message. Linux: freedesktop notifications through libnotify.
// Windows: a toast through WinRT ToastNotificationManager; macOS: UNUserNotificationCenter.
// Both would sit behind this interface; they can't be built here.

#include <memory>
#include <string>

#include "sk/core/result.hpp"

namespace sk::app {

class Notifier {
 public:
  virtual ~Notifier() = default;
  // app.notify when no notification service answers (the caller then shows it in the bar only).
  virtual Result<void> show(const std::string& title, const std::string& body) = 0;
};

std::unique_ptr<Notifier> make_notifier();

}  // namespace sk::app
