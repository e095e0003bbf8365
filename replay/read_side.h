// ReadSide: the projections of a data directory, opened for a CLI tool:
// the snapshot store (<data>/projections) and the read models, caught up
// with the log as it stood when the tool opened it.
//
// Read-only (query, verify beside a running server): the store is opened
// without its lock and nothing is written. Writable (rebuild on a stopped
// directory): snapshots are stored as the server would.
#pragma once

#include <memory>

#include "base/result.h"
#include "projections/read_models.h"
#include "projections/snapshot_store.h"
#include "replay/data_dir.h"

namespace dealstream::replay {

struct ReadSideOptions {
  bool read_only = true;
  // Progress of catching up from the stored snapshot to the head.
  projections::ProgressCallback on_catch_up;
};

class ReadSide {
 public:
  // Errors: FailedPrecondition (writable open of a store a server holds),
  // Unavailable (store or log failure).
  static Result<std::unique_ptr<ReadSide>> Open(DataDir& dir, const ReadSideOptions& options);
  ~ReadSide();

  projections::ReadModels& models() { return *models_; }
  projections::SnapshotStore& store() { return *store_; }

 private:
  ReadSide() = default;
  std::unique_ptr<projections::SnapshotStore> store_;
  std::unique_ptr<projections::ReadModels> models_;
};

}  // namespace dealstream::replay
