#pragma once
// Samples the memory and threads of the processes under test while a run goes on, and the CPU
// they and this tool used.

#include <memory>
#include <vector>

#include "asio.hpp"

namespace sk::bench {

struct ResourceFigures {
  double peak_rss_mb = 0;     // highest sum of VmRSS over the processes
  long peak_threads = 0;      // highest sum of Threads
  double server_cpu_pct = 0;  // CPU used by the processes / wall time (100 = one core)
  double tool_cpu_pct = 0;    // same for this load tool
};

class ResourceSampler {
 public:
  ResourceSampler(asio::io_context& io, std::vector<pid_t> pids);
  void start();            // begins sampling and the CPU window
  ResourceFigures stop();  // ends both

  struct State;  // shared with the sampling coroutine, which may outlive the sampler briefly

 private:
  std::shared_ptr<State> state_;
};

}  // namespace sk::bench
