#include "wake_run.hpp"

#include <iostream>
#include <memory>
#include <random>
#include <stdexcept>

#include "http_connection.hpp"

namespace sk::bench {

namespace {

constexpr auto kPollTimeout = std::chrono::seconds(45);
constexpr auto kPublishTimeout = std::chrono::seconds(10);

struct Sent {
  std::size_t channel = 0;
  Clock::time_point at{};
  bool accepted = false;
  std::uint32_t deliveries = 0;
};

struct Run {
  Run(asio::io_context& io_, const Target& target_, WakeConfig config_)
      : io(io_), target(target_), config(config_), rng(std::random_device{}()) {}

  asio::io_context& io;
  const Target& target;
  WakeConfig config;
  std::mt19937_64 rng;
  std::vector<std::string> payloads;
  std::vector<Sent> sent;  // by key - key_base
  std::size_t next_slot = 0;
  std::size_t slots = 0;
  Clock::time_point start{};
  bool stopping = false;
  std::size_t waiters_parked = 0;
  std::size_t waiters_running = 0;
  std::size_t senders_running = 0;
  std::vector<std::unique_ptr<HttpConnection>> waiter_connections;
  LatencySamples wake;
  LatencySamples ack;
  WakeResult result;

  void on_delivery(std::size_t channel, std::uint64_t key, Clock::time_point now) {
    if (key < config.key_base || key - config.key_base >= sent.size()) {
      ++result.misrouted;  // a key this run never published
      return;
    }
    Sent& s = sent[key - config.key_base];
    if (s.deliveries++ > 0) {
      ++result.duplicated;
      return;
    }
    if (s.channel != channel) ++result.misrouted;
    ++result.delivered;
    wake.add(now - s.at);
  }

  bool all_delivered() const {
    for (const Sent& s : sent) {
      if (s.accepted && s.deliveries == 0) return false;
    }
    return true;
  }
};

asio::awaitable<void> waiter(std::shared_ptr<Run> run, std::size_t channel) {
  HttpConnection& connection = *run->waiter_connections[channel];
  Cursor cursor;
  bool parked = false;
  bool failed = false;
  ++run->waiters_running;
  while (!run->stopping) {
    try {
      Request request = run->target.poll_request(channel, cursor);
      if (!parked) {
        // Counted once the first long-poll is on its way; the sender starts when all are.
        co_await connection.connect();
        ++run->waiters_parked;
        parked = true;
      }
      Response response = co_await connection.round_trip(request, kPollTimeout);
      const auto now = Clock::now();
      ++run->result.polls;
      for (std::uint64_t key : run->target.parse_poll(response, cursor)) run->on_delivery(channel, key, now);
    } catch (const std::exception& e) {
      if (run->stopping) break;
      if (run->result.poll_errors++ < 5)
        std::cerr << run->target.name() << " poll error: " << e.what() << '\n';
      failed = true;
    }
    if (failed) {
      // Back off before reconnecting, so a refusing server is not hammered.
      failed = false;
      asio::steady_timer pause(run->io, std::chrono::milliseconds(100));
      co_await pause.async_wait(asio::use_awaitable);
    }
  }
  --run->waiters_running;
}

asio::awaitable<void> sender(std::shared_ptr<Run> run) {
  HttpConnection connection(run->io, run->target.endpoint());
  asio::steady_timer timer(run->io);
  const auto interval = std::chrono::duration<double>(1.0 / run->config.rate_per_s);
  ++run->senders_running;
  while (run->next_slot < run->slots) {
    const std::size_t slot = run->next_slot++;
    timer.expires_at(run->start +
                     std::chrono::duration_cast<Clock::duration>(interval * static_cast<double>(slot)));
    co_await timer.async_wait(asio::use_awaitable);
    const std::size_t channel =
        std::uniform_int_distribution<std::size_t>(0, run->target.channels() - 1)(run->rng);
    const std::uint64_t key = run->config.key_base + slot;
    Sent& s = run->sent[slot];
    s.channel = channel;
    Request request = run->target.publish_request(channel, key, run->payloads[slot % run->payloads.size()]);
    ++run->result.published;
    try {
      Response response = co_await connection.round_trip(request, kPublishTimeout, &s.at);
      run->ack.add(Clock::now() - s.at);
      if (run->target.publish_accepted(response)) {
        s.accepted = true;
        ++run->result.accepted;
      } else {
        if (run->result.failed++ < 5) {
          std::cerr << run->target.name() << " publish refused: " << response.result_int() << ' '
                    << response.body().substr(0, response.body().find('\n')) << '\n';
        }
      }
    } catch (const std::exception& e) {
      if (run->result.failed++ < 5) std::cerr << run->target.name() << " publish error: " << e.what() << '\n';
    }
  }
  --run->senders_running;
}

asio::awaitable<void> sleep_for(asio::io_context& io, Clock::duration d) {
  asio::steady_timer timer(io, d);
  co_await timer.async_wait(asio::use_awaitable);
}

}  // namespace

asio::awaitable<WakeResult> run_wake(asio::io_context& io, const Target& target, WakeConfig config) {
  auto run = std::make_shared<Run>(io, target, config);
  const std::size_t n = target.channels();
  run->result.waiters = n;
  run->slots = static_cast<std::size_t>(config.rate_per_s * static_cast<double>(config.duration.count()));
  run->sent.resize(run->slots);
  run->payloads = encoded_payloads(target, config.payload_bytes, run->rng);

  for (std::size_t channel = 0; channel < n; ++channel) {
    run->waiter_connections.push_back(std::make_unique<HttpConnection>(io, target.endpoint()));
    asio::co_spawn(io, waiter(run, channel), asio::detached);
  }
  const auto parking_deadline = Clock::now() + std::chrono::seconds(30);
  while (run->waiters_parked < n && Clock::now() < parking_deadline)
    co_await sleep_for(io, std::chrono::milliseconds(20));
  if (run->waiters_parked < n) throw std::runtime_error("not every waiter could connect");
  // Let the server take in the last first-polls before the clock starts.
  co_await sleep_for(io, std::chrono::seconds(1));

  ResourceSampler sampler(io, target.pids());
  sampler.start();
  run->start = Clock::now() + std::chrono::milliseconds(10);
  for (std::size_t i = 0; i < config.sender_connections; ++i) asio::co_spawn(io, sender(run), asio::detached);
  co_await sleep_for(io, std::chrono::milliseconds(50));
  while (run->senders_running > 0) co_await sleep_for(io, std::chrono::milliseconds(20));
  const auto drain_deadline = Clock::now() + config.drain;
  while (!run->all_delivered() && Clock::now() < drain_deadline)
    co_await sleep_for(io, std::chrono::milliseconds(20));
  run->result.resources = sampler.stop();

  run->stopping = true;
  for (auto& connection : run->waiter_connections) connection->close();
  const auto stop_deadline = Clock::now() + std::chrono::seconds(5);
  while (run->waiters_running > 0 && Clock::now() < stop_deadline)
    co_await sleep_for(io, std::chrono::milliseconds(10));

  for (const Sent& s : run->sent) {
    if (s.accepted && s.deliveries == 0) ++run->result.lost;
  }
  run->result.wake = run->wake.summary();
  run->result.ack = run->ack.summary();
  co_return run->result;
}

}  // namespace sk::bench
