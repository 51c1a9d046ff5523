// spillkontakt-backend: `serve` runs the server; `admin ...` manages an organisation's data
// directory (docs/backend.md).
#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "admin.hpp"
#include "config.hpp"
#include "serve.hpp"

namespace {

struct ServeFlags {
  std::string config_file;
  std::optional<std::string> listen;
  std::optional<std::string> data;
  std::optional<std::string> tls_cert;
  std::optional<std::string> tls_key;
  bool insecure_http = false;
  std::optional<std::string> port_file;
  std::optional<std::string> log_level;
  std::optional<int> token_ttl_seconds;
  std::optional<int> read_timeout_seconds;
  std::optional<int> io_threads;
};

// Flags override the file.
sk::Result<sk::backend::ServeConfig> build_config(const ServeFlags& f) {
  sk::backend::ServeConfig c;
  if (!f.config_file.empty()) {
    if (auto r = sk::backend::load_config_file(f.config_file, c); !r)
      return sk::fail(r.error().code, r.error().message);
  }
  if (f.listen) c.listen = *f.listen;
  if (f.data) c.data_dir = *f.data;
  if (f.tls_cert) c.tls_cert = *f.tls_cert;
  if (f.tls_key) c.tls_key = *f.tls_key;
  if (f.insecure_http) c.insecure_http = true;
  if (f.port_file) c.port_file = *f.port_file;
  if (f.log_level) c.log_level = *f.log_level;
  if (f.token_ttl_seconds) c.token_ttl_seconds = *f.token_ttl_seconds;
  if (f.read_timeout_seconds) c.read_timeout_seconds = *f.read_timeout_seconds;
  if (f.io_threads) {
    if (*f.io_threads < 0 || *f.io_threads > sk::backend::ServeConfig::kMaxIoThreads)
      return sk::fail("config.io_threads", "--io-threads must be between 0 (one per core) and " +
                                               std::to_string(sk::backend::ServeConfig::kMaxIoThreads));
    c.io_threads = *f.io_threads;
  }
  return c;
}

// The one device id of `admin revoke`: the positional, or an argument CLI11 took for an
// unknown option because it begins with '-' ("--" ends the options and is not an id).
std::optional<std::string> revoke_target(const std::string& positional,
                                         const std::vector<std::string>& extras) {
  std::vector<std::string> ids;
  if (!positional.empty()) ids.push_back(positional);
  for (const auto& e : extras) {
    if (e != "--") ids.push_back(e);
  }
  if (ids.size() != 1) return std::nullopt;
  return ids.front();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Spillkontakt backend: stores and relays end-to-end encrypted case mailboxes"};
  app.require_subcommand(1);

  ServeFlags sf;
  auto* serve = app.add_subcommand("serve", "Run the HTTPS server");
  serve->add_option("--config", sf.config_file, "TOML configuration file (flags override it)");
  serve->add_option("--listen", sf.listen, "HOST:PORT to listen on (default 127.0.0.1:8443; port 0 = any)");
  serve->add_option("--data", sf.data, "Data directory (the SQLite database lives here)");
  serve->add_option("--tls-cert", sf.tls_cert, "PEM certificate chain for HTTPS");
  serve->add_option("--tls-key", sf.tls_key, "PEM private key for HTTPS");
  serve->add_flag("--insecure-http", sf.insecure_http, "Plain HTTP; refused unless listening on loopback");
  serve->add_option("--port-file", sf.port_file, "Write the bound port to this file once listening");
  serve->add_option("--log-level", sf.log_level, "trace, debug, info, warn, error");
  serve->add_option("--token-ttl-seconds", sf.token_ttl_seconds, "Bearer token lifetime (default 900)");
  serve->add_option("--read-timeout-seconds", sf.read_timeout_seconds,
                    "Deadline for a whole request (default 15)");
  serve->add_option("--io-threads", sf.io_threads, "Event-loop threads (default 0: one per CPU core)");

  auto* admin = app.add_subcommand("admin", "Manage the organisation in a data directory");
  admin->require_subcommand(1);
  std::string data;
  auto add_data = [&data](CLI::App* sub) { sub->add_option("--data", data, "Data directory")->required(); };

  std::string org_name;
  std::string recovery_out;
  auto* init =
      admin->add_subcommand("init", "Create an organisation, its recovery key and a supervisor code");
  add_data(init);
  init->add_option("--org", org_name, "Organisation name")->required();
  // Required: the operator decides where the organisation's private recovery key goes.
  init->add_option("--recovery-key-out", recovery_out,
                   "Where to write the recovery private key, once (a new file, mode 0600)")
      ->required();

  std::string role;
  std::optional<std::string> org_id;
  int hours = 72;
  auto* code = admin->add_subcommand("enroll-code", "Print a one-time enrollment code");
  add_data(code);
  code->add_option("--role", role, "supervisor or contact")->required();
  code->add_option("--org", org_id, "Organisation id (needed when the data directory holds several)");
  code->add_option("--expires-in-hours", hours, "Validity (default 72)");

  auto* devices = admin->add_subcommand("devices", "List devices (JSON lines)");
  add_data(devices);

  std::string device_id;
  auto* revoke = admin->add_subcommand("revoke", "Revoke a device; its tokens stop working at once");
  add_data(revoke);
  revoke->add_option("DEVICE", device_id, "Device id");
  // Device ids are base64url and one in 32 begins with '-', which CLI11 takes for an option:
  // such an argument is kept as an extra and taken as the id (revoke_target below).
  revoke->allow_extras();

  std::string since;
  auto* audit = admin->add_subcommand("audit", "Export the audit log (JSON lines)");
  add_data(audit);
  audit->add_option("--since", since, "Unix seconds, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")->required();

  CLI11_PARSE(app, argc, argv);

  using namespace sk::backend;
  if (serve->parsed()) {
    auto config = build_config(sf);
    if (!config) {
      std::cerr << "error: " << config.error().message << "\n";
      return 2;
    }
    return sk::backend::serve(*config);
  }
  if (init->parsed()) {
    return admin::init(data, org_name, recovery_out);
  }
  if (code->parsed()) return admin::enroll_code(data, role, org_id, hours);
  if (devices->parsed()) return admin::devices(data);
  if (revoke->parsed()) {
    const auto target = revoke_target(device_id, revoke->remaining());
    if (!target) {
      std::cerr << "error: DEVICE is required: exactly one device id (see `admin devices`)\n";
      return 2;
    }
    return admin::revoke(data, *target);
  }
  if (audit->parsed()) return admin::audit(data, since);
  return 2;
}
