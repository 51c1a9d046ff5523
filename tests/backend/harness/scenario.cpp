#include "harness/scenario.hpp"

#include <chrono>
#include <random>
#include <stdexcept>
#include <thread>

#include "sk/core/encoding.hpp"
#include "sk/core/random.hpp"
#include "sk/crypto/one_time_code.hpp"
#include "sk/protocol/protocol.hpp"

namespace sk::backend::test {

namespace {
void require(bool ok, const std::string& what, const HttpResult& r) {
  if (!ok) throw std::runtime_error(what + " failed: " + std::to_string(r.status) + " " + r.body);
}
// Generous limits so that setting up scenarios never trips them; rate limits have own tests.
const std::vector<std::string> kTestDefaults = {"--log-level", "info"};
}  // namespace

std::string new_uuid() {
  auto b = random_bytes(16);
  b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x70);
  b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);
  const auto h = hex_encode(b);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" +
         h.substr(20);
}

std::string code_from_output(const std::string& out) {
  const auto key = std::string("Enrollment code");
  const auto at = out.find(key);
  if (at == std::string::npos) return "";
  const auto colon = out.find("): ", at);
  const auto end = out.find('\n', colon);
  return out.substr(colon + 3, end - colon - 3);
}

std::string init_org(const std::filesystem::path& data_dir, const std::string& name) {
  const auto key_file = data_dir.parent_path() / ("recovery-" + new_uuid() + ".key");
  auto r = run_backend(
      {"admin", "init", "--data", data_dir.string(), "--org", name, "--recovery-key-out", key_file.string()});
  if (r.exit_code != 0) throw std::runtime_error("admin init failed: " + r.out);
  return code_from_output(r.out);
}

Scenario::Scenario(std::vector<std::string> extra) : data_(dir_.path() / "data"), extra_(std::move(extra)) {
  supervisor_code = init_org(data_, "Test kommune");
  restart();
}

void Scenario::restart() {
  auto args = kTestDefaults;
  args.insert(args.end(), extra_.begin(), extra_.end());
  server_.reset();
  server_ = std::make_unique<ServerProcess>(data_, args);
  if (!server_->started()) throw std::runtime_error("server did not start: " + server_->log());
  http_ = std::make_unique<HttpClient>(server_->base_url());
}

TestDevice Scenario::enroll(const std::string& code_text, bool do_login) {
  auto code = crypto::OneTimeCode::parse(code_text);
  if (!code) throw std::runtime_error("bad code " + code_text);
  TestDevice d;
  d.identity = std::make_shared<crypto::DeviceIdentity>(crypto::DeviceIdentity::generate());
  const auto& keys = d.identity->public_keys();
  auto r = http_->post("/v1/enroll", {{"lookup", code->lookup()},
                                      {"ed25519", base64url_encode(keys.signing.view())},
                                      {"x25519", base64url_encode(keys.encryption.view())},
                                      {"device_name", "test device"}});
  require(r.status == 201, "enroll", r);
  d.device_id = r.json["device_id"];
  d.principal_id = r.json["principal_id"];
  d.org_id = r.json["org_id"];
  d.role = r.json["role"];
  d.enroll_response = r.json;
  if (do_login) login(d);
  return d;
}

void Scenario::login(TestDevice& d) {
  auto c = http_->post("/v1/auth/challenge", {{"device_id", d.device_id}});
  require(c.status == 200, "challenge", c);
  const std::string nonce = c.json["nonce"];
  const auto sig = d.identity->sign(protocol::login_message(d.device_id, *base64url_decode(nonce)));
  auto t = http_->post(
      "/v1/auth/token",
      {{"device_id", d.device_id}, {"nonce", nonce}, {"signature", base64url_encode(sig.view())}});
  require(t.status == 200, "token", t);
  d.token = t.json["token"];
}

TestDevice Scenario::supervisor() {
  return enroll(supervisor_code);
}

TestDevice Scenario::contact(const TestDevice& supervisor) {
  for (;;) {
    const auto code = crypto::OneTimeCode::generate();
    auto r =
        http_->post("/v1/enroll-codes", {{"lookup", code.lookup()}, {"role", "contact"}}, supervisor.token);
    if (r.status == 409) continue;  // lookup id in use: draw another code
    require(r.status == 201, "issue contact code", r);
    return enroll(code.display());
  }
}

TestDevice Scenario::redeem_pairing(const std::string& lookup) {
  TestDevice y;
  y.identity = std::make_shared<crypto::DeviceIdentity>(crypto::DeviceIdentity::generate());
  const auto& keys = y.identity->public_keys();
  auto redeem = http_->post("/v1/pairing/redeem", {{"lookup", lookup},
                                                   {"ed25519", base64url_encode(keys.signing.view())},
                                                   {"x25519", base64url_encode(keys.encryption.view())}});
  require(redeem.status == 201, "redeem", redeem);
  y.device_id = redeem.json["device_id"];
  y.principal_id = redeem.json["principal_id"];
  y.org_id = redeem.json["org_id"];
  y.role = redeem.json["role"];
  y.enroll_response = redeem.json;
  login(y);
  return y;
}

std::pair<std::string, TestDevice> Scenario::pair_youth(const TestDevice& contact) {
  for (;;) {
    const auto code = crypto::OneTimeCode::generate();
    auto r = http_->post("/v1/cases", {{"lookup", code.lookup()}}, contact.token);
    if (r.status == 409) continue;
    require(r.status == 201, "create case", r);
    return {r.json["case_id"], redeem_pairing(code.lookup())};
  }
}

TestDevice Scenario::pair_again(const TestDevice& contact, const std::string& case_id) {
  for (;;) {
    const auto code = crypto::OneTimeCode::generate();
    auto r =
        http_->post("/v1/cases/" + case_id + "/pairing-codes", {{"lookup", code.lookup()}}, contact.token);
    if (r.status == 409) continue;
    require(r.status == 201, "issue pairing code", r);
    return redeem_pairing(code.lookup());
  }
}

bool Scenario::wait_until_parked(int n) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < deadline) {
    if (http_->get("/metrics").body.find("sk_long_polls_open " + std::to_string(n)) != std::string::npos)
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

HttpResult Scenario::append(const TestDevice& d, const std::string& case_id, const std::string& audience,
                            const Bytes& envelope, const std::string& event_id) {
  return http_->post(
      "/v1/cases/" + case_id + "/events",
      {{"event_id", event_id}, {"audience", audience}, {"envelope", base64url_encode(envelope)}}, d.token);
}

HttpResult Scenario::fetch(const TestDevice& d, const std::string& case_id, long after, int wait, int limit) {
  return http_->get("/v1/cases/" + case_id + "/events?after=" + std::to_string(after) +
                        "&wait=" + std::to_string(wait) + "&limit=" + std::to_string(limit),
                    d.token);
}

}  // namespace sk::backend::test
