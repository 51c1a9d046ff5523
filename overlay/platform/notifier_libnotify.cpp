#include <libnotify/notify.h>

#include "platform/notifier.hpp"

namespace sk::app {
namespace {

class LibnotifyNotifier final : public Notifier {
 public:
  LibnotifyNotifier() : ready_(notify_init("Spillkontakt") != 0) {}
  ~LibnotifyNotifier() override {
    if (ready_) notify_uninit();
  }

  Result<void> show(const std::string& title, const std::string& body) override {
    if (!ready_) return fail("app.notify", "no notification service");
    NotifyNotification* n = notify_notification_new(title.c_str(), body.c_str(), "spillkontakt");
    // Low urgency: a reminder should not pop over a game with a sound or stay on screen.
    notify_notification_set_urgency(n, NOTIFY_URGENCY_LOW);
    GError* error = nullptr;
    bool shown = notify_notification_show(n, &error) != 0;
    if (error) g_error_free(error);
    g_object_unref(G_OBJECT(n));
    if (!shown) return fail("app.notify", "the notification service did not answer");
    return {};
  }

 private:
  bool ready_;
};

}  // namespace

std::unique_ptr<Notifier> make_notifier() {
  return std::make_unique<LibnotifyNotifier>();
}

}  // namespace sk::app
