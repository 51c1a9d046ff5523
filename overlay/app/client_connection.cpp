// Connection over backend-client's Client: first-start calls on a worker thread, sync on the
// client's own network thread; both hand results over under a mutex and wake the UI.
#include <chrono>
#include <mutex>
#include <thread>

#include "app/connection.hpp"
#include "sk/client/client.hpp"

namespace sk::app {
namespace {

InvitationView view_of(const client::InvitationStatus& s) {
  InvitationView v;
  v.case_id = s.invitation.case_id;
  v.label = s.label;
  v.code = s.invitation.code;
  v.expires_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(s.invitation.expires_at.time_since_epoch())
          .count();
  switch (s.state) {
    case client::InvitationState::kWaiting:
      v.state = InvitationView::State::kWaiting;
      break;
    case client::InvitationState::kConfirmed:
      v.state = InvitationView::State::kJoined;
      break;
    case client::InvitationState::kMismatch:
      v.state = InvitationView::State::kMismatch;
      break;
    case client::InvitationState::kExpired:
      v.state = InvitationView::State::kExpired;
      break;
  }
  return v;
}

class ClientConnection final : public Connection {
 public:
  ClientConnection(std::unique_ptr<client::Client> c, std::function<void()> wake)
      : client_(std::move(c)), wake_(std::move(wake)) {}
  ~ClientConnection() override {
    if (worker_.joinable()) worker_.join();
    if (syncing_) client_->stop_sync();
  }

  void join(std::string code, std::string nickname) override {
    run([this, code = std::move(code), nickname = std::move(nickname)] {
      auto r = client_->join(code, nickname);
      std::lock_guard lock(mutex_);
      pending_.first_start = r ? Result<void>() : Result<void>(Unexpected{r.error()});
    });
  }

  void enroll(std::string code, std::string name, std::string passphrase) override {
    run([this, code = std::move(code), name = std::move(name), passphrase = std::move(passphrase)] {
      auto r = client_->enroll(code, name, passphrase);
      std::lock_guard lock(mutex_);
      pending_.first_start = r ? Result<void>() : Result<void>(Unexpected{r.error()});
    });
  }

  void unlock(std::string passphrase) override {
    run([this, passphrase = std::move(passphrase)] {
      auto r = client_->unlock(passphrase);  // scrypt: far too slow for the UI thread
      std::lock_guard lock(mutex_);
      pending_.unlocked = r;
    });
  }

  [[nodiscard]] bool needs_unlock() const override {
    return client_->state() == client::ProfileState::kLocked;
  }

  void start_sync() override {
    if (syncing_ || client_->state() != client::ProfileState::kReady) return;
    auto ok = client_->start_sync([this](const client::Changes& changes) {
      {
        std::lock_guard lock(mutex_);
        pending_.store_changed =
            pending_.store_changed || !changes.cases.empty() || changes.cases_added_or_removed;
        status_changed_ = status_changed_ || changes.status;
      }
      wake_();
    });
    syncing_ = ok.ok();
  }

  void nudge() override {
    if (syncing_) client_->nudge();
  }

  void invite(std::string label) override {
    run([this, label = std::move(label)] {
      auto r = client_->invite(label);
      std::lock_guard lock(mutex_);
      if (r)
        pending_.invited = Result<InvitationView>(view_of({*r, client::InvitationState::kWaiting, label}));
      else
        pending_.invited = Result<InvitationView>(Unexpected{r.error()});
    });
  }

  void invite_again(std::string case_id) override {
    run([this, case_id = std::move(case_id)] {
      auto r = client_->invite_again(case_id);
      std::lock_guard lock(mutex_);
      if (r)
        pending_.invited = Result<InvitationView>(view_of({*r, client::InvitationState::kWaiting, {}}));
      else
        pending_.invited = Result<InvitationView>(Unexpected{r.error()});
    });
  }

  std::vector<InvitationView> invitations() override {
    std::vector<InvitationView> out;
    if (auto list = client_->invitations()) {
      for (const auto& i : *list) out.push_back(view_of(i));
    }
    return out;
  }

  ConnectionEvents poll() override {
    std::lock_guard lock(mutex_);
    ConnectionEvents out = std::exchange(pending_, {});
    if (syncing_) {
      out.online = client_->status().connectivity == client::Connectivity::kOnline ? Online::kOnline
                                                                                   : Online::kOffline;
    }
    status_changed_ = false;
    return out;
  }

 private:
  template <class F>
  void run(F work) {
    if (worker_.joinable()) worker_.join();
    worker_ = std::thread([this, work = std::move(work)]() mutable {
      work();
      wake_();
    });
  }

  std::unique_ptr<client::Client> client_;
  std::function<void()> wake_;
  std::mutex mutex_;
  ConnectionEvents pending_;
  bool status_changed_ = false;
  bool syncing_ = false;
  std::thread worker_;
};

}  // namespace

Result<std::unique_ptr<Connection>> make_client_connection(const std::string& profile_dir,
                                                           const std::string& server_url,
                                                           std::function<void()> wake) {
  client::ClientOptions options;
  options.profile_dir = profile_dir;
  options.server.base_url = server_url;
  auto c = client::Client::open(std::move(options));
  if (!c) return Unexpected{c.error()};
  return std::unique_ptr<Connection>(std::make_unique<ClientConnection>(std::move(*c), std::move(wake)));
}

}  // namespace sk::app
