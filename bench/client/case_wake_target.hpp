#pragma once
// The backend's own append→wake in the client benchmark's run: one case, one raw long-poll
// (GET /v1/cases/{id}/events?wait=30) by a device of the case, and raw appends by a device of
// the case, timed by bench/backend's wake run. The case is one no client syncs while this runs.

#include "../backend/spillkontakt_target.hpp"
#include "sk/core/encoding.hpp"

namespace sk::bench {

class CaseWakeTarget final : public Target {
 public:
  CaseWakeTarget(tcp::endpoint endpoint, pid_t server, std::string case_id, std::string waiter_token,
                 std::string sender_token)
      : endpoint_(endpoint),
        server_(server),
        append_to_{"127.0.0.1:" + std::to_string(endpoint.port()), random_event_id_prefix()},
        case_id_(std::move(case_id)),
        waiter_token_(std::move(waiter_token)),
        sender_token_(std::move(sender_token)) {}

  std::string name() const override { return "spillkontakt raw long-poll"; }
  tcp::endpoint endpoint() const override { return endpoint_; }
  std::size_t channels() const override { return 1; }
  std::vector<pid_t> pids() const override { return {server_}; }
  Request poll_request(std::size_t, const Cursor& cursor) const override {
    return events_poll_request(append_to_.host, case_id_, waiter_token_, cursor.after);
  }
  std::vector<std::uint64_t> parse_poll(const Response& response, Cursor& cursor) const override {
    return parse_events_poll(response, cursor);
  }
  std::string encode_payload(std::string_view raw) const override { return base64url_encode(as_bytes(raw)); }
  Request publish_request(std::size_t, std::uint64_t key, std::string_view payload) const override {
    return append_request(append_to_, case_id_, sender_token_, key, payload);
  }
  bool publish_accepted(const Response& response) const override {
    return response.result() == http::status::created;
  }

 private:
  tcp::endpoint endpoint_;
  pid_t server_;
  AppendTo append_to_;
  std::string case_id_;
  std::string waiter_token_;
  std::string sender_token_;
};

}  // namespace sk::bench
