#include "network.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <future>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

namespace sk::client {

namespace {

// A response larger than any page the server may send (4 MiB page budget plus framing) is
// treated as a broken server rather than buffered without end.
constexpr std::size_t kMaxResponseBytes = std::size_t{8} << 20U;

using Clock = std::chrono::steady_clock;

struct Transfer {
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  HttpRequest request;
  Network::Done done;
  std::string body;
  std::chrono::seconds retry_after{0};
  bool too_large = false;
  char error_buffer[CURL_ERROR_SIZE] = {};

  ~Transfer() {
    if (headers) curl_slist_free_all(headers);
    if (easy) curl_easy_cleanup(easy);
  }
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (t->body.size() + n > kMaxResponseBytes) {
    t->too_large = true;
    return 0;  // aborts the transfer
  }
  t->body.append(data, n);
  return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  std::string_view line(data, n);
  constexpr std::string_view kRetryAfter = "retry-after:";
  if (line.size() > kRetryAfter.size()) {
    std::string lower(line.substr(0, kRetryAfter.size()));
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (lower == kRetryAfter) {
      long seconds = 0;
      for (char c : line.substr(kRetryAfter.size())) {
        if (c >= '0' && c <= '9') seconds = std::min(seconds * 10 + (c - '0'), 3600L);
      }
      t->retry_after = std::chrono::seconds(seconds);
    }
  }
  return n;
}

Failure failure_of(CURLcode code) {
  switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_USE_SSL_FAILED:
      return Failure::kTls;
    case CURLE_WRITE_ERROR:  // the body callback refused an oversized answer
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return Failure::kBadResponse;
    default:
      return Failure::kOffline;  // resolve, connect, timeout, reset, cut mid-answer, …
  }
}

}  // namespace

struct Network::State {
  CURLM* multi = nullptr;
  std::thread thread;
  std::thread::id thread_id;

  std::mutex mutex;  // guards the three members below
  std::vector<std::function<void()>> inbox;
  std::vector<std::pair<HttpRequest, Done>> submitted;
  bool stopping = false;

  // Network thread only.
  std::map<CURL*, std::unique_ptr<Transfer>> running;
  std::multimap<Clock::time_point, std::uint64_t> timer_order;
  std::map<std::uint64_t, std::pair<Clock::time_point, std::function<void()>>> timers;
  std::uint64_t next_timer = 1;
};

Network::Network(ServerConfig config) : config_(std::move(config)), state_(std::make_unique<State>()) {}

Result<std::unique_ptr<Network>> Network::start(ServerConfig config) {
  if (auto ok = validate(config); !ok) return Unexpected{ok.error()};
  // Thread-safe in libcurl ≥ 7.84 (Debian 12 has 7.88); matched by curl_global_cleanup.
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
    return fail("client.curl", "libcurl failed to start");
  std::unique_ptr<Network> net(new Network(std::move(config)));
  net->state_->multi = curl_multi_init();
  if (!net->state_->multi) return fail("client.curl", "libcurl failed to start");
  curl_multi_setopt(net->state_->multi, CURLMOPT_MAX_HOST_CONNECTIONS, 8L);
  net->state_->thread = std::thread([n = net.get()] { n->run(); });
  return net;
}

Network::~Network() {
  {
    std::lock_guard lock(state_->mutex);
    state_->stopping = true;
  }
  curl_multi_wakeup(state_->multi);
  if (state_->thread.joinable()) state_->thread.join();
  for (auto& [easy, t] : state_->running) curl_multi_remove_handle(state_->multi, easy);
  state_->running.clear();
  curl_multi_cleanup(state_->multi);
  curl_global_cleanup();
}

bool Network::on_network_thread() const {
  return std::this_thread::get_id() == state_->thread_id;
}

void Network::submit(HttpRequest request, Done done) {
  {
    std::lock_guard lock(state_->mutex);
    state_->submitted.emplace_back(std::move(request), std::move(done));
  }
  curl_multi_wakeup(state_->multi);
}

void Network::post(std::function<void()> task) {
  {
    std::lock_guard lock(state_->mutex);
    state_->inbox.push_back(std::move(task));
  }
  curl_multi_wakeup(state_->multi);
}

std::uint64_t Network::after(std::chrono::milliseconds delay, std::function<void()> task) {
  // Timers are only touched on the network thread; from elsewhere, hop over first.
  if (!on_network_thread()) {
    auto id = std::make_shared<std::promise<std::uint64_t>>();
    auto f = id->get_future();
    post([this, delay, id, task = std::move(task)]() mutable {
      id->set_value(after(delay, std::move(task)));
    });
    return f.get();
  }
  const auto when = Clock::now() + delay;
  const auto id = state_->next_timer++;
  state_->timers.emplace(id, std::make_pair(when, std::move(task)));
  state_->timer_order.emplace(when, id);
  return id;
}

void Network::cancel(std::uint64_t timer) {
  state_->timers.erase(timer);  // its timer_order entry is skipped when it comes due
}

HttpResponse Network::exchange(HttpRequest request) {
  std::promise<HttpResponse> answer;
  auto f = answer.get_future();
  submit(std::move(request), [&answer](HttpResponse r) { answer.set_value(std::move(r)); });
  return f.get();
}

void Network::run() {
  state_->thread_id = std::this_thread::get_id();
  const std::string base = config_.base_url;
  for (;;) {
    std::vector<std::function<void()>> tasks;
    std::vector<std::pair<HttpRequest, Done>> requests;
    {
      std::lock_guard lock(state_->mutex);
      if (state_->stopping) return;
      tasks.swap(state_->inbox);
      requests.swap(state_->submitted);
    }
    for (auto& [request, done] : requests) {
      auto t = std::make_unique<Transfer>();
      t->request = std::move(request);
      t->done = std::move(done);
      CURL* e = curl_easy_init();
      t->easy = e;
      const std::string url = base + t->request.path;
      curl_easy_setopt(e, CURLOPT_URL, url.c_str());
      curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
      curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
      curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate as libcurl supports
      curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
      curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config_.connect_timeout.count()));
      curl_easy_setopt(e, CURLOPT_TIMEOUT_MS,
                       static_cast<long>((config_.request_timeout + t->request.extra_timeout).count()));
      curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
      curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
      if (!config_.ca_file.empty()) {
        // CAINFO replaces the default bundle; CAPATH keeps the system store trusted as well.
        curl_easy_setopt(e, CURLOPT_CAINFO, config_.ca_file.c_str());
        curl_easy_setopt(e, CURLOPT_CAPATH, "/etc/ssl/certs");
      }
      if (!config_.pinned_public_key.empty())
        curl_easy_setopt(e, CURLOPT_PINNEDPUBLICKEY, config_.pinned_public_key.c_str());
      curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
      curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
      curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
      curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
      curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error_buffer);
      curl_easy_setopt(e, CURLOPT_USERAGENT, "spillkontakt/0.1");
      t->headers = curl_slist_append(t->headers, "Accept: application/json");
      if (!t->request.bearer.empty())
        t->headers = curl_slist_append(t->headers, ("Authorization: Bearer " + t->request.bearer).c_str());
      if (t->request.method == "GET") {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
      } else {
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, t->request.method.c_str());
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, t->request.body.c_str());
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, static_cast<long>(t->request.body.size()));
        if (!t->request.body.empty())
          t->headers = curl_slist_append(t->headers, "Content-Type: application/json");
        t->headers = curl_slist_append(t->headers, "Expect:");  // no 100-continue round trip
      }
      curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
      curl_multi_add_handle(state_->multi, e);
      state_->running.emplace(e, std::move(t));
    }
    for (auto& task : tasks) task();

    // Timers that came due.
    const auto now = Clock::now();
    while (!state_->timer_order.empty() && state_->timer_order.begin()->first <= now) {
      const auto id = state_->timer_order.begin()->second;
      state_->timer_order.erase(state_->timer_order.begin());
      auto it = state_->timers.find(id);
      if (it == state_->timers.end()) continue;
      auto task = std::move(it->second.second);
      state_->timers.erase(it);
      task();
    }

    int still_running = 0;
    curl_multi_perform(state_->multi, &still_running);
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(state_->multi, &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      CURL* e = msg->easy_handle;
      const CURLcode result = msg->data.result;
      auto node = state_->running.extract(e);
      curl_multi_remove_handle(state_->multi, e);
      auto& t = *node.mapped();
      HttpResponse r;
      if (result == CURLE_OK) {
        curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &r.status);
        r.body = std::move(t.body);
        r.retry_after = t.retry_after;
      } else {
        const auto f = t.too_large ? Failure::kBadResponse : failure_of(result);
        std::string what = t.too_large
                               ? std::string("the answer was larger than any page may be")
                               : std::string(t.error_buffer[0] ? t.error_buffer : curl_easy_strerror(result));
        r.transport = ApiError{f, 0, {}, std::move(what), {}};
      }
      t.done(std::move(r));
    }

    // Sleep until curl, a timer or another thread needs us.
    long curl_wait = -1;
    curl_multi_timeout(state_->multi, &curl_wait);
    long wait_ms = curl_wait < 0 ? 1000 : std::min(curl_wait, 1000L);
    if (!state_->timer_order.empty()) {
      const auto until = std::chrono::duration_cast<std::chrono::milliseconds>(
                             state_->timer_order.begin()->first - Clock::now())
                             .count();
      wait_ms = std::clamp<long>(until, 0, wait_ms);
    }
    if (wait_ms > 0) curl_multi_poll(state_->multi, nullptr, 0, static_cast<int>(wait_ms), nullptr);
  }
}

ApiError error_from_answer(const HttpResponse& r) {
  if (r.transport) return *r.transport;
  ApiError e;
  e.status = r.status;
  e.retry_after = r.retry_after;
  const auto j = nlohmann::json::parse(r.body, nullptr, false);
  if (j.is_object() && j.contains("error") && j["error"].is_object()) {
    const auto& err = j["error"];
    if (err.contains("code") && err["code"].is_string()) e.code = err["code"].get<std::string>();
    if (err.contains("message") && err["message"].is_string()) e.message = err["message"].get<std::string>();
  }
  if (e.message.empty()) e.message = "the server answered " + std::to_string(r.status);
  switch (r.status) {
    case 400:
    case 413:
    case 415:
      e.failure = Failure::kRejected;
      break;
    case 401:
      e.failure = Failure::kUnauthorized;
      break;
    case 403:
      e.failure = Failure::kForbidden;
      break;
    case 404:
      e.failure = Failure::kNotFound;
      break;
    case 409:
      e.failure = Failure::kConflict;
      break;
    case 410:
      e.failure = Failure::kCodeExpired;
      break;
    case 429:
      e.failure = Failure::kRateLimited;
      break;
    default:
      e.failure = r.status >= 500 ? Failure::kServer : Failure::kBadResponse;
  }
  return e;
}

}  // namespace sk::client
