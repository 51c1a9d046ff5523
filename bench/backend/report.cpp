#include "report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

namespace sk::bench {

namespace {

std::string fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

// JSON numbers with a sensible number of decimals (nlohmann prints doubles in full).
double rounded(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

void row(std::ostream& out, const std::string& name, const std::string& ours, const std::string& nchan,
         const std::string& ratio) {
  char line[160];
  std::snprintf(line, sizeof line, "  %-30s %14s %14s %10s\n", name.c_str(), ours.c_str(), nchan.c_str(),
                ratio.c_str());
  out << line;
}

}  // namespace

void print_wake(std::ostream& out, const std::string& title, const WakeResult& r) {
  out << title << '\n'
      << "  waiters " << r.waiters << ", published " << r.published << " (accepted " << r.accepted
      << ", failed " << r.failed << "), delivered " << r.delivered << ", lost " << r.lost << ", duplicated "
      << r.duplicated << ", misrouted " << r.misrouted << ", poll answers " << r.polls << ", poll errors "
      << r.poll_errors << '\n'
      << "  append->wake ms: p50 " << fixed(r.wake.p50_ms, 3) << "  p99 " << fixed(r.wake.p99_ms, 3)
      << "  max " << fixed(r.wake.max_ms, 3) << "  (n=" << r.wake.count << ")\n"
      << "  append ack ms:   p50 " << fixed(r.ack.p50_ms, 3) << "  p99 " << fixed(r.ack.p99_ms, 3) << "  max "
      << fixed(r.ack.max_ms, 3) << '\n'
      << "  server: peak RSS " << fixed(r.resources.peak_rss_mb, 1) << " MB, threads "
      << r.resources.peak_threads << ", CPU " << fixed(r.resources.server_cpu_pct, 1) << "%; load tool CPU "
      << fixed(r.resources.tool_cpu_pct, 1) << "%\n";
}

void print_throughput(std::ostream& out, const std::string& title, const ThroughputResult& r) {
  out << title << '\n'
      << "  " << r.clients << " keep-alive clients for " << fixed(r.seconds, 1) << " s: " << r.accepted
      << " accepted, " << r.failed << " failed => " << fixed(r.accepted_per_s, 0) << " appends/s\n"
      << "  ack ms: p50 " << fixed(r.ack.p50_ms, 3) << "  p99 " << fixed(r.ack.p99_ms, 3) << "  max "
      << fixed(r.ack.max_ms, 3) << '\n'
      << "  server: peak RSS " << fixed(r.resources.peak_rss_mb, 1) << " MB, threads "
      << r.resources.peak_threads << ", CPU " << fixed(r.resources.server_cpu_pct, 1) << "%; load tool CPU "
      << fixed(r.resources.tool_cpu_pct, 1) << "%\n";
}

void print_comparison(std::ostream& out, const Report& report) {
  if (!report.nchan) {
    out << "nchan comparison skipped: " << report.nchan_skipped << '\n';
    return;
  }
  if (!report.ours) return;
  const WakeResult& a = *report.ours;
  const WakeResult& b = *report.nchan;
  auto ratio = [](double x, double y) { return y > 0 ? fixed(x / y, 2) + "x" : std::string("-"); };
  out << "side by side, " << report.n << " waiting clients:\n";
  row(out, "", "spillkontakt", "nginx+nchan", "ratio");
  row(out, "append->wake p50 ms", fixed(a.wake.p50_ms, 3), fixed(b.wake.p50_ms, 3),
      ratio(a.wake.p50_ms, b.wake.p50_ms));
  row(out, "append->wake p99 ms", fixed(a.wake.p99_ms, 3), fixed(b.wake.p99_ms, 3),
      ratio(a.wake.p99_ms, b.wake.p99_ms));
  row(out, "append->wake max ms", fixed(a.wake.max_ms, 3), fixed(b.wake.max_ms, 3),
      ratio(a.wake.max_ms, b.wake.max_ms));
  row(out, "lost / duplicated", std::to_string(a.lost) + " / " + std::to_string(a.duplicated),
      std::to_string(b.lost) + " / " + std::to_string(b.duplicated), "");
  row(out, "peak RSS MB", fixed(a.resources.peak_rss_mb, 1), fixed(b.resources.peak_rss_mb, 1),
      ratio(a.resources.peak_rss_mb, b.resources.peak_rss_mb));
  row(out, "threads (all processes)", std::to_string(a.resources.peak_threads),
      std::to_string(b.resources.peak_threads), "");
  row(out, "server CPU %", fixed(a.resources.server_cpu_pct, 1), fixed(b.resources.server_cpu_pct, 1), "");
  if (report.ours_throughput && report.nchan_throughput) {
    row(out, "publishes/s (64 clients)", fixed(report.ours_throughput->accepted_per_s, 0),
        fixed(report.nchan_throughput->accepted_per_s, 0),
        ratio(report.ours_throughput->accepted_per_s, report.nchan_throughput->accepted_per_s));
  }
  out << "  (spillkontakt acknowledges after a durable commit, synchronous=FULL; nchan keeps messages in "
         "memory)\n";
}

void print_headline_json(std::ostream& out, const Report& report) {
  nlohmann::ordered_json j;
  j["n"] = report.n;
  if (report.ours) {
    const WakeResult& a = *report.ours;
    j["p50_ms"] = rounded(a.wake.p50_ms, 3);
    j["p99_ms"] = rounded(a.wake.p99_ms, 3);
    j["max_ms"] = rounded(a.wake.max_ms, 3);
    j["published"] = a.published;
    j["failed"] = a.failed;
    j["lost"] = a.lost;
    j["duplicated"] = a.duplicated;
    j["server_rss_mb"] = rounded(a.resources.peak_rss_mb, 1);
    j["server_threads"] = a.resources.peak_threads;
    j["server_cpu_pct"] = rounded(a.resources.server_cpu_pct, 1);
    j["ack_p99_ms"] = rounded(a.ack.p99_ms, 3);
    j["load_tool_cpu_pct"] = rounded(a.resources.tool_cpu_pct, 1);
  }
  if (report.nchan) {
    const WakeResult& b = *report.nchan;
    j["nchan_p50_ms"] = rounded(b.wake.p50_ms, 3);
    j["nchan_p99_ms"] = rounded(b.wake.p99_ms, 3);
    j["nchan_lost"] = b.lost;
    j["nchan_rss_mb"] = rounded(b.resources.peak_rss_mb, 1);
    if (report.ours && b.wake.p99_ms > 0)
      j["p99_ratio_vs_nchan"] = rounded(report.ours->wake.p99_ms / b.wake.p99_ms, 2);
  } else {
    j["nchan_skipped"] = report.nchan_skipped;
  }
  if (report.fsync) {
    j["fsync_p50_ms"] = rounded(report.fsync->p50_ms, 3);
    j["fsync_p99_ms"] = rounded(report.fsync->p99_ms, 3);
  }
  if (report.fsync_paced) {
    j["fsync_paced_p50_ms"] = rounded(report.fsync_paced->p50_ms, 3);
    j["fsync_paced_p99_ms"] = rounded(report.fsync_paced->p99_ms, 3);
  }
  if (report.ours_sync) {
    const WakeResult& c = *report.ours_sync;
    j["sync_devices"] = c.waiters;
    j["sync_cases_per_device"] = report.sync_cases_per_device;
    j["sync_p50_ms"] = rounded(c.wake.p50_ms, 3);
    j["sync_p99_ms"] = rounded(c.wake.p99_ms, 3);
    j["sync_appends_per_s"] = rounded(c.accepted / std::max(1.0, report.sync_run_seconds), 1);
    j["sync_lost"] = c.lost;
    j["sync_duplicated"] = c.duplicated;
    j["sync_rss_mb"] = rounded(c.resources.peak_rss_mb, 1);
    j["sync_server_cpu_pct"] = rounded(c.resources.server_cpu_pct, 1);
  }
  if (report.ours_throughput) {
    j["appends_per_commit"] = rounded(report.throughput_appends_per_commit, 1);
    j["durable_appends_per_s"] = rounded(report.ours_throughput->accepted_per_s, 0);
    j["throughput_failed"] = report.ours_throughput->failed;
    j["load_tool_cpu_pct_throughput"] = rounded(report.ours_throughput->resources.tool_cpu_pct, 1);
  }
  j["cores"] = std::thread::hardware_concurrency();
  j["load_average_1m"] = rounded(report.load_average, 2);
  out << j.dump() << std::endl;
}

}  // namespace sk::bench
