#include "sk/client/client.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <future>
#include <mutex>
#include <thread>

#include "api.hpp"
#include "code_exchange.hpp"
#include "network.hpp"
#include "session.hpp"
#include "sk/core/encoding.hpp"
#include "sk/core/random.hpp"
#include "sk/core/utf8.hpp"
#include "sk/crypto/key_file.hpp"
#include "sk/crypto/one_time_code.hpp"
#include "sk/protocol/protocol.hpp"
#include "sk/store/store.hpp"
#include "sync_engine.hpp"
#include "trust.hpp"

namespace sk::client {

namespace {

constexpr std::string_view kStoreFile = "store.db";
constexpr std::string_view kDeviceKeyFile = "device.key";
constexpr std::size_t kMinPassphrase = 8;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

template <class T>
Result<T> plain(ApiResult<T> r) {
  if (!r) return Unexpected{to_error(r.error())};
  if constexpr (std::is_void_v<T>) {
    return {};
  } else {
    return std::move(*r);
  }
}

Result<void> check_name(std::string_view name, std::string_view what) {
  if (name.empty() || !is_valid_utf8(name) || utf8_length(name) > 64)
    return fail("client.bad_name", std::string(what) + " must be 1 to 64 characters");
  return {};
}

// The youth's key file is locked with a random secret kept in a file only the OS account can
// read: no password to remember (design brief: no password for youth).
Result<std::string> read_or_make_device_secret(const std::filesystem::path& path, bool create) {
  if (std::ifstream in(path); in) {
    std::string secret;
    std::getline(in, secret);
    if (secret.empty()) return fail("client.device_key", "the device key file is empty");
    return secret;
  }
  if (!create) return fail("client.device_key", "the device key file is missing");
  const std::string secret = base64url_encode(random_bytes(32));
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return fail("client.device_key", "cannot create the device key file");
  const auto line = secret + "\n";
  const bool ok =
      ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return fail("client.device_key", "cannot write the device key file");
  return secret;
}

}  // namespace

struct Client::Impl {
  ClientOptions options;
  std::filesystem::path store_path;
  mutable std::mutex mutex;  // guards store (this connection) and the members below
  store::Store store;
  std::optional<store::Identity> row;
  std::shared_ptr<const crypto::DeviceIdentity> identity;
  std::unique_ptr<Network> network;
  std::unique_ptr<Session> session;
  std::unique_ptr<SyncEngine> engine;

  Impl(ClientOptions o, std::filesystem::path p, store::Store s)
      : options(std::move(o)), store_path(std::move(p)), store(std::move(s)) {}

  crypto::KdfCost cost() const {
    return options.weak_key_file_kdf_for_tests ? crypto::KdfCost::test_only_weak : crypto::KdfCost::owasp;
  }
  Result<Network*> net() {
    if (!network) {
      auto n = Network::start(options.server);
      if (!n) return Unexpected{n.error()};
      network = std::move(*n);
      if (identity && row) session = std::make_unique<Session>(*network, identity, row->device_id);
    }
    return network.get();
  }
  Result<Session*> logged_in() {
    if (!identity || !row) return fail("client.locked", "the profile is locked or empty");
    auto n = net();
    if (!n) return Unexpected{n.error()};
    if (!session) session = std::make_unique<Session>(**n, identity, row->device_id);
    return session.get();
  }
  // Engine and session callbacks point into them: the network thread stops first.
  void stop_network() {
    network.reset();
    engine.reset();
    session.reset();
  }
  Self self() const { return Self{row->principal_id, row->device_id, row->role, identity->public_keys()}; }
  Result<ProfileInfo> adopt(store::Identity id, crypto::DeviceIdentity key) {
    if (auto ok = store.set_identity(id); !ok) return Unexpected{ok.error()};
    row = std::move(id);
    identity = std::make_shared<const crypto::DeviceIdentity>(std::move(key));
    return ProfileInfo{row->org_id, row->principal_id, row->device_id, row->role, row->nickname};
  }
  Result<void> wait_for_issuer(const store::PendingCode& pending, std::chrono::milliseconds confirm_wait);
  Result<Invitation> make_code(std::string_view case_id, std::string_view label,
                               std::chrono::hours valid_for);
};

Client::Client(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Client::~Client() {
  impl_->stop_network();
}

Result<std::unique_ptr<Client>> Client::open(ClientOptions options) {
  std::error_code ec;
  std::filesystem::create_directories(options.profile_dir, ec);
  if (ec) return fail("client.profile", "cannot create the profile folder " + options.profile_dir.string());
  std::filesystem::permissions(options.profile_dir, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace, ec);
  auto path = options.profile_dir / kStoreFile;
  auto store = store::Store::open(path);
  if (!store) return Unexpected{store.error()};
  auto impl = std::make_unique<Impl>(std::move(options), path, std::move(*store));
  auto id = impl->store.identity();
  if (!id) return Unexpected{id.error()};
  impl->row = std::move(*id);
  std::unique_ptr<Client> client(new Client(std::move(impl)));
  // A youth's profile unlocks itself with the device secret.
  if (client->impl_->row && client->impl_->row->role == "youth") {
    auto secret = read_or_make_device_secret(client->impl_->options.profile_dir / kDeviceKeyFile, false);
    if (!secret) return Unexpected{secret.error()};
    if (auto ok = client->unlock(*secret); !ok) return Unexpected{ok.error()};
  }
  return client;
}

ProfileState Client::state() const {
  std::lock_guard lock(impl_->mutex);
  if (!impl_->row) return ProfileState::kEmpty;
  return impl_->identity ? ProfileState::kReady : ProfileState::kLocked;
}

std::optional<ProfileInfo> Client::profile() const {
  std::lock_guard lock(impl_->mutex);
  if (!impl_->row) return std::nullopt;
  const auto& r = *impl_->row;
  return ProfileInfo{r.org_id, r.principal_id, r.device_id, r.role, r.nickname};
}

const std::filesystem::path& Client::store_path() const {
  return impl_->store_path;
}

Result<void> Client::unlock(std::string_view passphrase) {
  std::lock_guard lock(impl_->mutex);
  if (!impl_->row) return fail("client.empty", "there is no identity to unlock");
  auto key = crypto::open_key_file(impl_->row->key_file, passphrase);
  if (!key) return Unexpected{key.error()};
  impl_->identity = std::make_shared<const crypto::DeviceIdentity>(std::move(*key));
  return {};
}

Result<void> Client::Impl::wait_for_issuer(const store::PendingCode& pending,
                                           std::chrono::milliseconds confirm_wait) {
  auto s = logged_in();
  if (!s) return Unexpected{s.error()};
  const auto deadline = std::chrono::steady_clock::now() + confirm_wait;
  for (;;) {
    auto status = api::parse_code_status((*s)->exchange(api::code_status(pending.lookup)));
    if (!status) return Unexpected{to_error(status.error())};
    auto step = next_code_step(pending, *status, row->role, identity->public_keys());
    if (!step) return Unexpected{step.error()};
    if (step->outcome == CodeStep::Outcome::kConfirmed) {
      if (auto t = trust_confirmed(store, *step->peer, pending.peer_role); !t) return t;
      return store.set_pending_code_state(pending.lookup, "confirmed");
    }
    if (step->outcome == CodeStep::Outcome::kMismatch) {
      (void)store.set_pending_code_state(pending.lookup, "mismatch");
      return fail("client.key_mismatch",
                  "The code did not match what the server sent back, so nothing was trusted. "
                  "Ask for a new code and try again.");
    }
    // Not there yet: the sync engine finishes the check later, so this is no failure.
    if (std::chrono::steady_clock::now() >= deadline) return {};
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
}

Result<ProfileInfo> Client::join(std::string_view typed, std::string_view nickname,
                                 std::chrono::milliseconds confirm_wait) {
  auto code = crypto::OneTimeCode::parse(typed);
  if (!code) return Unexpected{code.error()};
  if (auto ok = check_name(nickname, "A nickname"); !ok) return Unexpected{ok.error()};
  std::lock_guard lock(impl_->mutex);
  if (impl_->row) return fail("client.profile_exists", "this profile already has an identity");
  auto net = impl_->net();
  if (!net) return Unexpected{net.error()};
  auto key = crypto::DeviceIdentity::generate();
  const auto keys = key.public_keys();
  auto joined = plain(api::parse_enrolled((*net)->exchange(api::redeem_pairing(code->lookup(), keys, {}))));
  if (!joined) return Unexpected{joined.error()};
  if (joined->role != "youth" || joined->case_id.empty() || !joined->issuer)
    return fail("client.bad_code", "that code is not a pairing code from a game contact");

  auto secret = read_or_make_device_secret(impl_->options.profile_dir / kDeviceKeyFile, true);
  if (!secret) return Unexpected{secret.error()};
  auto key_file = crypto::seal_key_file(key, *secret, impl_->cost());
  if (!key_file) return Unexpected{key_file.error()};
  auto info = impl_->adopt({joined->org_id, joined->principal_id, joined->device_id, "youth",
                            std::move(*key_file), std::string(nickname), now_ms()},
                           std::move(key));
  if (!info) return Unexpected{info.error()};

  auto session = impl_->logged_in();
  if (!session) return Unexpected{session.error()};
  auto mine = redeemer_confirmation(*code, "youth", "contact", keys, joined->issuer->keys);
  if (!mine) return Unexpected{mine.error()};
  if (auto put = plain(api::parse_ok((*session)->exchange(api::put_confirmation(code->lookup(), *mine))));
      !put)
    return Unexpected{put.error()};
  auto directory = plain(api::parse_key_directory((*session)->exchange(api::key_directory(joined->case_id))));
  if (!directory) return Unexpected{directory.error()};
  if (auto applied = apply_directory(impl_->store, *directory, {}); !applied)
    return Unexpected{applied.error()};

  const store::PendingCode pending{code->lookup(),
                                   code->display(),
                                   "redeemer",
                                   "contact",
                                   joined->case_id,
                                   {},
                                   now_ms() + 72LL * 3600 * 1000,
                                   "waiting",
                                   now_ms()};
  if (auto put = impl_->store.put_pending_code(pending); !put) return Unexpected{put.error()};
  if (auto waited = impl_->wait_for_issuer(pending, confirm_wait); !waited) return Unexpected{waited.error()};
  return info;
}

Result<ProfileInfo> Client::enroll(std::string_view typed, std::string_view display_name,
                                   std::string_view passphrase, std::chrono::milliseconds confirm_wait) {
  auto code = crypto::OneTimeCode::parse(typed);
  if (!code) return Unexpected{code.error()};
  if (auto ok = check_name(display_name, "A display name"); !ok) return Unexpected{ok.error()};
  if (passphrase.size() < kMinPassphrase)
    return fail("client.weak_passphrase", "the passphrase must be at least 8 characters");
  std::lock_guard lock(impl_->mutex);
  if (impl_->row) return fail("client.profile_exists", "this profile already has an identity");
  auto net = impl_->net();
  if (!net) return Unexpected{net.error()};
  auto key = crypto::DeviceIdentity::generate();
  const auto keys = key.public_keys();
  auto enrolled =
      plain(api::parse_enrolled((*net)->exchange(api::enroll(code->lookup(), keys, display_name))));
  if (!enrolled) return Unexpected{enrolled.error()};

  if (!enrolled->issuer) {
    // An admin-issued supervisor code confirms the organisation's recovery key.
    if (!code->verify_key_confirmation(protocol::org_transcript(enrolled->org_id, enrolled->recovery_key),
                                       enrolled->issuer_confirmation))
      return fail("client.key_mismatch",
                  "The code did not match the organisation's keys the server sent, so nothing was trusted.");
  }
  auto key_file = crypto::seal_key_file(key, passphrase, impl_->cost());
  if (!key_file) return Unexpected{key_file.error()};
  auto info = impl_->adopt({enrolled->org_id, enrolled->principal_id, enrolled->device_id, enrolled->role,
                            std::move(*key_file), std::string(display_name), now_ms()},
                           std::move(key));
  if (!info) return Unexpected{info.error()};
  // The recovery key: confirmed by the admin's code above, or relayed beside the keys of the
  // supervisor whose confirmation is checked next (docs/sync.md, "Trust").
  const Bytes recovery(enrolled->recovery_key.view().begin(), enrolled->recovery_key.view().end());
  if (auto ok = impl_->store.set_org_keys({enrolled->org_id, recovery}); !ok) return Unexpected{ok.error()};
  if (!enrolled->issuer) return info;

  auto session = impl_->logged_in();
  if (!session) return Unexpected{session.error()};
  auto mine = redeemer_confirmation(*code, enrolled->role, "supervisor", keys, enrolled->issuer->keys);
  if (!mine) return Unexpected{mine.error()};
  if (auto put = plain(api::parse_ok((*session)->exchange(api::put_confirmation(code->lookup(), *mine))));
      !put)
    return Unexpected{put.error()};
  const store::PendingCode pending{
      code->lookup(), code->display(), "redeemer", "supervisor", {}, {}, now_ms() + 72LL * 3600 * 1000,
      "waiting",      now_ms()};
  if (auto put = impl_->store.put_pending_code(pending); !put) return Unexpected{put.error()};
  if (auto waited = impl_->wait_for_issuer(pending, confirm_wait); !waited) return Unexpected{waited.error()};
  return info;
}

Result<Invitation> Client::Impl::make_code(std::string_view case_id, std::string_view label,
                                           std::chrono::hours valid_for) {
  if (!row || row->role != "contact")
    return fail("client.forbidden", "only a game contact can invite a youth");
  auto s = logged_in();
  if (!s) return Unexpected{s.error()};
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(valid_for).count();
  for (int attempt = 0;; ++attempt) {
    auto code = crypto::OneTimeCode::generate();
    auto request = case_id.empty() ? api::create_case(code.lookup(), seconds)
                                   : api::new_pairing_code(case_id, code.lookup(), seconds);
    auto created = api::parse_created_code((*s)->exchange(std::move(request)));
    if (!created && created.error().failure == Failure::kConflict && attempt < 4)
      continue;  // lookup id taken
    if (!created) return Unexpected{to_error(created.error())};
    const std::string id = case_id.empty() ? created->case_id : std::string(case_id);
    auto directory = plain(api::parse_key_directory((*s)->exchange(api::key_directory(id))));
    if (!directory) return Unexpected{directory.error()};
    if (auto applied = apply_directory(store, *directory, std::string(label)); !applied)
      return Unexpected{applied.error()};
    const store::PendingCode pending{code.lookup(),      code.display(),         "issuer",  "youth", id,
                                     std::string(label), created->expires_at_ms, "waiting", now_ms()};
    if (auto put = store.put_pending_code(pending); !put) return Unexpected{put.error()};
    return Invitation{
        id, code.display(),
        std::chrono::system_clock::time_point(std::chrono::milliseconds(created->expires_at_ms))};
  }
}

Result<Invitation> Client::invite(std::string_view label, std::chrono::hours valid_for) {
  if (auto ok = check_name(label, "The youth's name"); !ok) return Unexpected{ok.error()};
  std::lock_guard lock(impl_->mutex);
  return impl_->make_code({}, label, valid_for);
}

Result<Invitation> Client::invite_again(std::string_view case_id, std::chrono::hours valid_for) {
  std::lock_guard lock(impl_->mutex);
  auto existing = impl_->store.find_case(case_id);
  if (!existing) return Unexpected{existing.error()};
  if (!*existing) return fail("client.unknown_case", "no such case on this device");
  return impl_->make_code(case_id, (*existing)->label, valid_for);
}

Result<Invitation> Client::issue_enrollment_code(std::string_view role, std::chrono::hours valid_for) {
  if (role != "contact" && role != "supervisor")
    return fail("client.bad_role", "an enrollment code is for a contact or a supervisor");
  std::lock_guard lock(impl_->mutex);
  if (!impl_->row || impl_->row->role != "supervisor")
    return fail("client.forbidden", "only a supervisor can issue enrollment codes");
  auto s = impl_->logged_in();
  if (!s) return Unexpected{s.error()};
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(valid_for).count();
  for (int attempt = 0;; ++attempt) {
    auto code = crypto::OneTimeCode::generate();
    auto created = api::parse_created_code((*s)->exchange(api::enroll_code(code.lookup(), role, seconds)));
    if (!created && created.error().failure == Failure::kConflict && attempt < 4)
      continue;  // lookup id taken
    if (!created) return Unexpected{to_error(created.error())};
    const store::PendingCode pending{
        code.lookup(),          code.display(), "issuer", std::string(role), {}, {},
        created->expires_at_ms, "waiting",      now_ms()};
    if (auto put = impl_->store.put_pending_code(pending); !put) return Unexpected{put.error()};
    return Invitation{
        {},
        code.display(),
        std::chrono::system_clock::time_point(std::chrono::milliseconds(created->expires_at_ms))};
  }
}

Result<void> Client::add_contact(std::string_view case_id, std::string_view contact_principal_id) {
  std::lock_guard lock(impl_->mutex);
  if (!impl_->row || impl_->row->role != "supervisor")
    return fail("client.forbidden", "only a supervisor can add a contact to a case");
  auto s = impl_->logged_in();
  if (!s) return Unexpected{s.error()};
  return plain(api::parse_ok((*s)->exchange(api::add_member(case_id, contact_principal_id))));
}

Result<std::vector<InvitationStatus>> Client::invitations() const {
  std::lock_guard lock(impl_->mutex);
  auto codes = impl_->store.pending_codes();
  if (!codes) return Unexpected{codes.error()};
  std::vector<InvitationStatus> out;
  for (const auto& c : *codes) {
    if (c.side != "issuer" || c.case_id.empty()) continue;
    InvitationStatus s;
    s.invitation = {c.case_id, c.code,
                    std::chrono::system_clock::time_point(std::chrono::milliseconds(c.expires_at_ms))};
    s.label = c.label;
    s.state = c.state == "confirmed"                               ? InvitationState::kConfirmed
              : c.state == "mismatch"                              ? InvitationState::kMismatch
              : c.state == "expired" || c.expires_at_ms < now_ms() ? InvitationState::kExpired
                                                                   : InvitationState::kWaiting;
    out.push_back(std::move(s));
  }
  return out;
}

Result<void> Client::start_sync(std::function<void(const Changes&)> on_change) {
  std::lock_guard lock(impl_->mutex);
  if (impl_->engine) return {};
  auto session = impl_->logged_in();
  if (!session) return Unexpected{session.error()};
  auto store = store::Store::open(impl_->store_path);
  if (!store) return Unexpected{store.error()};
  impl_->engine = std::make_unique<SyncEngine>(*impl_->network, **session, std::move(*store), impl_->self(),
                                               impl_->identity, std::move(on_change));
  impl_->network->post([e = impl_->engine.get()] { e->start(); });
  return {};
}

void Client::stop_sync() {
  std::lock_guard lock(impl_->mutex);
  impl_->stop_network();
}

void Client::nudge() {
  std::lock_guard lock(impl_->mutex);
  if (impl_->engine) impl_->network->post([e = impl_->engine.get()] { e->nudge(); });
}

SyncStatus Client::status() const {
  std::lock_guard lock(impl_->mutex);
  if (!impl_->engine) return SyncStatus{Connectivity::kStopped, std::nullopt, {}, 0, 0, {}};
  return impl_->engine->status();
}

Result<std::vector<Quarantined>> Client::quarantine() const {
  std::lock_guard lock(impl_->mutex);
  auto held = impl_->store.quarantine();
  if (!held) return Unexpected{held.error()};
  std::vector<Quarantined> out;
  for (const auto& q : *held) out.push_back({q.case_id, q.seq, q.event_id, q.reason});
  return out;
}

Result<SyncStatus> Client::sync_once(std::chrono::seconds wait, std::chrono::seconds retry_for) {
  std::lock_guard lock(impl_->mutex);
  if (impl_->engine) return fail("client.busy", "the sync engine is already running");
  auto session = impl_->logged_in();
  if (!session) return Unexpected{session.error()};
  auto store = store::Store::open(impl_->store_path);
  if (!store) return Unexpected{store.error()};
  impl_->engine = std::make_unique<SyncEngine>(*impl_->network, **session, std::move(*store), impl_->self(),
                                               impl_->identity, nullptr);
  std::promise<Result<SyncStatus>> done;
  auto f = done.get_future();
  impl_->network->post([e = impl_->engine.get(), wait, retry_for, &done] {
    e->run_once(wait, retry_for, [&done](Result<SyncStatus> r) { done.set_value(std::move(r)); });
  });
  auto result = f.get();
  impl_->stop_network();  // nothing of the round may outlive it
  return result;
}

Result<void> Client::set_checkin_consent(std::string_view case_id, bool supervisors_may_read) {
  std::lock_guard lock(impl_->mutex);
  auto session = impl_->logged_in();
  if (!session) return Unexpected{session.error()};
  return plain(api::parse_ok((*session)->exchange(api::set_consent(case_id, supervisors_may_read))));
}

}  // namespace sk::client
