#include "replay/rebuild_job.h"

#include <algorithm>
#include <chrono>

namespace dealstream::replay {
namespace {

int64_t SteadyNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::string_view RebuildStateName(RebuildState state) {
  switch (state) {
    case RebuildState::kIdle: return "idle";
    case RebuildState::kRunning: return "running";
    case RebuildState::kDone: return "done";
    case RebuildState::kFailed: return "failed";
  }
  return "unknown";
}

RebuildJob::~RebuildJob() {
  bool running;
  {
    std::lock_guard lock(mu_);
    running = progress_.state == RebuildState::kRunning;
  }
  // Stopping the read models is what ends a rebuild early; the server is
  // going away when the job is, so nothing else will read them.
  if (running) models_.Stop();
  if (thread_.joinable()) thread_.join();
}

Status RebuildJob::Start() {
  std::lock_guard lock(mu_);
  if (progress_.state == RebuildState::kRunning) {
    return Status::FailedPrecondition("a rebuild is already running (started " +
                                      FormatTimestamp(*progress_.started_at) + ")");
  }
  if (thread_.joinable()) thread_.join();  // the previous run has finished
  const uint64_t run = progress_.run + 1;
  progress_ = RebuildProgress{};
  progress_.state = RebuildState::kRunning;
  progress_.run = run;
  progress_.started_at = Now();
  progress_.generation = models_.stats().generation;
  started_steady_ns_ = SteadyNanos();
  thread_ = std::thread([this] { Run(); });
  return Status::Ok();
}

void RebuildJob::Run() {
  Status s = models_.Rebuild([this](uint64_t done, uint64_t total) {
    std::lock_guard lock(mu_);
    progress_.done = done;
    progress_.total = total;
  });
  const projections::WorkerStats stats = models_.stats();
  std::lock_guard lock(mu_);
  progress_.finished_at = Now();
  finished_steady_ns_ = SteadyNanos();
  progress_.generation = stats.generation;
  if (s.ok()) {
    progress_.state = RebuildState::kDone;
    progress_.done = std::max(progress_.done, stats.position);
    progress_.total = std::max(progress_.total, stats.position);
  } else {
    progress_.state = RebuildState::kFailed;
    progress_.error = s.message();
  }
}

RebuildProgress RebuildJob::progress() const {
  std::lock_guard lock(mu_);
  RebuildProgress p = progress_;
  if (p.state == RebuildState::kIdle) {
    p.generation = models_.stats().generation;
    return p;
  }
  const int64_t end_ns =
      p.state == RebuildState::kRunning ? SteadyNanos() : finished_steady_ns_;
  const double seconds = static_cast<double>(end_ns - started_steady_ns_) / 1e9;
  if (seconds > 0 && p.done > 0) p.events_per_second = static_cast<double>(p.done) / seconds;
  if (p.state == RebuildState::kRunning && p.events_per_second > 0 && p.total >= p.done) {
    p.eta_seconds = static_cast<double>(p.total - p.done) / p.events_per_second;
  }
  return p;
}

}  // namespace dealstream::replay
