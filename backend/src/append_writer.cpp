#include "append_writer.hpp"

#include <algorithm>
#include <set>

#include <spdlog/spdlog.h>

namespace sk::backend {

AppendWriter::AppendWriter(Storage& storage, OnCommit on_commit)
    : storage_(storage), on_commit_(std::move(on_commit)), writer_([this] { write_loop(); }) {}

AppendWriter::~AppendWriter() {
  close();
}

bool AppendWriter::submit(AppendRequest request, Done done) {
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    if (closing_) return false;
    queue_.push_back({std::move(request), std::move(done)});
    wake = writer_waiting_;
  }
  if (wake) wake_writer_.notify_one();
  return true;
}

void AppendWriter::close() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  wake_writer_.notify_one();
  if (writer_.joinable()) writer_.join();
}

std::uint64_t AppendWriter::batches() const {
  std::lock_guard lock(mutex_);
  return batches_;
}

void AppendWriter::write_loop() {
  std::vector<AppendRequest> requests;
  std::vector<Done> dones;
  for (;;) {
    requests.clear();
    dones.clear();
    {
      std::unique_lock lock(mutex_);
      writer_waiting_ = true;
      wake_writer_.wait(lock, [&] { return closing_ || !queue_.empty(); });
      writer_waiting_ = false;
      if (queue_.empty()) return;  // closing, and everything queued is answered
      const auto n = std::min(queue_.size(), kMaxBatch);
      for (std::size_t i = 0; i < n; ++i) {
        requests.push_back(std::move(queue_.front().request));
        dones.push_back(std::move(queue_.front().done));
        queue_.pop_front();
      }
      ++batches_;
    }
    auto results = storage_.append_batch(requests);
    // Appends that arrive meanwhile queue up and form the next group.
    const auto durable = storage_.make_durable();
    if (!durable) spdlog::error("storage: flushing appends failed: {}", durable.error().message);

    // Durable: wake the waiters first (their latency is what users feel), then acknowledge.
    std::set<std::string> changed;
    for (std::size_t i = 0; i < requests.size(); ++i) {
      if (!durable) {
        results[i] = sk::fail("storage", "The database operation failed.");
      } else if (results[i].ok() && !results[i]->duplicate) {
        changed.insert(requests[i].case_id);
      }
    }
    if (!changed.empty()) on_commit_({changed.begin(), changed.end()});
    for (std::size_t i = 0; i < dones.size(); ++i) dones[i](std::move(results[i]));
  }
}

}  // namespace sk::backend
