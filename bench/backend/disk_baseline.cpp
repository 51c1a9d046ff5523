#include "disk_baseline.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>
#include <vector>

namespace sk::bench {

LatencySummary measure_fsync(const std::filesystem::path& dir, int rounds, Clock::duration pause) {
  const auto path = dir / "fsync-probe";
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create " + path.string());
  // One 4 KiB page rewritten in place, like a WAL frame append followed by a sync.
  const std::vector<char> page(4096, 'x');
  LatencySamples samples;
  for (int i = 0; i < rounds; ++i) {
    const auto start = Clock::now();
    if (pwrite(fd, page.data(), page.size(), static_cast<off_t>(page.size()) * (i % 16)) < 0 ||
        fdatasync(fd) != 0) {
      close(fd);
      throw std::runtime_error("write/fdatasync failed on " + path.string());
    }
    samples.add(Clock::now() - start);
    if (pause > Clock::duration::zero()) std::this_thread::sleep_for(pause);
  }
  close(fd);
  std::filesystem::remove(path);
  return samples.summary();
}

}  // namespace sk::bench
