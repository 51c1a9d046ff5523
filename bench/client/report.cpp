#include "report.hpp"

#include <nlohmann/json.hpp>

namespace sk::bench {

namespace {

double mb(long kb) {
  return static_cast<double>(kb) / 1024.0;
}

double per_thousand(std::uintmax_t bytes, std::size_t events) {
  return events > 0 ? static_cast<double>(bytes) * 1000.0 / static_cast<double>(events) : 0;
}

const char* verdict(bool met) {
  return met ? "MET" : "MISSED";
}

bool chat_met(const ChatResult& chat, const WakeResult& wake) {
  return chat.lost == 0 && chat.round_trip.p50_ms - wake.wake.p50_ms <= kMaxAddedP50Ms &&
         chat.round_trip.p99_ms - wake.wake.p99_ms <= kMaxAddedP99Ms;
}

}  // namespace

void print_initial(std::ostream& out, const InitialSync& s) {
  out << "initial sync of one case, " << s.envelopes << " envelopes into an empty store:\n"
      << "  " << s.seconds << " s, " << static_cast<double>(s.envelopes) / s.seconds << " envelopes/s; "
      << s.stored << " stored\n"
      << "  opening only (crypto::open, one core): " << s.open_cpu_seconds << " s CPU ("
      << s.open_wall_seconds << " s wall), " << static_cast<double>(s.envelopes) / s.open_cpu_seconds
      << " envelopes/s\n"
      << "  sync / open-only = " << s.ratio() << "x (target <= " << kMaxSyncToOpenRatio
      << "x): " << verdict(s.ratio() <= kMaxSyncToOpenRatio && s.stored == s.envelopes) << '\n'
      << "  store: " << s.store_bytes << " bytes, " << per_thousand(s.store_bytes, s.envelopes)
      << " bytes per 1,000 events\n";
}

void print_chat(std::ostream& out, const ChatResult& chat, const WakeResult& wake) {
  out << "chat round trip, A commits -> B's callback with the message stored (" << chat.round_trip.count
      << " messages, " << chat.lost << " lost):\n"
      << "  p50 " << chat.round_trip.p50_ms << " ms, p99 " << chat.round_trip.p99_ms << " ms, max "
      << chat.round_trip.max_ms << " ms (A's local commit p50 " << chat.local_commit.p50_ms << " ms, p99 "
      << chat.local_commit.p99_ms << " ms, not included)\n"
      << "  backend append->wake, raw long-poll (" << wake.delivered << " of " << wake.accepted << "): p50 "
      << wake.wake.p50_ms << " ms, p99 " << wake.wake.p99_ms << " ms\n"
      << "  client adds p50 " << chat.round_trip.p50_ms - wake.wake.p50_ms
      << " ms (target <= " << kMaxAddedP50Ms << "), p99 " << chat.round_trip.p99_ms - wake.wake.p99_ms
      << " ms (target <= " << kMaxAddedP99Ms << "): " << verdict(chat_met(chat, wake)) << '\n';
}

void print_memory(std::ostream& out, const MemoryFigures& m, std::size_t cases) {
  out << "client memory, one contact with " << cases << " cases, " << m.events << " events in the store:\n"
      << "  pulling them into an empty store: " << m.pull_seconds << " s ("
      << static_cast<double>(m.events) / m.pull_seconds << " events/s), peak RSS " << mb(m.pull_peak_rss_kb)
      << " MB\n"
      << "  restarted on the full store, sync parked: RSS " << mb(m.rss_kb) << " MB (RssAnon "
      << mb(m.rss_anon_kb) << " MB, RssFile " << mb(m.rss_file_kb) << " MB), peak " << mb(m.peak_rss_kb)
      << " MB\n"
      << "  store: " << m.store_bytes << " bytes, " << per_thousand(m.store_bytes, m.events)
      << " bytes per 1,000 events\n";
}

void print_headline_json(std::ostream& out, const ClientReport& r) {
  nlohmann::json j = {
      {"quick", r.quick}, {"load_average", r.load_average}, {"envelope_bytes", r.envelope_bytes}};
  if (r.initial) {
    const auto& s = *r.initial;
    j["initial_envelopes"] = s.envelopes;
    j["initial_stored"] = s.stored;
    j["initial_sync_s"] = s.seconds;
    j["initial_sync_envelopes_per_s"] = static_cast<double>(s.envelopes) / s.seconds;
    j["open_only_cpu_s"] = s.open_cpu_seconds;
    j["initial_sync_to_open_ratio"] = s.ratio();
    j["initial_sync_met"] = s.ratio() <= kMaxSyncToOpenRatio && s.stored == s.envelopes;
    j["store_bytes_per_1000_events"] = per_thousand(s.store_bytes, s.envelopes);
  }
  if (r.chat && r.wake) {
    j["chat_messages"] = r.chat->round_trip.count;
    j["chat_lost"] = r.chat->lost;
    j["chat_p50_ms"] = r.chat->round_trip.p50_ms;
    j["chat_p99_ms"] = r.chat->round_trip.p99_ms;
    j["backend_wake_p50_ms"] = r.wake->wake.p50_ms;
    j["backend_wake_p99_ms"] = r.wake->wake.p99_ms;
    j["chat_added_p50_ms"] = r.chat->round_trip.p50_ms - r.wake->wake.p50_ms;
    j["chat_added_p99_ms"] = r.chat->round_trip.p99_ms - r.wake->wake.p99_ms;
    j["chat_met"] = chat_met(*r.chat, *r.wake);
  }
  if (r.memory) {
    const auto& m = *r.memory;
    j["memory_cases"] = r.memory_cases;
    j["memory_events"] = m.events;
    j["memory_rss_mb"] = mb(m.rss_kb);
    j["memory_rss_anon_mb"] = mb(m.rss_anon_kb);
    j["memory_pull_peak_rss_mb"] = mb(m.pull_peak_rss_kb);
    j["memory_pull_events_per_s"] = static_cast<double>(m.events) / m.pull_seconds;
    j["memory_store_bytes_per_1000_events"] = per_thousand(m.store_bytes, m.events);
  }
  out << j.dump() << std::endl;
}

}  // namespace sk::bench
