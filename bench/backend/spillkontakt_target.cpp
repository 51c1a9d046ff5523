#include "spillkontakt_target.hpp"

#include <cctype>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <stdexcept>

#include "api_client.hpp"
#include "http_connection.hpp"
#include "loopback.hpp"
#include "sk/core/encoding.hpp"

namespace sk::bench {

namespace {

constexpr std::size_t kKeyHexDigits = 12;  // an event id ends with the message key

using nlohmann::json;

// Shared by the setup workers: which channel comes next and the lookup ids handed out.
struct SetupState {
  std::size_t next_channel = 0;
  LookupIds lookups;
  std::string contact_token;
  std::vector<std::string> case_ids;
  std::vector<std::string> youth_tokens;
};

asio::awaitable<void> pair_cases(asio::io_context& io, tcp::endpoint endpoint, std::string host,
                                 SetupState& state) {
  HttpConnection connection(io, endpoint);
  ApiClient api(connection, host);
  while (state.next_channel < state.case_ids.size()) {
    const std::size_t channel = state.next_channel++;
    std::string lookup;
    const json created =
        co_await with_fresh_lookup(state.lookups, [&](std::string id) -> asio::awaitable<json> {
          lookup = id;
          const json body = {{"lookup", id}, {"confirmation", fake_confirmation()}};
          co_return co_await api.call(http::verb::post, "/v1/cases", &body, state.contact_token,
                                      http::status::created);
        });
    BenchDevice youth = BenchDevice::generate();
    json redeem = youth.public_keys();
    redeem["lookup"] = lookup;
    redeem["confirmation"] = fake_confirmation();
    const json paired =
        co_await api.call(http::verb::post, "/v1/pairing/redeem", &redeem, "", http::status::created);
    youth.device_id = paired.at("device_id").get<std::string>();
    co_await api.authenticate(youth);
    state.case_ids[channel] = created.at("case_id").get<std::string>();
    state.youth_tokens[channel] = youth.token;
  }
}

// The supervisor enrollment code that `admin init` prints on its "Enrollment code (...): " line,
// e.g. "KX7F-92QM-4T".
std::string enrollment_code(const std::string& admin_output) {
  auto is_code = [](std::string_view t) {
    if (t.size() != 12 || t[4] != '-' || t[9] != '-') return false;
    for (char c : t) {
      if (c != '-' && !std::isdigit(static_cast<unsigned char>(c)) &&
          !std::isupper(static_cast<unsigned char>(c))) {
        return false;
      }
    }
    return true;
  };
  std::istringstream lines(admin_output);
  for (std::string line; std::getline(lines, line);) {
    const auto colon = line.find("code");
    const auto start = line.find(": ", colon == std::string::npos ? line.size() : colon);
    if (start == std::string::npos) continue;
    const std::string_view rest = std::string_view(line).substr(start + 2, 12);
    if (is_code(rest)) return std::string(rest);
  }
  throw std::runtime_error("no enrollment code in the output of admin init:\n" + admin_output);
}

// The server writes its bound port once it listens (we ask for port 0: no race for a port).
asio::awaitable<unsigned short> wait_for_port_file(asio::io_context& io, const std::filesystem::path& file,
                                                   ChildProcess& process) {
  asio::steady_timer pause(io);
  const auto deadline = Clock::now() + std::chrono::seconds(15);
  while (Clock::now() < deadline && process.running()) {
    unsigned port = 0;
    if (std::ifstream(file) >> port && port > 0 && port < 65536) co_return static_cast<unsigned short>(port);
    pause.expires_after(std::chrono::milliseconds(20));
    co_await pause.async_wait(asio::use_awaitable);
  }
  throw std::runtime_error("spillkontakt-backend did not write its port to " + file.string());
}

}  // namespace

SpillkontaktTarget::SpillkontaktTarget(ChildProcess process, tcp::endpoint endpoint)
    : process_(std::move(process)),
      endpoint_(endpoint),
      host_("127.0.0.1:" + std::to_string(endpoint.port())),
      event_id_prefix_(random_event_id_prefix()) {}

SpillkontaktTarget::~SpillkontaktTarget() {
  stop();
}

int SpillkontaktTarget::stop() {
  return process_.stop(SIGTERM, std::chrono::seconds(10));
}

asio::awaitable<StartedServer> start_server(asio::io_context& io, const SpillkontaktOptions& options) {
  const auto data = options.work_dir / "spillkontakt-data";
  const auto log = (options.work_dir / "spillkontakt.log").string();
  std::filesystem::create_directories(data);
  const CommandResult init =
      run_command({options.server.string(), "admin", "init", "--data", data.string(), "--org",
                   "Bench kommune", "--recovery-key-out", (options.work_dir / "recovery-key.txt").string()},
                  log);
  if (init.exit_code != 0) throw std::runtime_error("admin init failed; see " + log);

  // Rate limits off: one contact device publishes 200/s in the waking run and 64 connections
  // as fast as they can in the throughput run; the runs measure the mailbox, not the limiter.
  const auto config = options.work_dir / "spillkontakt.toml";
  std::ofstream(config) << "device_rate_per_second = 0.0\nip_rate_per_second = 0.0\n";
  const auto port_file = options.work_dir / "spillkontakt.port";
  std::vector<std::string> argv = {options.server.string(),
                                   "serve",
                                   "--config",
                                   config.string(),
                                   "--listen",
                                   "127.0.0.1:0",
                                   "--port-file",
                                   port_file.string(),
                                   "--insecure-http",
                                   "--data",
                                   data.string()};
  argv.insert(argv.end(), options.extra_serve_args.begin(), options.extra_serve_args.end());
  ChildProcess process = ChildProcess::spawn(argv, log);
  const unsigned short port = co_await wait_for_port_file(io, port_file, process);
  const tcp::endpoint endpoint(asio::ip::address_v4::loopback(), port);
  if (!co_await wait_until_ready(io, endpoint, "/healthz", std::chrono::seconds(10))) {
    throw std::runtime_error("spillkontakt-backend did not start; see " + log);
  }
  co_return StartedServer{std::move(process), endpoint, enrollment_code(init.output)};
}

std::string random_event_id_prefix() {
  std::random_device random;
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  char prefix[32];
  // UUIDv7 layout: 48-bit time, version 7, random, variant 10, then our 48-bit key.
  std::snprintf(prefix, sizeof prefix, "%08llx-%04llx-7%03x-%04x-", static_cast<unsigned long long>(ms >> 16),
                static_cast<unsigned long long>(ms & 0xffff), random() & 0xfffu,
                0x8000u | (random() & 0x3fffu));
  return prefix;
}

asio::awaitable<std::unique_ptr<SpillkontaktTarget>> SpillkontaktTarget::start(
    asio::io_context& io, const SpillkontaktOptions& options, std::size_t channels) {
  StartedServer server = co_await start_server(io, options);
  std::unique_ptr<SpillkontaktTarget> target(
      new SpillkontaktTarget(std::move(server.process), server.endpoint));
  co_await target->set_up(io, options, channels, server.enrollment_code.substr(0, 4));
  co_return target;
}

asio::awaitable<void> SpillkontaktTarget::set_up(asio::io_context& io, const SpillkontaktOptions& options,
                                                 std::size_t channels, std::string supervisor_lookup) {
  HttpConnection connection(io, endpoint_);
  ApiClient api(connection, host_);
  SetupState state;

  BenchDevice supervisor = BenchDevice::generate();
  json enroll = supervisor.public_keys();
  enroll["lookup"] = supervisor_lookup;
  enroll["confirmation"] = fake_confirmation();
  supervisor.device_id =
      (co_await api.call(http::verb::post, "/v1/enroll", &enroll, "", http::status::created)).at("device_id");
  co_await api.authenticate(supervisor);

  BenchDevice contact = BenchDevice::generate();
  std::string contact_lookup;
  co_await with_fresh_lookup(state.lookups, [&](std::string id) -> asio::awaitable<json> {
    contact_lookup = id;
    const json body = {{"lookup", id}, {"role", "contact"}, {"confirmation", fake_confirmation()}};
    co_return co_await api.call(http::verb::post, "/v1/enroll-codes", &body, supervisor.token,
                                http::status::created);
  });
  enroll = contact.public_keys();
  enroll["lookup"] = contact_lookup;
  enroll["confirmation"] = fake_confirmation();
  contact.device_id =
      (co_await api.call(http::verb::post, "/v1/enroll", &enroll, "", http::status::created)).at("device_id");
  co_await api.authenticate(contact);
  state.contact_token = contact.token;

  state.case_ids.resize(channels);
  state.youth_tokens.resize(channels);
  co_await run_workers(io, options.setup_concurrency,
                       [&] { return pair_cases(io, endpoint_, host_, state); });
  contact_token_ = state.contact_token;
  supervisor_token_ = supervisor.token;
  case_ids_ = std::move(state.case_ids);
  youth_tokens_ = std::move(state.youth_tokens);
}

asio::awaitable<SpillkontaktTarget::CommitCounters> SpillkontaktTarget::commit_counters(
    asio::io_context& io) const {
  HttpConnection connection(io, endpoint_);
  Request request = make_request(http::verb::get, "/metrics", host_);
  const Response response = co_await connection.round_trip(request, std::chrono::seconds(10));
  CommitCounters counters;
  std::istringstream lines(response.body());
  for (std::string line; std::getline(lines, line);) {
    std::istringstream fields(line);
    std::string name;
    double value = 0;
    if (!(fields >> name >> value)) continue;
    if (name == "sk_appends_total") counters.appends = value;
    if (name == "sk_append_batches_total") counters.batches = value;
  }
  co_return counters;
}

Request SpillkontaktTarget::poll_request(std::size_t channel, const Cursor& cursor) const {
  return events_poll_request(host_, case_ids_[channel], youth_tokens_[channel], cursor.after);
}

std::vector<std::uint64_t> SpillkontaktTarget::parse_poll(const Response& response, Cursor& cursor) const {
  return parse_events_poll(response, cursor);
}

Request events_poll_request(const std::string& host, const std::string& case_id, const std::string& token,
                            std::uint64_t after) {
  Request request = make_request(
      http::verb::get, "/v1/cases/" + case_id + "/events?after=" + std::to_string(after) + "&wait=30", host);
  request.set(http::field::authorization, "Bearer " + token);
  return request;
}

std::vector<std::uint64_t> parse_events_poll(const Response& response, Cursor& cursor) {
  if (response.result() != http::status::ok) {
    throw std::runtime_error("events poll answered " + std::to_string(response.result_int()) + " " +
                             response.body().substr(0, 200));
  }
  const json page = json::parse(response.body());
  std::vector<std::uint64_t> keys;
  append_keys(page.at("events"), keys);
  cursor.after = page.at("next_after").get<std::uint64_t>();
  return keys;
}

void append_keys(const nlohmann::json& events, std::vector<std::uint64_t>& keys) {
  for (const json& event : events) {
    const std::string id = event.at("event_id").get<std::string>();
    keys.push_back(std::stoull(id.substr(id.size() - kKeyHexDigits), nullptr, 16));
  }
}

std::string SpillkontaktTarget::encode_payload(std::string_view raw) const {
  return base64url_encode(as_bytes(raw));
}

Request SpillkontaktTarget::publish_request(std::size_t channel, std::uint64_t key,
                                            std::string_view payload) const {
  return append_request({host_, event_id_prefix_}, case_ids_[channel], contact_token_, key, payload);
}

Request append_request(const AppendTo& server, const std::string& case_id, const std::string& token,
                       std::uint64_t key, std::string_view payload) {
  char key_hex[kKeyHexDigits + 1];
  std::snprintf(key_hex, sizeof key_hex, "%012llx", static_cast<unsigned long long>(key));
  return append_envelope_request(server.host, case_id, token, server.event_id_prefix + key_hex, "case",
                                 payload);
}

Request append_envelope_request(const std::string& host, const std::string& case_id, const std::string& token,
                                std::string_view event_id, std::string_view audience,
                                std::string_view envelope) {
  // Concatenated rather than serialised: nothing here needs escaping (UUIDs, audience names,
  // base64url), and the load tool shares the server's two cores, so its own CPU per request is
  // kept small.
  std::string body;
  body.reserve(envelope.size() + 128);
  body.append(R"({"event_id":")").append(event_id);
  body.append(R"(","audience":")")
      .append(audience)
      .append(R"(","envelope":")")
      .append(envelope)
      .append(R"("})");
  Request request = make_request(http::verb::post, "/v1/cases/" + case_id + "/events", host);
  request.set(http::field::authorization, "Bearer " + token);
  request.set(http::field::content_type, "application/json");
  request.body() = std::move(body);
  return request;
}

bool SpillkontaktTarget::publish_accepted(const Response& response) const {
  return response.result() == http::status::created;
}

}  // namespace sk::bench
