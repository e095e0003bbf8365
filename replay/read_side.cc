#include "replay/read_side.h"

#include <chrono>

namespace dealstream::replay {
namespace {

constexpr int kMaxStallSeconds = 30;

}  // namespace

ReadSide::~ReadSide() {
  if (models_) models_->Stop();  // before the store it snapshots into
  models_.reset();
}

Result<std::unique_ptr<ReadSide>> ReadSide::Open(DataDir& dir, const ReadSideOptions& options) {
  std::unique_ptr<ReadSide> side(new ReadSide());
  auto store = projections::SnapshotStore::Open(
      {.path = dir.layout().projections(), .read_only = options.read_only});
  if (!store.ok()) {
    if (!options.read_only && store.error().message().find("lock") != std::string::npos) {
      return Status::FailedPrecondition(
          "the projection store " + dir.layout().projections() +
          " is in use by another process (a running server?); use its admin API instead");
    }
    return store.error();
  }
  side->store_ = std::move(*store);
  projections::WorkerOptions worker;
  worker.read_only = options.read_only;
  worker.snapshot_on_stop = !options.read_only;
  worker.on_catch_up_progress = options.on_catch_up;
  auto models = projections::ReadModels::Start(dir.log(), *side->store_, std::move(worker));
  if (!models.ok()) return models.error();
  side->models_ = std::move(*models);
  // Catch up with the head as it stood at open; a read error that keeps
  // the worker from advancing for a while is reported instead of waited on.
  const eventstore::GlobalPosition head = dir.log().Head().position;
  uint64_t last_position = 0;
  int stalled_seconds = 0;
  while (!side->models_->WaitForPosition(head, std::chrono::seconds(1))) {
    const projections::WorkerStats stats = side->models_->stats();
    stalled_seconds = stats.position == last_position ? stalled_seconds + 1 : 0;
    last_position = stats.position;
    if (stalled_seconds >= kMaxStallSeconds && !stats.last_error.empty()) {
      return Status::Unavailable("projections stopped catching up at position " +
                                 std::to_string(stats.position) + ": " + stats.last_error);
    }
  }
  return side;
}

}  // namespace dealstream::replay
