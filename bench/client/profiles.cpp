#include "profiles.hpp"

#include <atomic>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "sk/crypto/key_file.hpp"
#include "sk/store/store.hpp"

namespace sk::bench {

namespace {

// Runs sync rounds on `confirmer` until `done` is set: the other side of a code waits for them.
void confirm_until(client::Client& confirmer, const std::atomic<bool>& done) {
  while (!done) {
    must(confirmer.sync_once(), "sync while confirming a code");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  must(confirmer.sync_once(), "sync after confirming a code");
}

}  // namespace

Profile Profiles::open(const std::string& name) const {
  client::ClientOptions options;
  options.profile_dir = root_ / name;
  options.server.base_url = url_;
  // scrypt at the OWASP cost is not what this benchmark measures; the file records the cost.
  options.weak_key_file_kdf_for_tests = true;
  Profile profile;
  profile.dir = options.profile_dir;
  profile.client = must(client::Client::open(std::move(options)), "open profile " + name);
  if (auto info = profile.client->profile()) profile.info = *info;
  return profile;
}

Profile Profiles::enroll_supervisor(const std::string& code) const {
  Profile supervisor = open("supervisor");
  supervisor.info = must(supervisor.client->enroll(code, "Siri", kPassphrase), "supervisor enroll");
  return supervisor;
}

Profile Profiles::enroll_contact(Profile& supervisor, const std::string& name) const {
  const auto code = must(supervisor.client->issue_enrollment_code("contact"), "issue a contact code");
  Profile contact = open(name);
  std::atomic<bool> done = false;
  Result<client::ProfileInfo> enrolled = fail("bench.not_run", "enroll did not run");
  std::thread enrolling([&] {
    enrolled = contact.client->enroll(code.code, name, kPassphrase);
    done = true;
  });
  confirm_until(*supervisor.client, done);
  enrolling.join();
  contact.info = must(std::move(enrolled), "contact enroll");
  return contact;
}

std::vector<Profile> Profiles::invite_youths(Profile& contact, const std::string& name,
                                             std::size_t count) const {
  std::vector<Profile> youths;
  std::vector<client::Invitation> invitations;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string label = name + std::to_string(i + 1);
    invitations.push_back(must(contact.client->invite(label), "invite " + label));
    youths.push_back(open(label));
    youths.back().case_id = invitations.back().case_id;
  }
  std::atomic<std::size_t> joined = 0;
  std::atomic<bool> done = count == 0;
  std::vector<Result<client::ProfileInfo>> results(count, fail("bench.not_run", "join did not run"));
  std::vector<std::thread> joins;
  for (std::size_t i = 0; i < count; ++i) {
    joins.emplace_back([&, i] {
      results[i] = youths[i].client->join(invitations[i].code, "Ola");
      if (++joined == count) done = true;
    });
  }
  confirm_until(*contact.client, done);
  for (auto& t : joins) t.join();
  for (std::size_t i = 0; i < count; ++i) {
    youths[i].info = must(std::move(results[i]), "youth join");
    must(youths[i].client->sync_once(), "youth sync after joining");
  }
  must(contact.client->sync_once(), "contact sync after the joins");
  return youths;
}

crypto::DeviceIdentity load_identity(const Profile& profile) {
  auto store = must(store::Store::open_read_only(profile.client->store_path()), "open store");
  const auto row = must(store.identity(), "read identity");
  if (!row) throw std::runtime_error("profile " + profile.dir.string() + " has no identity");
  std::string passphrase(kPassphrase);
  if (row->role == "youth") {
    std::ifstream in(profile.dir / "device.key");
    std::getline(in, passphrase);
  }
  return must(crypto::open_key_file(row->key_file, passphrase), "open key file");
}

}  // namespace sk::bench
