#include "throughput_run.hpp"

#include <iostream>
#include <memory>
#include <random>

#include "http_connection.hpp"

namespace sk::bench {

namespace {

constexpr auto kPublishTimeout = std::chrono::seconds(10);

struct Run {
  Run(asio::io_context& io_, const Target& target_, ThroughputConfig config_)
      : io(io_), target(target_), config(config_), rng(std::random_device{}()) {}
  asio::io_context& io;
  const Target& target;
  ThroughputConfig config;
  std::mt19937_64 rng;
  std::vector<std::string> payloads;
  std::uint64_t next_key = 0;
  Clock::time_point deadline{};
  std::size_t running = 0;
  LatencySamples ack;
  ThroughputResult result;
};

asio::awaitable<void> client(std::shared_ptr<Run> run) {
  HttpConnection connection(run->io, run->target.endpoint());
  ++run->running;
  while (Clock::now() < run->deadline) {
    const std::uint64_t key = run->config.key_base + run->next_key++;
    const std::size_t channel =
        std::uniform_int_distribution<std::size_t>(0, run->target.channels() - 1)(run->rng);
    Request request = run->target.publish_request(channel, key, run->payloads[key % run->payloads.size()]);
    Clock::time_point sent_at;
    try {
      Response response = co_await connection.round_trip(request, kPublishTimeout, &sent_at);
      run->ack.add(Clock::now() - sent_at);
      if (run->target.publish_accepted(response)) {
        ++run->result.accepted;
      } else if (run->result.failed++ < 5) {
        std::cerr << run->target.name() << " publish refused: " << response.result_int() << ' '
                  << response.body().substr(0, response.body().find('\n')) << '\n';
      }
    } catch (const std::exception& e) {
      if (run->result.failed++ < 5) std::cerr << run->target.name() << " publish error: " << e.what() << '\n';
    }
  }
  --run->running;
}

}  // namespace

asio::awaitable<ThroughputResult> run_throughput(asio::io_context& io, const Target& target,
                                                 ThroughputConfig config) {
  auto run = std::make_shared<Run>(io, target, config);
  run->result.clients = config.clients;
  run->payloads = encoded_payloads(target, config.payload_bytes, run->rng);
  ResourceSampler sampler(io, target.pids());
  sampler.start();
  const auto start = Clock::now();
  run->deadline = start + config.duration;
  for (std::size_t i = 0; i < config.clients; ++i) asio::co_spawn(io, client(run), asio::detached);
  asio::steady_timer timer(io);
  do {
    timer.expires_after(std::chrono::milliseconds(20));
    co_await timer.async_wait(asio::use_awaitable);
  } while (run->running > 0);
  run->result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  run->result.resources = sampler.stop();
  run->result.accepted_per_s = static_cast<double>(run->result.accepted) / run->result.seconds;
  run->result.ack = run->ack.summary();
  co_return run->result;
}

}  // namespace sk::bench
