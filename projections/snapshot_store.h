// SnapshotStore: the projections' side store, a RocksDB database of its own
// (by convention <data>/projections, beside the log's database and never
// inside it), holding for each projection its latest state snapshot and the
// log position that snapshot reflects — the projection's checkpoint.
//
// Save writes the snapshot and its checkpoint in ONE WriteBatch, replacing
// the previous snapshot in the same batch, so after a crash the store holds
// either the old pair or the new pair, never a snapshot with the wrong
// checkpoint: a restarted worker can neither skip nor re-apply an event.
//
// Layout (one key space, keys sorted bytewise):
//   snap/<name>/meta            generation, format, position, size, chunks
//   snap/<name>/chunk/BE32(i)   the i-th piece (≤ 4 MiB) of the state bytes
//
// Thread-safety: all methods may be called concurrently.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "eventstore/types.h"

namespace rocksdb {
class DB;
}  // namespace rocksdb

namespace dealstream::projections {

struct SnapshotStoreOptions {
  // Directory of the side store. Required. Created if missing unless
  // read_only.
  std::string path;
  // Open without the database lock, for read-only tools running beside a
  // live server (`dealstream query`); Save then fails. A missing directory
  // is an empty store. Default: false.
  bool read_only = false;
};

struct StoredSnapshot {
  // Which build of the projection wrote it: bumped by every rebuild, so a
  // snapshot can be traced to the rebuild that produced it.
  uint64_t generation = 0;
  uint32_t format = 0;                   // Projection::snapshot_format()
  eventstore::GlobalPosition position;   // last event folded into `state`
  std::string state;                     // Projection::Save bytes
};

class SnapshotStore {
 public:
  static Result<std::unique_ptr<SnapshotStore>> Open(const SnapshotStoreOptions& options);
  ~SnapshotStore();
  SnapshotStore(const SnapshotStore&) = delete;
  SnapshotStore& operator=(const SnapshotStore&) = delete;

  // The stored snapshot of projection `name`, or nullopt when there is none.
  // Errors: Corruption (pieces missing or inconsistent), Unavailable (read
  // failure).
  Result<std::optional<StoredSnapshot>> Load(std::string_view name) const;

  // Replaces the snapshot of `name` with `snapshot`, atomically.
  // `name` is 1–64 characters of [a-z0-9_]. Errors: InvalidArgument (bad
  // name), FailedPrecondition (read-only store), Unavailable (write failed;
  // the previous snapshot is intact).
  Status Save(std::string_view name, const StoredSnapshot& snapshot);

  // Deletes the snapshot of `name` (the next start rebuilds it from 0).
  Status Erase(std::string_view name);

 private:
  explicit SnapshotStore(std::unique_ptr<rocksdb::DB> db, bool read_only);

  std::unique_ptr<rocksdb::DB> db_;  // null for a missing read-only store
  bool read_only_;
};

}  // namespace dealstream::projections
