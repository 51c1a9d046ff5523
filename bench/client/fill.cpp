#include "fill.hpp"

#include <time.h>

#include <atomic>
#include <random>
#include <stdexcept>
#include <thread>

#include "../backend/api_client.hpp"
#include "../backend/http_connection.hpp"
#include "../backend/spillkontakt_target.hpp"
#include "sk/core/encoding.hpp"
#include "sk/crypto/envelope.hpp"
#include "sk/model/codec.hpp"
#include "sk/model/event_id.hpp"
#include "sk/protocol/protocol.hpp"

namespace sk::bench {

namespace {

constexpr auto kAppendTimeout = std::chrono::seconds(30);

// Chat lines of 20..200 characters, as people type them.
std::string chat_text(std::size_t i, std::mt19937& rng) {
  static constexpr std::string_view kWords[] = {"hei",    "skal", "vi",  "spille", "i",
                                                "kveld",  "?",    "ja",  "gjerne", "etter",
                                                "middag", "ok",   "bra", "jobba",  "!"};
  const std::size_t length = std::uniform_int_distribution<std::size_t>(20, 200)(rng);
  std::string text = std::to_string(i);
  while (text.size() < length) {
    text += ' ';
    text += kWords[rng() % std::size(kWords)];
  }
  return text;
}

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

std::vector<SealedEvent> seal_chat(const Author& author, const std::string& case_id,
                                   const std::vector<crypto::DevicePublicKeys>& recipients, std::size_t count,
                                   unsigned threads) {
  std::vector<SealedEvent> out(count);
  model::EventIdGenerator ids;
  std::atomic<std::size_t> next = 0;
  std::atomic<bool> failed = false;
  auto work = [&] {
    crypto::PairwiseCache cache;  // one per thread, as the engine keeps one
    std::mt19937 rng(std::random_device{}());
    for (std::size_t i = next++; i < count && !failed; i = next++) {
      model::Event event;
      event.id = ids.next();
      event.case_id = model::CaseId(case_id);
      event.author = model::PrincipalId(author.principal_id);
      event.device = model::DeviceId(author.device_id);
      event.created_at = model::Timestamp{std::chrono::duration_cast<std::chrono::milliseconds>(
                                              std::chrono::system_clock::now().time_since_epoch())
                                              .count()};
      event.body = model::ChatMessage{chat_text(i, rng)};
      auto plaintext = model::encode_event(event);
      if (!model::validate_event(event) || !plaintext) {
        failed = true;
        break;
      }
      const auto id = event.id.str();
      auto sealed = crypto::seal(
          author.identity, recipients, protocol::envelope_kind_for(model::Audience::kCase),
          protocol::envelope_context(case_id, id, model::Audience::kCase), as_bytes(*plaintext), cache);
      if (!sealed) {
        failed = true;
        break;
      }
      out[i] = SealedEvent{id, std::move(*sealed)};
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < std::max(threads, 1U); ++t) workers.emplace_back(work);
  for (auto& w : workers) w.join();
  if (failed) throw std::runtime_error("sealing a chat event failed");
  return out;
}

asio::awaitable<Appended> append_all(asio::io_context& io, tcp::endpoint endpoint, const Author& author,
                                     const std::string& case_id, const std::vector<SealedEvent>& events,
                                     std::size_t connections) {
  const std::string host = "127.0.0.1:" + std::to_string(endpoint.port());
  BenchDevice device;
  device.seed = author.identity.export_signing_seed();
  device.ed25519 = author.identity.public_keys().signing;
  device.device_id = author.device_id;
  {
    HttpConnection connection(io, endpoint);
    ApiClient api(connection, host);
    co_await api.authenticate(device);
  }
  Appended result;
  std::size_t next = 0;
  const auto start = Clock::now();
  auto worker = [&]() -> asio::awaitable<void> {
    HttpConnection connection(io, endpoint);
    while (next < events.size()) {
      const SealedEvent& event = events[next++];
      Request request = append_envelope_request(host, case_id, device.token, event.event_id, "case",
                                                base64url_encode(event.envelope));
      const Response response = co_await connection.round_trip(request, kAppendTimeout);
      if (response.result() != http::status::created)
        throw std::runtime_error("append answered " + std::to_string(response.result_int()) + " " +
                                 response.body().substr(0, 200));
      const auto seq = nlohmann::json::parse(response.body()).at("seq").get<std::int64_t>();
      result.last_seq = std::max(result.last_seq, seq);
    }
  };
  co_await run_workers(io, connections, worker);
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  co_return result;
}

OpenTiming open_all(const std::vector<SealedEvent>& events, const std::string& case_id,
                    const crypto::DeviceIdentity& reader, const crypto::DevicePublicKeys& author) {
  crypto::PairwiseCache cache;
  OpenTiming timing;
  const auto wall_start = Clock::now();
  const double cpu_start = thread_cpu_seconds();
  for (const SealedEvent& event : events) {
    const auto context = protocol::envelope_context(case_id, event.event_id, model::Audience::kCase);
    const crypto::Expectation expect{author, protocol::envelope_kind_for(model::Audience::kCase), context};
    if (crypto::open(event.envelope, reader, expect, cache)) ++timing.opened;
  }
  timing.cpu_seconds = thread_cpu_seconds() - cpu_start;
  timing.wall_seconds = std::chrono::duration<double>(Clock::now() - wall_start).count();
  return timing;
}

}  // namespace sk::bench
