#include "bench/fsync_probe.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace dealstream::bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kBlock = 4096;

struct Percentiles {
  double p50_ms = 0;
  double p99_ms = 0;
};

Result<Percentiles> Loop(const std::string& path, bool grow,
                         std::chrono::duration<double> duration) {
  const int fd = ::open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) return Status::Unavailable("fsync probe: open " + path + ": " + std::strerror(errno));
  std::vector<char> block(kBlock, 'x');
  std::vector<double> ms;
  Status error;
  const Clock::time_point end = Clock::now() + std::chrono::duration_cast<Clock::duration>(duration);
  while (Clock::now() < end) {
    const Clock::time_point begin = Clock::now();
    const ssize_t n = grow ? ::write(fd, block.data(), kBlock) : ::pwrite(fd, block.data(), kBlock, 0);
    if (n != static_cast<ssize_t>(kBlock) || ::fdatasync(fd) != 0) {
      error = Status::Unavailable(std::string("fsync probe: ") + std::strerror(errno));
      break;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
  }
  ::close(fd);
  ::unlink(path.c_str());
  if (!error.ok()) return error;
  if (ms.empty()) return Status::Unavailable("fsync probe: no sync finished in time");
  std::sort(ms.begin(), ms.end());
  return Percentiles{ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)]};
}

}  // namespace

Result<FsyncProbe> ProbeFsync(const std::string& dir, std::chrono::duration<double> duration) {
  const std::string path = dir + "/fsync-probe.tmp";
  auto append = Loop(path, /*grow=*/true, duration);
  if (!append.ok()) return append.error();
  auto overwrite = Loop(path, /*grow=*/false, duration);
  if (!overwrite.ok()) return overwrite.error();
  return FsyncProbe{append->p50_ms, append->p99_ms, overwrite->p50_ms, overwrite->p99_ms};
}

}  // namespace dealstream::bench
