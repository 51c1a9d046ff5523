#pragma once
// AppendWriter: appends to case mailboxes with group commit.
//
// Request threads submit appends. The writer thread takes everything queued (up to kMaxBatch),
// commits it in ONE transaction (Storage::append_batch), makes it durable with one flush
// (Storage::make_durable), then calls `on_commit` with the cases that changed (which wakes their
// long-polls) and each `done` with its result. An append is therefore acknowledged, and visible
// to readers, only once it survives power loss. Appends that arrive during a commit and its flush
// form the next group, so under load one flush covers many appends.
// `done` runs on the writer thread: it must only hand the result over, not block.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "storage.hpp"

namespace sk::backend {

class AppendWriter {
 public:
  using Done = std::function<void(Result<AppendAck>)>;
  using OnCommit = std::function<void(const std::vector<std::string>& changed_cases)>;
  static constexpr std::size_t kMaxBatch = 512;

  AppendWriter(Storage& storage, OnCommit on_commit);
  ~AppendWriter();
  AppendWriter(const AppendWriter&) = delete;
  AppendWriter& operator=(const AppendWriter&) = delete;

  // Once close() has begun, calls `done` at once with an "unavailable" error.
  void submit(AppendRequest request, Done done);
  // Stops taking appends, commits and flushes everything already queued, joins the threads.
  // Idempotent.
  void close();

  std::uint64_t batches() const;

 private:
  struct Job {
    AppendRequest request;
    Done done;
  };
  void write_loop();

  Storage& storage_;
  OnCommit on_commit_;
  mutable std::mutex mutex_;
  std::condition_variable wake_writer_;
  std::deque<Job> queue_;
  bool closing_ = false;
  std::uint64_t batches_ = 0;
  std::thread writer_;
};

}  // namespace sk::backend
