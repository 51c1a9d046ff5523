#pragma once
// The sync run's system under test: `devices` contact devices on a running spillkontakt-backend,
// each the only member of `cases_per_device` cases of its own. Channel i is device i: its waiter
// is one POST /v1/sync over all of its cases (docs/api.md, "Sync"), and a publish to channel i
// appends to one of its cases, chosen by the message key, so every case of a device is woken.

#include <memory>
#include <vector>

#include "spillkontakt_target.hpp"

namespace sk::bench {

class SyncTarget final : public Target {
 public:
  struct Device {
    std::string token;
    std::vector<std::string> case_ids;
  };
  SyncTarget(tcp::endpoint endpoint, pid_t pid, AppendTo server, std::vector<Device> devices)
      : endpoint_(endpoint), pid_(pid), server_(std::move(server)), devices_(std::move(devices)) {}

  std::string name() const override { return "spillkontakt sync"; }
  tcp::endpoint endpoint() const override { return endpoint_; }
  std::size_t channels() const override { return devices_.size(); }
  std::vector<pid_t> pids() const override { return {pid_}; }
  Request poll_request(std::size_t channel, const Cursor& cursor) const override;
  std::vector<std::uint64_t> parse_poll(const Response& response, Cursor& cursor) const override;
  std::string encode_payload(std::string_view raw) const override;
  Request publish_request(std::size_t channel, std::uint64_t key, std::string_view payload) const override;
  bool publish_accepted(const Response& response) const override;

 private:
  tcp::endpoint endpoint_;
  pid_t pid_;
  AppendTo server_;
  std::vector<Device> devices_;
};

}  // namespace sk::bench
