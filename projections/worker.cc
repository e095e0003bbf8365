#include "projections/worker.h"

#include <utility>

#include "projections/projection_fold.h"

namespace dealstream::projections {
namespace {

using eventstore::GlobalPosition;
using eventstore::RecordedEvent;

constexpr size_t kRebuildChunk = 4096;
constexpr uint64_t kProgressEvery = 16384;

int64_t SteadyNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

ProjectionWorker::ProjectionWorker(const eventstore::EventLog& log, SnapshotStore& store,
                                   ProjectionFactory factory, WorkerOptions options)
    : log_(log), store_(store), factory_(std::move(factory)), options_(std::move(options)) {
  last_snapshot_steady_ns_.store(SteadyNanos());
}

Result<std::unique_ptr<ProjectionWorker>> ProjectionWorker::Start(
    const eventstore::EventLog& log, SnapshotStore& store, ProjectionFactory factory,
    WorkerOptions options) {
  std::unique_ptr<ProjectionWorker> worker(
      new ProjectionWorker(log, store, std::move(factory), std::move(options)));
  worker->projection_ = worker->factory_();
  worker->name_ = std::string(worker->projection_->name());

  auto stored = store.Load(worker->name_);
  if (!stored.ok()) return stored.error();
  if (stored->has_value()) {
    StoredSnapshot& snap = **stored;
    if (snap.format != worker->projection_->snapshot_format()) {
      worker->SetError("stored snapshot has format " + std::to_string(snap.format) +
                       ", this build writes " +
                       std::to_string(worker->projection_->snapshot_format()) +
                       "; rebuilding from position 0");
    } else if (Status s = worker->projection_->Load(snap.state); !s.ok()) {
      worker->SetError("stored snapshot does not load (" + s.ToString() +
                       "); rebuilding from position 0");
      worker->projection_ = worker->factory_();
    } else {
      worker->position_.store(snap.position.value);
      worker->resumed_from_.store(snap.position.value);
      worker->snapshot_position_.store(snap.position.value);
      worker->snapshot_bytes_.store(snap.state.size());
      worker->snapshot_current_.store(true);
    }
    worker->generation_.store(snap.generation);
  }
  std::lock_guard lock(worker->lifecycle_mu_);
  worker->Subscribe();
  return worker;
}

ProjectionWorker::~ProjectionWorker() { Stop(); }

void ProjectionWorker::Subscribe() {
  subscription_ = std::make_unique<eventstore::CatchUpSubscription>(
      log_, GlobalPosition{position_.load() + 1}, eventstore::ReadFilter{},
      [this](const RecordedEvent& e) { return OnEvent(e); },
      [this](const Status& s) { SetError("log read failed: " + s.ToString()); });
}

void ProjectionWorker::Unsubscribe() {
  if (subscription_) subscription_->Stop();
  subscription_.reset();
}

bool ProjectionWorker::OnEvent(const RecordedEvent& event) {
  if (event.position.value <= position_.load()) return true;  // already folded in
  {
    std::unique_lock lock(mu_);
    projection_->Apply(event);
    // Counted before the position is published: a waiter woken by the
    // position must see the event counted too.
    events_applied_.fetch_add(1, std::memory_order_relaxed);
    position_.store(event.position.value);
  }
  {
    // Taking the mutex orders this store before a waiter's predicate check,
    // so no wake-up is lost.
    std::lock_guard lock(position_mu_);
  }
  position_cv_.notify_all();
  events_since_snapshot_.fetch_add(1, std::memory_order_relaxed);
  if (options_.on_catch_up_progress && event.position.value % kProgressEvery == 0) {
    options_.on_catch_up_progress(event.position.value, log_.Head().position.value);
  }
  MaybeSnapshot();
  return true;
}

void ProjectionWorker::MaybeSnapshot() {
  if (options_.read_only || events_since_snapshot_ < options_.snapshot_every_events) return;
  const int64_t since_ns = SteadyNanos() - last_snapshot_steady_ns_.load();
  if (since_ns < std::chrono::nanoseconds(options_.snapshot_min_interval).count()) return;
  if (Status s = WriteSnapshot(); !s.ok()) SetError(s.ToString());
}

Status ProjectionWorker::WriteSnapshot() {
  if (options_.read_only) return Status::Ok();
  std::lock_guard snapshot_lock(snapshot_mu_);
  StoredSnapshot snap;
  {
    // Shared: readers go on; the subscription thread cannot apply meanwhile
    // (it needs the exclusive lock), so state and position agree.
    std::shared_lock lock(mu_);
    snap.position.value = position_.load();
    if (snapshot_current_.load() && snap.position.value == snapshot_position_.load()) {
      return Status::Ok();  // nothing new since the last snapshot
    }
    snap.generation = generation_.load();
    snap.format = projection_->snapshot_format();
    projection_->Save(&snap.state);
  }
  if (Status s = store_.Save(name_, snap); !s.ok()) return s;
  snapshots_written_.fetch_add(1);
  snapshot_position_.store(snap.position.value);
  snapshot_bytes_.store(snap.state.size());
  snapshot_current_.store(true);
  events_since_snapshot_.store(0);
  last_snapshot_steady_ns_.store(SteadyNanos());
  return Status::Ok();
}

Status ProjectionWorker::SnapshotNow() { return WriteSnapshot(); }

bool ProjectionWorker::WaitForPosition(GlobalPosition p, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(position_mu_);
  return position_cv_.wait_for(lock, timeout, [&] { return position_.load() >= p.value; });
}

Status ProjectionWorker::Rebuild(const ProgressCallback& progress) {
  if (rebuilding_.exchange(true)) {
    return Status::FailedPrecondition("a rebuild of " + name_ + " is already running");
  }
  struct Done {
    std::atomic<bool>& flag;
    ~Done() { flag.store(false); }
  } done{rebuilding_};
  rebuild_position_.store(0);

  std::unique_ptr<Projection> fresh = factory_();
  uint64_t next = 1;
  // Folds the log into `fresh` up to the head as it stands now.
  auto catch_up = [&]() -> Status {
    for (;;) {
      if (stopping_.load()) return Status::FailedPrecondition("the worker is stopping");
      const uint64_t head = log_.Head().position.value;
      if (next > head) return Status::Ok();
      auto folded = FoldInto(*fresh, log_, next, head, kRebuildChunk,
                             [&](std::span<const RecordedEvent> events) {
                               events_applied_.fetch_add(events.size(), std::memory_order_relaxed);
                               if (!events.empty()) {
                                 rebuild_position_.store(events.back().position.value);
                                 if (progress) progress(events.back().position.value, head);
                               }
                               return !stopping_.load();
                             });
      if (!folded.ok()) return folded.error();
      next = *folded;
    }
  };
  if (Status s = catch_up(); !s.ok()) return s;

  // Switch: pause the live subscription, fold the short tail that arrived
  // meanwhile, swap the instances, then resume live from the new position.
  std::lock_guard lifecycle(lifecycle_mu_);
  if (stopped_) return Status::FailedPrecondition("the worker is stopped");
  Unsubscribe();
  Status tail = catch_up();
  if (tail.ok()) {
    std::unique_lock lock(mu_);
    projection_ = std::move(fresh);
    position_.store(next - 1);
    generation_.fetch_add(1);
    snapshot_current_.store(false);
  }
  Subscribe();
  if (!tail.ok()) return tail;
  return WriteSnapshot();
}

void ProjectionWorker::Stop() {
  stopping_.store(true);
  std::lock_guard lifecycle(lifecycle_mu_);
  if (stopped_) return;
  stopped_ = true;
  Unsubscribe();
  if (options_.snapshot_on_stop) {
    if (Status s = WriteSnapshot(); !s.ok()) SetError(s.ToString());
  }
}

void ProjectionWorker::SetError(std::string message) {
  std::lock_guard lock(error_mu_);
  last_error_ = std::move(message);
}

WorkerStats ProjectionWorker::stats() const {
  WorkerStats s;
  s.name = name_;
  s.generation = generation_.load();
  s.position = position_.load();
  const eventstore::LogHead head = log_.Head();
  s.head = head.position.value;
  s.lag_events = s.head > s.position ? s.head - s.position : 0;
  s.caught_up = s.lag_events == 0;
  if (s.lag_events > 0) {
    auto oldest = log_.ReadAll(GlobalPosition{s.position + 1}, 1, {});
    if (oldest.ok() && !oldest->events.empty()) {
      const int64_t age_us = Now().micros() - oldest->events.front().recorded_time.micros();
      s.lag_ms = age_us > 0 ? age_us / 1000 : 0;
    }
  }
  s.resumed_from = resumed_from_.load();
  s.events_applied = events_applied_.load();
  s.snapshots_written = snapshots_written_.load();
  s.snapshot_position = snapshot_position_.load();
  s.snapshot_bytes = snapshot_bytes_.load();
  s.rebuilding = rebuilding_.load();
  s.rebuild_position = rebuild_position_.load();
  std::lock_guard lock(error_mu_);
  s.last_error = last_error_;
  return s;
}

}  // namespace dealstream::projections
