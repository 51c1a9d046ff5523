#include "app/connection.hpp"

namespace sk::app {
namespace {

class OfflineConnection final : public Connection {
 public:
  explicit OfflineConnection(std::function<void()> wake) : wake_(std::move(wake)) {}
  void join(std::string, std::string) override {
    pending_.first_start = Result<void>(fail("app.no_server", "no server address"));
    wake_();
  }
  void enroll(std::string, std::string, std::string) override {
    pending_.first_start = Result<void>(fail("app.no_server", "no server address"));
    wake_();
  }
  void unlock(std::string) override {
    pending_.unlocked = Result<void>();
    wake_();
  }
  [[nodiscard]] bool needs_unlock() const override { return false; }
  void start_sync() override {}
  void nudge() override {}
  void invite(std::string) override {
    pending_.invited = Result<InvitationView>(fail("app.no_server", "no server address"));
    wake_();
  }
  void invite_again(std::string case_id) override { invite(std::move(case_id)); }
  std::vector<InvitationView> invitations() override { return {}; }
  ConnectionEvents poll() override {
    ConnectionEvents out = std::exchange(pending_, {});
    out.online = Online::kOffline;
    return out;
  }

 private:
  std::function<void()> wake_;
  ConnectionEvents pending_;
};

}  // namespace

std::unique_ptr<Connection> make_offline_connection(std::function<void()> wake) {
  return std::make_unique<OfflineConnection>(std::move(wake));
}

}  // namespace sk::app
