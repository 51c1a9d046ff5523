#pragma once
// nginx + Nchan as the in-memory peer: channel i is Nchan channel "c<i>", published with
// POST /pub?id=c<i>, long-polled with GET /sub/c<i> and Nchan's message-id cursor.

#include <filesystem>
#include <memory>
#include <optional>

#include "process.hpp"
#include "target.hpp"

namespace sk::bench {

struct NchanOptions {
  std::filesystem::path nginx = "/usr/sbin/nginx";
  std::filesystem::path module = "/usr/lib/nginx/modules/ngx_nchan_module.so";
  std::filesystem::path config_template;  // bench/nchan/nginx.conf.in
  std::filesystem::path work_dir;         // the run's temporary directory
  int workers = 1;
};

class NchanTarget final : public Target {
 public:
  // Why the comparison can't run here (nginx or the module missing), or nothing.
  static std::optional<std::string> unavailable(const NchanOptions& options);
  // Starts nginx and waits until it answers.
  static asio::awaitable<std::unique_ptr<NchanTarget>> start(asio::io_context& io,
                                                             const NchanOptions& options,
                                                             std::size_t channels);
  ~NchanTarget() override;

  std::string name() const override { return "nchan"; }
  tcp::endpoint endpoint() const override { return endpoint_; }
  std::size_t channels() const override { return channels_; }
  std::vector<pid_t> pids() const override { return pids_; }
  Request poll_request(std::size_t channel, const Cursor& cursor) const override;
  std::vector<std::uint64_t> parse_poll(const Response& response, Cursor& cursor) const override;
  Request publish_request(std::size_t channel, std::uint64_t key, std::string_view payload) const override;
  bool publish_accepted(const Response& response) const override;

 private:
  NchanTarget(ChildProcess process, tcp::endpoint endpoint, std::size_t channels)
      : process_(std::move(process)), endpoint_(endpoint), channels_(channels) {}
  ChildProcess process_;
  tcp::endpoint endpoint_;
  std::size_t channels_;
  std::vector<pid_t> pids_;
  std::string host_;
};

}  // namespace sk::bench
