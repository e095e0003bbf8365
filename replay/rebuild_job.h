// RebuildJob: a projection rebuild a running server performs on request
// (POST /v1/admin/rebuild; `dealstream rebuild` beside a running server
// asks for it). ReadModels::Rebuild builds the new version beside the live
// one — reads keep being answered by the live one — and switches when it
// has caught up; this runs it on a thread of its own and reports progress,
// rate and ETA while it runs.
//
// One rebuild at a time. The destructor waits for a running rebuild after
// stopping the read models (ReadModels::Stop ends it early), so the job
// must be destroyed before the read models it rebuilds.
//
// Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "base/status.h"
#include "base/time.h"
#include "projections/read_models.h"

namespace dealstream::replay {

enum class RebuildState { kIdle, kRunning, kDone, kFailed };
std::string_view RebuildStateName(RebuildState state);

struct RebuildProgress {
  RebuildState state = RebuildState::kIdle;
  uint64_t run = 0;        // 1 for the first rebuild this process ran, …
  uint64_t done = 0;       // events the new version has applied
  uint64_t total = 0;      // the log's head when last reported
  double events_per_second = 0;
  std::optional<double> eta_seconds;  // while running, once a rate is known
  std::optional<Timestamp> started_at;
  std::optional<Timestamp> finished_at;
  uint64_t generation = 0;  // the live read models' generation
  std::string error;        // kFailed: why
};

class RebuildJob {
 public:
  // `models` must outlive the job.
  explicit RebuildJob(projections::ReadModels& models) : models_(models) {}
  ~RebuildJob();
  RebuildJob(const RebuildJob&) = delete;
  RebuildJob& operator=(const RebuildJob&) = delete;

  // Starts a rebuild and returns at once. FailedPrecondition when one is
  // already running.
  Status Start();
  RebuildProgress progress() const;

 private:
  void Run();

  projections::ReadModels& models_;
  mutable std::mutex mu_;
  RebuildProgress progress_;
  int64_t started_steady_ns_ = 0;
  int64_t finished_steady_ns_ = 0;
  std::thread thread_;
};

}  // namespace dealstream::replay
