// sk-client-bench: the backend-client benchmark of issue 15 against the real spillkontakt-backend
// on a loopback port (docs/benchmarks.md, "Client"). In one run: the initial sync of one big case
// against opening its envelopes on one core, the chat round trip between two clients beside the
// backend's own append->wake, and a full caseload's memory and store size. The last line of the
// output is one JSON object.

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <thread>

#include "../backend/api_client.hpp"
#include "../backend/http_connection.hpp"
#include "../backend/spillkontakt_target.hpp"
#include "../backend/wake_run.hpp"
#include "../backend/work_dir.hpp"
#include "case_wake_target.hpp"
#include "fill.hpp"
#include "profiles.hpp"
#include "report.hpp"
#include "sk/store/store.hpp"

namespace {

using namespace sk::bench;

struct Options {
  std::size_t initial_events = 100'000;
  std::size_t chat_messages = 1'000;
  std::size_t memory_cases = 15;
  std::size_t memory_events = 10'000;  // per case
  std::size_t append_connections = 32;
  bool quick = false;
  bool keep_dir = false;
  std::filesystem::path temp_parent = std::filesystem::temp_directory_path();
  SpillkontaktOptions server;
};

// Runs one coroutine to completion on `io` (the setup and load phases), rethrowing its failure.
template <class T>
T run_on(asio::io_context& io, asio::awaitable<T> task) {
  std::optional<T> out;
  std::exception_ptr failure;
  auto keep = [](asio::awaitable<T> t, std::optional<T>& o) -> asio::awaitable<void> {
    o.emplace(co_await std::move(t));
  };
  asio::co_spawn(io, keep(std::move(task), out), [&](std::exception_ptr e) { failure = e; });
  io.restart();
  io.run();
  if (failure) std::rethrow_exception(failure);
  return std::move(*out);
}

Author author_of(const Profile& p, const sk::crypto::DeviceIdentity& identity) {
  return Author{identity, p.info.principal_id, p.info.device_id};
}

std::size_t stored_chat_events(const Profile& p, const std::string& case_id) {
  auto store = sk::store::Store::open_read_only(p.client->store_path());
  if (!store) throw std::runtime_error("cannot open the reader's store");
  std::size_t n = 0;
  for (std::int64_t cursor = 0;;) {
    auto page = store->events_after(case_id, cursor, 5000);
    if (!page) throw std::runtime_error("cannot read the reader's store");
    if (page->events.empty()) return n;
    for (const auto& e : page->events) n += e.event.kind == "chat_message" ? 1 : 0;
    cursor = page->next_cursor;
  }
}

// The backend's own append->wake on a case no client syncs: a raw long-poll by the contact's
// device and raw appends by the same device, paced like the chat messages.
WakeResult backend_wake(asio::io_context& io, const StartedServer& server, const Profile& contact,
                        const sk::crypto::DeviceIdentity& identity, const Options& o,
                        std::size_t payload_bytes) {
  auto task = [&]() -> asio::awaitable<WakeResult> {
    const std::string host = "127.0.0.1:" + std::to_string(server.endpoint.port());
    HttpConnection connection(io, server.endpoint);
    ApiClient api(connection, host);
    BenchDevice device;
    device.seed = identity.export_signing_seed();
    device.ed25519 = identity.public_keys().signing;
    device.device_id = contact.info.device_id;
    co_await api.authenticate(device);
    LookupIds lookups;
    const auto created =
        co_await with_fresh_lookup(lookups, [&](std::string id) -> asio::awaitable<nlohmann::json> {
          const nlohmann::json body = {{"lookup", id}, {"confirmation", fake_confirmation()}};
          co_return co_await api.call(http::verb::post, "/v1/cases", &body, device.token,
                                      http::status::created);
        });
    CaseWakeTarget target(server.endpoint, server.process.pid(), created.at("case_id").get<std::string>(),
                          device.token, device.token);
    WakeConfig config;
    config.rate_per_s = 100;
    config.duration = std::chrono::seconds(std::max<std::size_t>(1, o.chat_messages / 100));
    config.drain = std::chrono::seconds(3);
    config.payload_bytes = payload_bytes;
    config.sender_connections = 2;
    co_return co_await run_wake(io, target, config);
  };
  return run_on(io, task());
}

int run(const Options& o, const std::filesystem::path& self) {
  const auto work_dir = make_work_dir(o.temp_parent, "sk-client-bench");
  SpillkontaktOptions server_options = o.server;
  server_options.work_dir = work_dir;
  ClientReport report;
  report.quick = o.quick;
  report.memory_cases = o.memory_cases;
  std::ifstream("/proc/loadavg") >> report.load_average;
  std::cout << "sk-client-bench: " << std::thread::hardware_concurrency() << " cores, load average "
            << report.load_average << "; work directory " << work_dir.string() << std::endl;

  asio::io_context io(1);
  const StartedServer server = run_on(io, start_server(io, server_options));
  const std::string url = "http://127.0.0.1:" + std::to_string(server.endpoint.port());
  const auto setup_start = Clock::now();
  const Profiles profiles(work_dir / "profiles", url);
  Profile supervisor = profiles.enroll_supervisor(server.enrollment_code);
  Profile contact = profiles.enroll_contact(supervisor, "Kari");
  Profile load_contact = profiles.enroll_contact(supervisor, "Marit");
  auto youths = profiles.invite_youths(contact, "youth", 2);  // [0] chats, [1] reads the big case
  auto load_youths = profiles.invite_youths(load_contact, "caseload", o.memory_cases);
  std::cout << "set up 2 contacts, " << youths.size() + load_youths.size() << " youths in "
            << std::chrono::duration<double>(Clock::now() - setup_start).count() << " s" << std::endl;

  const auto contact_identity = load_identity(contact);
  const auto reader_identity = load_identity(youths[1]);
  const std::vector<sk::crypto::DevicePublicKeys> big_recipients = {reader_identity.public_keys(),
                                                                    contact_identity.public_keys()};
  report.envelope_bytes =
      seal_chat(author_of(contact, contact_identity), youths[1].case_id, big_recipients, 1, 1)[0]
          .envelope.size();

  // 2. Chat round trip, then the backend's own wake-up on the same server.
  ChatConfig chat;
  chat.messages = o.chat_messages;
  report.chat = run_chat(contact, youths[0], youths[0].case_id, chat);
  report.wake = backend_wake(io, server, contact, contact_identity, o, report.envelope_bytes);
  print_chat(std::cout, *report.chat, *report.wake);

  // 1. Initial sync of one big case into the second youth's store (only setup in it so far).
  {
    InitialSync s;
    s.envelopes = o.initial_events;
    const Author author = author_of(contact, contact_identity);
    std::cout << "sealing and appending " << s.envelopes << " envelopes..." << std::endl;
    const auto events = seal_chat(author, youths[1].case_id, big_recipients, s.envelopes, 2);
    const auto appended =
        run_on(io, append_all(io, server.endpoint, author, youths[1].case_id, events, o.append_connections));
    s.fill_seconds = appended.seconds;
    std::cout << "  appended in " << appended.seconds << " s" << std::endl;
    const auto opened = open_all(events, youths[1].case_id, reader_identity, contact_identity.public_keys());
    if (opened.opened != events.size())
      throw std::runtime_error("the open-only baseline failed to open some");
    s.open_cpu_seconds = opened.cpu_seconds;
    s.open_wall_seconds = opened.wall_seconds;
    const auto start = Clock::now();
    auto synced = youths[1].client->sync_once(std::chrono::seconds(0), std::chrono::seconds(60));
    s.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (!synced) throw std::runtime_error("initial sync failed: " + synced.error().message);
    s.stored = stored_chat_events(youths[1], youths[1].case_id);
    const auto store_path = youths[1].client->store_path();
    youths[1].client.reset();  // closing checkpoints the WAL into store.db
    s.store_bytes = std::filesystem::file_size(store_path);
    report.initial = s;
    print_initial(std::cout, s);
  }

  // 3. Memory: a contact's caseload, filled on the server, pulled and held by a child process.
  {
    const auto identity = load_identity(load_contact);
    const Author author = author_of(load_contact, identity);
    MemoryRun memory{self, load_contact.dir, url, {}, work_dir / "memory-child.log"};
    std::cout << "filling " << o.memory_cases << " cases with " << o.memory_events << " events each..."
              << std::endl;
    for (auto& y : load_youths) {
      const auto events = seal_chat(
          author, y.case_id, {load_identity(y).public_keys(), identity.public_keys()}, o.memory_events, 2);
      memory.last_seq[y.case_id] =
          run_on(io, append_all(io, server.endpoint, author, y.case_id, events, o.append_connections))
              .last_seq;
    }
    load_contact.client.reset();  // the child is the only client of this profile
    report.memory = measure_memory(memory);
    print_memory(std::cout, *report.memory, o.memory_cases);
  }

  finish_work_dir(work_dir, o.keep_dir, std::cout);
  print_headline_json(std::cout, report);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  bool memory_child = false;
  std::filesystem::path child_profile;
  std::string child_url;
  CLI::App app{"backend-client benchmark: initial sync, chat round trip, memory (issue 15)"};
  app.add_option("--server", o.server.server, "spillkontakt-backend binary")->capture_default_str();
  app.add_option("--initial-events", o.initial_events, "envelopes in the initial sync's case")
      ->check(CLI::Range(1, 1'000'000));
  app.add_option("--chat-messages", o.chat_messages, "chat round trips")->check(CLI::Range(1, 100'000));
  app.add_option("--memory-cases", o.memory_cases, "cases of the memory run's contact")
      ->check(CLI::Range(1, 200));
  app.add_option("--memory-events", o.memory_events, "events per case in the memory run")
      ->check(CLI::Range(1, 1'000'000));
  app.add_option("--append-connections", o.append_connections, "connections filling the mailboxes")
      ->check(CLI::Range(1, 256));
  app.add_flag("--quick", o.quick,
               "10,000 / 200 / 15 x 1,000 instead of 100,000 / 1,000 / 15 x 10,000 (also SK_BENCH_QUICK=1)");
  app.add_option("--temp-dir", o.temp_parent,
                 "where the run's temporary directory is made (a tmpfs takes the disk out)")
      ->capture_default_str();
  app.add_flag("--keep", o.keep_dir, "keep the temporary directory (logs, stores) for inspection");
  app.add_flag("--memory-child", memory_child)->group("");
  app.add_option("--profile", child_profile)->group("");
  app.add_option("--url", child_url)->group("");
  o.server.server = SK_BENCH_DEFAULT_SERVER;
  CLI11_PARSE(app, argc, argv);
  if (memory_child) return run_memory_child(child_profile, child_url);

  if (const char* quick = std::getenv("SK_BENCH_QUICK"); quick != nullptr && std::string(quick) == "1")
    o.quick = true;
  if (o.quick) {
    o.initial_events = 10'000;
    o.chat_messages = 200;
    o.memory_events = 1'000;
  }
  if (!std::filesystem::exists(o.server.server)) {
    std::cerr << "no server binary at " << o.server.server << " (pass --server PATH)\n";
    return 2;
  }
  try {
    return run(o, std::filesystem::read_symlink("/proc/self/exe"));
  } catch (const std::exception& e) {
    std::cerr << "benchmark failed: " << e.what() << '\n';
    return 1;
  }
}
