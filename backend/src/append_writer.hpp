#pragma once
// AppendWriter: appends to case mailboxes with group commit, in two pipelined stages.
//
// Request threads submit appends. The writer thread takes everything queued (up to kMaxBatch)
// and commits it in ONE transaction (Storage::append_batch); it then hands the batch to the
// syncer thread and goes on with the next one. The syncer makes everything committed so far
// durable with one flush (Storage::make_durable), which usually covers several batches, then
// calls `on_commit` with the cases that changed (which wakes their long-polls) and each `done`
// with its result. An append is therefore acknowledged, and visible to readers, only once it
// survives power loss; the disk flush of one group overlaps the commit of the next.
// `done` runs on the syncer thread: it must only hand the result over, not block.

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

  // False once close() has begun: the caller answers "unavailable".
  bool submit(AppendRequest request, Done done);
  // Stops taking appends, commits and flushes everything already queued, joins the threads.
  // Idempotent.
  void close();

  std::uint64_t batches() const;

 private:
  struct Job {
    AppendRequest request;
    Done done;
  };
  // A committed batch waiting for its flush.
  struct Committed {
    std::vector<AppendRequest> requests;
    std::vector<Done> dones;
    std::vector<Result<AppendAck>> results;
  };
  void write_loop();
  void sync_loop();

  Storage& storage_;
  OnCommit on_commit_;
  mutable std::mutex mutex_;
  std::condition_variable wake_writer_;
  std::condition_variable wake_syncer_;
  std::deque<Job> queue_;
  std::vector<Committed> committed_;
  bool closing_ = false;
  bool writer_done_ = false;
  bool flushing_ = false;
  std::uint64_t batches_ = 0;
  std::thread syncer_;
  std::thread writer_;
};

}  // namespace sk::backend
