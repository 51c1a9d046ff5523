#include "append_writer.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace sk::backend {

AppendWriter::AppendWriter(Storage& storage, OnCommit on_commit)
    : storage_(storage), on_commit_(std::move(on_commit)), writer_([this] { write_loop(); }) {}

AppendWriter::~AppendWriter() {
  close();
}

void AppendWriter::submit(AppendRequest request, Done done) {
  {
    std::unique_lock lock(mutex_);
    if (closing_) {
      lock.unlock();
      return done(sk::fail("unavailable", "The server is shutting down."));
    }
    queue_.push_back({std::move(request), std::move(done)});
  }
  wake_writer_.notify_one();  // no system call unless the writer is waiting
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
  // Kept across groups, so that a group allocates little besides its answers.
  std::vector<AppendRequest> requests;
  std::vector<Done> dones;
  std::vector<std::string> changed;
  for (;;) {
    requests.clear();
    dones.clear();
    changed.clear();
    {
      std::unique_lock lock(mutex_);
      wake_writer_.wait(lock, [&] { return closing_ || !queue_.empty(); });
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
    for (std::size_t i = 0; i < requests.size(); ++i) {
      if (!durable) {
        results[i] = sk::fail("storage", "The database operation failed.");
      } else if (results[i].ok() && !results[i]->duplicate) {
        changed.push_back(std::move(requests[i].case_id));
      }
    }
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    if (!changed.empty()) on_commit_(changed);
    for (std::size_t i = 0; i < dones.size(); ++i) dones[i](std::move(results[i]));
  }
}

}  // namespace sk::backend
