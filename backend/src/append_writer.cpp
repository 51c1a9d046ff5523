#include "append_writer.hpp"

#include <algorithm>
#include <set>

namespace sk::backend {

AppendWriter::AppendWriter(Storage& storage, OnCommit on_commit)
    : storage_(storage), on_commit_(std::move(on_commit)), thread_([this] { run(); }) {}

AppendWriter::~AppendWriter() {
  close();
}

bool AppendWriter::submit(AppendRequest request, Done done) {
  {
    std::lock_guard lock(mutex_);
    if (closing_) return false;
    queue_.push_back({std::move(request), std::move(done)});
  }
  wake_.notify_one();
  return true;
}

void AppendWriter::close() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

std::uint64_t AppendWriter::batches() const {
  std::lock_guard lock(mutex_);
  return batches_;
}

void AppendWriter::run() {
  std::vector<Job> jobs;
  std::vector<AppendRequest> requests;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing and drained
      const auto n = std::min(queue_.size(), kMaxBatch);
      jobs.clear();
      for (std::size_t i = 0; i < n; ++i) {
        jobs.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
      ++batches_;
    }
    requests.clear();
    for (auto& j : jobs) requests.push_back(std::move(j.request));
    auto results = storage_.append_batch(requests);

    // Committed: wake the waiters first (their latency is what users feel), then acknowledge.
    std::set<std::string> changed;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      if (results[i].ok() && !results[i]->duplicate) changed.insert(requests[i].case_id);
    }
    if (!changed.empty()) on_commit_({changed.begin(), changed.end()});
    for (std::size_t i = 0; i < jobs.size(); ++i) jobs[i].done(std::move(results[i]));
  }
}

}  // namespace sk::backend
