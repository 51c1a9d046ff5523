#pragma once
// spillkontakt-backend as the system under test. The tool starts the real binary on a loopback
// port with a fresh data directory and sets everything up through the real API, as devices
// would: `admin init` → a supervisor enrolls → issues a contact code → the contact enrolls →
// per channel the contact creates a case (pairing invite) and a youth device redeems it and
// authenticates. Channel i is case i; its waiter is the case's youth, and the publisher is the
// contact appending `case`-audience envelopes.

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "process.hpp"
#include "target.hpp"

namespace sk::bench {

struct SpillkontaktOptions {
  std::filesystem::path server;    // the spillkontakt-backend binary
  std::filesystem::path work_dir;  // the run's temporary directory
  std::vector<std::string> extra_serve_args;
  std::size_t setup_concurrency = 16;
};

class SyncTarget;

// A spillkontakt-backend on a loopback port over a fresh data directory with one organisation
// (`admin init`), rate limits off, its log in the work directory.
struct StartedServer {
  ChildProcess process;
  tcp::endpoint endpoint;
  std::string enrollment_code;  // the first supervisor's, as `admin init` printed it: "KX7F-92QM-4T"
};
asio::awaitable<StartedServer> start_server(asio::io_context& io, const SpillkontaktOptions& options);

// POST /v1/cases/{case_id}/events of a 1 KiB-ish `case` envelope whose event id ends with `key`.
struct AppendTo {
  std::string host;
  std::string event_id_prefix;  // per run, so event ids never repeat across runs
};
std::string random_event_id_prefix();
Request append_request(const AppendTo& server, const std::string& case_id, const std::string& token,
                       std::uint64_t key, std::string_view payload);
// The same for any event id and audience; `envelope` is base64url already.
Request append_envelope_request(const std::string& host, const std::string& case_id, const std::string& token,
                                std::string_view event_id, std::string_view audience,
                                std::string_view envelope);
// The keys of the events of a page (fetch or sync), appended to `keys`.
void append_keys(const nlohmann::json& events, std::vector<std::uint64_t>& keys);
// GET /v1/cases/{case_id}/events?after=…&wait=30, and its answer's keys (the cursor advances).
Request events_poll_request(const std::string& host, const std::string& case_id, const std::string& token,
                            std::uint64_t after);
std::vector<std::uint64_t> parse_events_poll(const Response& response, Cursor& cursor);

class SpillkontaktTarget final : public Target {
 public:
  static asio::awaitable<std::unique_ptr<SpillkontaktTarget>> start(asio::io_context& io,
                                                                    const SpillkontaktOptions& options,
                                                                    std::size_t channels);
  ~SpillkontaktTarget() override;

  std::string name() const override { return "spillkontakt"; }
  tcp::endpoint endpoint() const override { return endpoint_; }
  std::size_t channels() const override { return case_ids_.size(); }
  std::vector<pid_t> pids() const override { return {process_.pid()}; }
  Request poll_request(std::size_t channel, const Cursor& cursor) const override;
  std::vector<std::uint64_t> parse_poll(const Response& response, Cursor& cursor) const override;
  std::string encode_payload(std::string_view raw) const override;
  Request publish_request(std::size_t channel, std::uint64_t key, std::string_view payload) const override;
  bool publish_accepted(const Response& response) const override;

  // Group commit as the server counts it (GET /metrics): appends and commit transactions so far.
  struct CommitCounters {
    double appends = 0;
    double batches = 0;
  };
  asio::awaitable<CommitCounters> commit_counters(asio::io_context& io) const;

  // Stops the server with SIGTERM and returns its exit status (0 = a clean, graceful stop).
  int stop();

  // The sync run's devices on this server (sync_target.hpp).
  asio::awaitable<std::unique_ptr<SyncTarget>> sync_devices(asio::io_context& io, std::size_t devices,
                                                            std::size_t cases_per_device,
                                                            std::size_t concurrency) const;

 private:
  SpillkontaktTarget(ChildProcess process, tcp::endpoint endpoint);
  asio::awaitable<void> set_up(asio::io_context& io, const SpillkontaktOptions& options, std::size_t channels,
                               std::string supervisor_lookup);

  ChildProcess process_;
  tcp::endpoint endpoint_;
  std::string host_;
  std::string event_id_prefix_;  // per run, so event ids never repeat across runs
  std::string contact_token_;
  std::string supervisor_token_;
  std::vector<std::string> case_ids_;
  std::vector<std::string> youth_tokens_;
};

}  // namespace sk::bench
