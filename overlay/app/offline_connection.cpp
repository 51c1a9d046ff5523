#include "app/connection.hpp"

namespace sk::app {
namespace {

class OfflineConnection final : public Connection {
 public:
  void join(std::string, std::string) override {
    pending_.first_start = Result<void>(fail("app.no_server", "no server address"));
  }
  void enroll(std::string, std::string, std::string) override {
    pending_.first_start = Result<void>(fail("app.no_server", "no server address"));
  }
  void unlock(std::string) override { pending_.unlocked = Result<void>(); }
  [[nodiscard]] bool needs_unlock() const override { return false; }
  void start_sync() override {}
  void nudge() override {}
  ConnectionEvents poll() override {
    ConnectionEvents out = std::exchange(pending_, {});
    out.online = Online::kOffline;
    return out;
  }

 private:
  ConnectionEvents pending_;
};

}  // namespace

std::unique_ptr<Connection> make_offline_connection() {
  return std::make_unique<OfflineConnection>();
}

}  // namespace sk::app
