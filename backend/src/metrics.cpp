#include "metrics.hpp"

#include <fmt/format.h>

namespace sk::backend {

void Metrics::record_request(std::string_view route, int status, double seconds, bool long_poll) {
  std::lock_guard lock(mutex_);
  auto it = routes_.find(route);
  if (it == routes_.end()) it = routes_.emplace(std::string(route), RouteStats{}).first;
  ++it->second.by_status[status];
  if (long_poll) return;  // their duration is the client's wait, not our latency
  auto& h = it->second.latency;
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.counts[i];
  }
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::render() const {
  std::string out;
  out += "# HELP sk_http_requests_total HTTP requests by route and status.\n";
  out += "# TYPE sk_http_requests_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [route, stats] : routes_) {
    for (const auto& [status, n] : stats.by_status) {
      out += fmt::format("sk_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", route, status, n);
    }
  }
  out += "# HELP sk_http_request_duration_seconds Request latency (long-polls excluded).\n";
  out += "# TYPE sk_http_request_duration_seconds histogram\n";
  for (const auto& [route, stats] : routes_) {
    const auto& h = stats.latency;
    if (h.count == 0) continue;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out += fmt::format("sk_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", route,
                         kBuckets[i], h.counts[i]);
    }
    out += fmt::format("sk_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", route,
                       h.count);
    out += fmt::format("sk_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", route, h.sum);
    out += fmt::format("sk_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route, h.count);
  }
  out += "# HELP sk_appends_total Envelopes durably appended (duplicates excluded).\n";
  out += "# TYPE sk_appends_total counter\n";
  out += fmt::format("sk_appends_total {}\n", appends_.load());
  out += "# HELP sk_append_batches_total Group-commit transactions.\n";
  out += "# TYPE sk_append_batches_total counter\n";
  out += fmt::format("sk_append_batches_total {}\n", batches_.load());
  out += "# HELP sk_long_polls_open Requests parked waiting for events.\n";
  out += "# TYPE sk_long_polls_open gauge\n";
  out += fmt::format("sk_long_polls_open {}\n", long_polls_open_.load());
  out += "# HELP sk_http_connections_open Client connections the server holds open.\n";
  out += "# TYPE sk_http_connections_open gauge\n";
  out += fmt::format("sk_http_connections_open {}\n", connections_open_.load());
  return out;
}

}  // namespace sk::backend
