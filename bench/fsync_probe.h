// How long this disk takes to make a small write durable: the floor under
// every synced commit, and so the first thing to know when reading P1.
#pragma once

#include <chrono>
#include <string>

#include "base/result.h"

namespace dealstream::bench {

struct FsyncProbe {
  double append_p50_ms = 0;     // 4 KiB appended to a growing file, then fdatasync
  double append_p99_ms = 0;
  double overwrite_p50_ms = 0;  // 4 KiB rewritten in place (no size change), then fdatasync
  double overwrite_p99_ms = 0;
};

// Runs each loop for `duration` in a temporary file under `dir`.
Result<FsyncProbe> ProbeFsync(const std::string& dir, std::chrono::duration<double> duration);

}  // namespace dealstream::bench
