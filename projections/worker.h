// ProjectionWorker: keeps one Projection up to date with the log.
//
// Start loads the projection's stored snapshot (if its format matches) and
// subscribes to the log from the position after the snapshot's checkpoint
// (CatchUpSubscription: catch-up, then live). Every applied event advances
// the in-memory position; now and then — by the snapshot policy, on
// SnapshotNow and on Stop — the state and its position are written to the
// SnapshotStore together, atomically. A restart therefore resumes from the
// last snapshot without replaying from 0 and without applying any event
// twice.
//
// Rebuild builds a fresh instance from position 0 beside the live one while
// reads keep being served by the live one, then switches to it once it has
// caught up with the head (DESIGN §5), and stores it as a new generation.
//
// Thread-safety: all public methods may be called from any thread. Reads
// (Read) take a shared lock; the subscription thread takes the exclusive
// lock for each event it applies.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>

#include "base/result.h"
#include "eventstore/event_log.h"
#include "eventstore/subscription.h"
#include "projections/projection.h"
#include "projections/snapshot_store.h"

namespace dealstream::projections {

using ProjectionFactory = std::function<std::unique_ptr<Projection>()>;
// (events done, events in total), e.g. for a progress bar. Called on the
// thread doing the work, at most every few thousand events.
using ProgressCallback = std::function<void(uint64_t done, uint64_t total)>;

struct WorkerOptions {
  // A snapshot is written once at least this many events were applied since
  // the previous one... Default: 250,000.
  uint64_t snapshot_every_events = 250000;
  // ...and at least this much time passed since the previous one. Large
  // projections take a while to serialize; this bounds the cost.
  // Default: 30 s.
  std::chrono::milliseconds snapshot_min_interval{30000};
  // Write a snapshot when stopping (also on destruction). Default: true.
  bool snapshot_on_stop = true;
  // Never write snapshots: for read-only tools beside a live server.
  // Default: false.
  bool read_only = false;
  // Progress of the catch-up after Start. Default: none.
  ProgressCallback on_catch_up_progress;
};

// For /metrics. A consistent-enough picture: fields are read one by one.
struct WorkerStats {
  std::string name;
  uint64_t generation = 0;      // bumped by each Rebuild
  uint64_t position = 0;        // last event applied
  uint64_t head = 0;            // log head when stats() ran
  uint64_t lag_events = 0;      // head - position
  // Age of the oldest event not yet applied (now - its recorded time); 0
  // when caught up.
  int64_t lag_ms = 0;
  bool caught_up = false;       // position == head when stats() ran
  uint64_t resumed_from = 0;    // checkpoint loaded at Start (0 = from scratch)
  uint64_t events_applied = 0;  // by this process, including rebuilds
  uint64_t snapshots_written = 0;
  uint64_t snapshot_position = 0;  // checkpoint of the newest stored snapshot
  uint64_t snapshot_bytes = 0;
  bool rebuilding = false;
  uint64_t rebuild_position = 0;
  std::string last_error;       // newest read or snapshot failure, "" if none
};

class ProjectionWorker {
 public:
  // `log` and `store` must outlive the worker. `factory` makes empty
  // instances (at Start, and for each Rebuild).
  // Errors: Unavailable when the stored snapshot cannot be read. A snapshot
  // of another format, or one that fails to load, is not an error: the
  // projection starts from 0 and the reason is kept in last_error.
  static Result<std::unique_ptr<ProjectionWorker>> Start(const eventstore::EventLog& log,
                                                         SnapshotStore& store,
                                                         ProjectionFactory factory,
                                                         WorkerOptions options = {});
  ~ProjectionWorker();
  ProjectionWorker(const ProjectionWorker&) = delete;
  ProjectionWorker& operator=(const ProjectionWorker&) = delete;

  // Runs fn(const P&) under the shared lock and returns its result. P must
  // be the dynamic type the factory makes.
  template <typename P, typename Fn>
  auto Read(Fn&& fn) const {
    std::shared_lock lock(mu_);
    return fn(static_cast<const P&>(*projection_));
  }

  // The last applied position.
  eventstore::GlobalPosition position() const { return {position_.load()}; }
  // Blocks until position() >= `p` or the timeout passes; true if reached.
  bool WaitForPosition(eventstore::GlobalPosition p, std::chrono::milliseconds timeout) const;

  // Writes a snapshot of the current state now (no-op in read-only mode).
  Status SnapshotNow();

  // Builds a new instance from position 0 beside the live one, then
  // switches to it when it has caught up and stores it as generation + 1.
  // Blocks until done; reads continue meanwhile. Errors: Unavailable (log
  // read or snapshot write failed; the live instance stays), Cancelled-like
  // FailedPrecondition when Stop was called meanwhile.
  Status Rebuild(const ProgressCallback& progress = {});

  // Stops the subscription and, per options, writes a final snapshot.
  void Stop();

  WorkerStats stats() const;

 private:
  ProjectionWorker(const eventstore::EventLog& log, SnapshotStore& store,
                   ProjectionFactory factory, WorkerOptions options);
  void Subscribe();
  void Unsubscribe();
  bool OnEvent(const eventstore::RecordedEvent& event);
  void MaybeSnapshot();
  Status WriteSnapshot();
  void SetError(std::string message);

  const eventstore::EventLog& log_;
  SnapshotStore& store_;
  const ProjectionFactory factory_;
  const WorkerOptions options_;
  std::string name_;

  // Guards projection_ (and its swap); readers share, Apply is exclusive.
  mutable std::shared_mutex mu_;
  std::unique_ptr<Projection> projection_;
  std::atomic<uint64_t> position_{0};
  std::atomic<uint64_t> generation_{0};

  mutable std::mutex position_mu_;  // for WaitForPosition
  mutable std::condition_variable position_cv_;

  std::mutex lifecycle_mu_;  // subscription start/stop, Rebuild, Stop
  std::unique_ptr<eventstore::CatchUpSubscription> subscription_;
  bool stopped_ = false;
  std::atomic<bool> stopping_{false};

  std::mutex snapshot_mu_;  // one snapshot write at a time
  std::atomic<uint64_t> events_since_snapshot_{0};
  std::atomic<int64_t> last_snapshot_steady_ns_{0};
  // True while the store holds a snapshot of exactly this generation and
  // snapshot_position_: writing again would change nothing.
  std::atomic<bool> snapshot_current_{false};

  std::atomic<uint64_t> resumed_from_{0}, events_applied_{0}, snapshots_written_{0},
      snapshot_position_{0}, snapshot_bytes_{0}, rebuild_position_{0};
  std::atomic<bool> rebuilding_{false};
  mutable std::mutex error_mu_;
  std::string last_error_;
};

}  // namespace dealstream::projections
