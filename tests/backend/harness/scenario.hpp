#pragma once
// Scenario: a running backend with an organisation, and helpers that act as client devices
// (enroll, log in, pair a youth, append, fetch) the way the real app does.

#include <memory>
#include <string>
#include <vector>

#include "harness/http_client.hpp"
#include "harness/server_process.hpp"
#include "sk/core/bytes.hpp"
#include "sk/crypto/identity.hpp"

namespace sk::backend::test {

struct TestDevice {
  std::shared_ptr<crypto::DeviceIdentity> identity;
  std::string device_id;
  std::string principal_id;
  std::string org_id;
  std::string role;
  std::string token;
  nlohmann::json enroll_response;
};

std::string new_uuid();
// Runs `admin init` on `data_dir` for a new organisation; returns the printed supervisor code.
std::string init_org(const std::filesystem::path& data_dir, const std::string& name);
// The code printed by an admin command's output ("... : XXXX-XXXX-XX").
std::string code_from_output(const std::string& out);

class Scenario {
 public:
  // Starts a server with `extra` args (e.g. "--token-ttl-seconds", "2") on a new data dir that
  // holds one organisation.
  explicit Scenario(std::vector<std::string> extra = {});

  HttpClient& http() { return *http_; }
  ServerProcess& server() { return *server_; }
  const std::filesystem::path& data_dir() const { return data_; }
  const std::filesystem::path& root() const { return dir_.path(); }
  void restart();  // after stop()/kill: start a new process on the same data dir

  // POST /v1/enroll with a code; logs in too when `login` is true.
  TestDevice enroll(const std::string& code, bool login = true);
  void login(TestDevice& d);
  TestDevice supervisor();                           // with the code of admin init
  TestDevice contact(const TestDevice& supervisor);  // code issued through the API
  // A contact creates a case and a youth redeems its pairing code: {case_id, youth}.
  std::pair<std::string, TestDevice> pair_youth(const TestDevice& contact);
  // The contact issues a further pairing code for the case; a new device of its youth redeems it.
  TestDevice pair_again(const TestDevice& contact, const std::string& case_id);
  // POST /v1/pairing/redeem with a new device identity, then logs it in.
  TestDevice redeem_pairing(const std::string& lookup);

  HttpResult append(const TestDevice& d, const std::string& case_id, const std::string& audience,
                    const Bytes& envelope, const std::string& event_id = new_uuid());
  HttpResult fetch(const TestDevice& d, const std::string& case_id, long after = 0, int wait = 0,
                   int limit = 100);

  // Polls GET /metrics until `n` requests are parked (long-poll fetches and syncs); false
  // after 5 s.
  bool wait_until_parked(int n);

  std::string supervisor_code;

 private:
  TempDir dir_;
  std::filesystem::path data_;
  std::vector<std::string> extra_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> http_;
};

}  // namespace sk::backend::test
