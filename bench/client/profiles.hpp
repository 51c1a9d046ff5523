#pragma once
// The people of a benchmark run, as the app would make them: real Client profiles on disk that
// enroll, invite and join through the real server, so every key they use was confirmed by a
// one-time code (docs/sync.md). The supervisor confirms each contact and each contact each youth
// by running sync rounds while the other side waits, as in tests/integration/support/cast.cpp.

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "sk/client/client.hpp"
#include "sk/crypto/identity.hpp"

namespace sk::bench {

// The value of a call that must succeed for the run to go on; throws with its error otherwise.
template <class T>
T must(Result<T> result, const std::string& what) {
  if (!result) throw std::runtime_error(what + ": " + result.error().code + " " + result.error().message);
  return std::move(*result);
}

// Contacts' and supervisors' key files are locked with this (youth: a device secret file).
inline constexpr std::string_view kPassphrase = "bench passphrase";

struct Profile {
  std::filesystem::path dir;
  std::unique_ptr<client::Client> client;
  client::ProfileInfo info;
  std::string case_id;  // youth: their case
};

class Profiles {
 public:
  Profiles(std::filesystem::path root, std::string base_url)
      : root_(std::move(root)), url_(std::move(base_url)) {}

  // Opens (creating) the profile directory `name`. Throws on failure, as every call here.
  Profile open(const std::string& name) const;
  // The first supervisor, with the code `admin init` printed.
  Profile enroll_supervisor(const std::string& code) const;
  Profile enroll_contact(Profile& supervisor, const std::string& name) const;
  // `count` new cases of `contact`, each with a youth who joined with the case's code; their
  // joins run side by side while the contact confirms them.
  std::vector<Profile> invite_youths(Profile& contact, const std::string& name, std::size_t count) const;

 private:
  std::filesystem::path root_;
  std::string url_;
};

// The device's secret keys, read from its store's key file as Client::unlock does.
crypto::DeviceIdentity load_identity(const Profile& profile);

}  // namespace sk::bench
