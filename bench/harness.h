// The measuring loop shared by every append benchmark: N writer threads call
// one target's Append() back to back for a fixed time, and each call's
// latency is recorded.
//
// A target is one system under test (the engine, raw RocksDB, PostgreSQL).
// Prepare() runs before the clock starts and builds fresh storage, so that
// every run of every target starts from the same empty state.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"

namespace dealstream::bench {

class AppendTarget {
 public:
  virtual ~AppendTarget() = default;
  // Short label for tables and JSON keys, e.g. "engine_fsync".
  virtual std::string name() const = 0;
  // Opens fresh storage and whatever per-writer state `writers` threads need.
  virtual Status Prepare(int writers) = 0;
  // Appends one event as one command for writer `writer` (0-based). Must not
  // return OK before the event is as durable as the target promises. Called
  // from one thread per writer index, never concurrently for one index.
  virtual Status Append(int writer) = 0;
  // Closes storage and deletes it. Called after the clock stopped.
  virtual Status Finish() = 0;
  // Free-form facts for the report, e.g. events per group commit.
  virtual std::string Notes() const { return {}; }
};

struct RunStats {
  uint64_t events = 0;
  double seconds = 0;
  double events_per_s = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  // CPU time (user + system) of this process per event, all threads. Less
  // sensitive to a busy machine than throughput; excludes work done in other
  // processes (a PostgreSQL server).
  double cpu_us_per_event = 0;
  std::string notes;
};

// Runs `writers` threads against `target` for `duration`. Any failed append
// stops the run and is returned as the error: a benchmark that loses writes
// measures nothing.
Result<RunStats> RunWriters(AppendTarget& target, int writers,
                            std::chrono::duration<double> duration);

// The median of `values` (the mean of the two middle ones for even sizes).
// Precondition: !values.empty().
double Median(std::vector<double> values);

}  // namespace dealstream::bench
