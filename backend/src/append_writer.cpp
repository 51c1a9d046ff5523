#include "append_writer.hpp"

#include <algorithm>
#include <set>

#include <spdlog/spdlog.h>

namespace sk::backend {

AppendWriter::AppendWriter(Storage& storage, OnCommit on_commit)
    : storage_(storage),
      on_commit_(std::move(on_commit)),
      syncer_([this] { sync_loop(); }),
      writer_([this] { write_loop(); }) {}

AppendWriter::~AppendWriter() {
  close();
}

bool AppendWriter::submit(AppendRequest request, Done done) {
  {
    std::lock_guard lock(mutex_);
    if (closing_) return false;
    queue_.push_back({std::move(request), std::move(done)});
  }
  wake_writer_.notify_one();
  return true;
}

void AppendWriter::close() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  wake_writer_.notify_one();
  if (writer_.joinable()) writer_.join();
  if (syncer_.joinable()) syncer_.join();
}

std::uint64_t AppendWriter::batches() const {
  std::lock_guard lock(mutex_);
  return batches_;
}

void AppendWriter::write_loop() {
  for (;;) {
    Committed batch;
    {
      std::unique_lock lock(mutex_);
      wake_writer_.wait(lock, [&] { return closing_ || (!queue_.empty() && !flushing_); });
      if (queue_.empty()) {  // closing and drained
        writer_done_ = true;
        wake_syncer_.notify_one();
        return;
      }
      const auto n = std::min(queue_.size(), kMaxBatch);
      batch.requests.reserve(n);
      batch.dones.reserve(n);
      for (std::size_t i = 0; i < n; ++i) {
        batch.requests.push_back(std::move(queue_.front().request));
        batch.dones.push_back(std::move(queue_.front().done));
        queue_.pop_front();
      }
      ++batches_;
    }
    batch.results = storage_.append_batch(batch.requests);
    {
      std::lock_guard lock(mutex_);
      committed_.push_back(std::move(batch));
    }
    wake_syncer_.notify_one();
  }
}

void AppendWriter::sync_loop() {
  for (;;) {
    std::vector<Committed> ready;
    {
      std::unique_lock lock(mutex_);
      wake_syncer_.wait(lock, [&] { return writer_done_ || !committed_.empty(); });
      if (committed_.empty()) return;  // the writer has stopped and everything is answered
      ready.swap(committed_);
      flushing_ = true;
    }
    // One flush covers every batch taken above: they were all committed before it starts.
    const auto durable = storage_.make_durable();
    if (!durable) spdlog::error("storage: flushing appends failed: {}", durable.error().message);
    {
      std::lock_guard lock(mutex_);
      flushing_ = false;
    }
    wake_writer_.notify_one();

    // Durable: wake the waiters first (their latency is what users feel), then acknowledge.
    std::set<std::string> changed;
    for (auto& b : ready) {
      for (std::size_t i = 0; i < b.requests.size(); ++i) {
        if (!durable) {
          b.results[i] = sk::fail("storage", "The database operation failed.");
        } else if (b.results[i].ok() && !b.results[i]->duplicate) {
          changed.insert(b.requests[i].case_id);
        }
      }
    }
    if (!changed.empty()) on_commit_({changed.begin(), changed.end()});
    for (auto& b : ready) {
      for (std::size_t i = 0; i < b.dones.size(); ++i) b.dones[i](std::move(b.results[i]));
    }
  }
}

}  // namespace sk::backend
