#include "support/cast.hpp"

#include <chrono>
#include <csignal>
#include <stdexcept>
#include <thread>

#include "harness/scenario.hpp"

namespace sk::integration {

CliResult must_run(const CliDevice& device, const std::vector<std::string>& args) {
  auto r = device.run(args);
  if (r.exit_code != 0) {
    std::string cmd;
    for (const auto& a : args) cmd += a + " ";
    throw std::runtime_error("spillkontakt-cli " + cmd + "exited " + std::to_string(r.exit_code) + ": " +
                             r.out + r.err);
  }
  return r;
}

Cast::Cast() : data_(dir_.path() / "data") {
  const auto init =
      backend::test::run_backend({"admin", "init", "--data", data_.string(), "--org", "Testvik kommune",
                                  "--recovery-key-out", (dir_.path() / "recovery.key").string()});
  if (init.exit_code != 0) throw std::runtime_error("admin init failed: " + init.out);
  const auto supervisor_code = backend::test::code_from_output(init.out);
  server_ = std::make_unique<backend::test::ServerProcess>(data_);
  if (!server_->started()) throw std::runtime_error("the backend did not start: " + server_->log());
  proxy_ = std::make_unique<FaultProxy>(server_->port());

  supervisor_ = fresh("supervisor");
  must_run(supervisor_, {"enroll", supervisor_code, "--name", "Siri"});
  contact_ = enroll_contact("contact");

  const auto invited = must_run(contact_, {"invite", "--name", "Ola"}).json();
  case_id_ = invited["case_id"].get<std::string>();
  youth_ = fresh("youth");
  pair(contact_, youth_, invited["code"].get<std::string>(), "Ola");
  settle();
}

Cast::~Cast() = default;

CliDevice Cast::fresh(const std::string& name) const {
  return CliDevice{dir_.path() / "profiles" / name, "http://127.0.0.1:" + std::to_string(proxy_->port())};
}

void Cast::restart_server(bool kill9, const std::function<void()>& while_down) {
  server_->stop(kill9 ? SIGKILL : SIGTERM);
  server_.reset();
  if (while_down) while_down();
  server_ = std::make_unique<backend::test::ServerProcess>(data_);
  if (!server_->started()) throw std::runtime_error("the backend did not restart: " + server_->log());
  proxy_->set_target(server_->port());
}

CliDevice Cast::enroll_contact(const std::string& name) {
  const auto code =
      must_run(supervisor_, {"issue-code", "--role", "contact"}).json()["code"].get<std::string>();
  CliDevice device = fresh(name);
  auto enrolling = device.start({"enroll", code, "--name", name});
  // The new contact waits for the supervisor's key confirmation; the supervisor's sync gives it.
  while (enrolling.running()) {
    must_run(supervisor_, {"sync", "--once"});
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const auto done = enrolling.wait();
  if (done.exit_code != 0) throw std::runtime_error("contact enroll failed: " + done.out + done.err);
  must_run(supervisor_, {"sync", "--once"});
  return device;
}

void Cast::pair(const CliDevice& contact, const CliDevice& youth, const std::string& code,
                const std::string& nickname) {
  auto pairing = youth.start({"pair", code, "--nickname", nickname});
  while (pairing.running()) {
    must_run(contact, {"sync", "--once"});
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const auto done = pairing.wait();
  if (done.exit_code != 0) throw std::runtime_error("pairing failed: " + done.out + done.err);
}

void Cast::settle() {
  for (int round = 0; round < 2; ++round) {
    must_run(contact_, {"sync", "--once"});
    must_run(supervisor_, {"sync", "--once"});
    must_run(youth_, {"sync", "--once"});
  }
}

nlohmann::json Cast::identity(const CliDevice& device) {
  return must_run(device, {"status"}).json()["profile"];
}

}  // namespace sk::integration
