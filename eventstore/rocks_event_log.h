// RocksEventLog: the durable EventLog on RocksDB (the embedded default).
//
// Appends go through a pipeline of two threads (group commit). The writer
// drains the queue of pending appends into one WriteBatch and writes it
// without syncing; the syncer makes everything written so far durable with
// one WAL sync, then acknowledges it. Many concurrent commands thus share one
// fsync, the next batch is planned and written while the disk syncs the
// previous one, and each command is acknowledged only after a sync that
// covers it returned. Readers see only synced events.
//
// Storage layout (column families):
//   events        BE64(position)                  -> stored record
//   stream_index  stream '\0' BE64(version)       -> BE64(position)
//   stream_heads  stream                          -> BE64(last version)
//   idempotency   key                             -> stored outcome
//   default       "head"                          -> BE64(position) hash BE64(recorded µs)
// Every append writes all of its rows in one batch, so a crash leaves either
// all of a command's events or none.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "eventstore/batch_planner.h"
#include "eventstore/event_log.h"
#include "eventstore/handoff_queue.h"

namespace rocksdb {
class DB;
class ColumnFamilyHandle;
class Status;
}  // namespace rocksdb

namespace dealstream::eventstore {

enum class Durability {
  // Acknowledge after fsync of the write-ahead log: survives power loss.
  kFsync,
  // Acknowledge after the write reached the OS page cache (no fsync):
  // survives a process crash, NOT a power loss or kernel crash. Named
  // "--durability os" on the command line. For tests and bulk imports.
  kOs,
};

struct RocksEventLogOptions {
  // Directory of the RocksDB database; created if missing. Required.
  std::string path;
  // Default: kFsync.
  Durability durability = Durability::kFsync;
  // Open without taking the database lock, so that read-only tools can run
  // beside a live server. Appends then fail. The view is the log as of open.
  // Default: false.
  bool read_only = false;
  AppendLimits limits;
  // Most appends one group commit takes from the queue. Default: 4,096.
  size_t max_batch_requests = 4096;
};

// Counters for /metrics and benchmarks. Monotonic since open.
struct GroupCommitStats {
  uint64_t batches = 0;  // batches written (one WriteBatch each)
  uint64_t syncs = 0;    // WAL syncs; one covers every batch written before it
  uint64_t requests = 0;
  uint64_t events = 0;
  uint64_t write_failures = 0;
};

// Outcome of Verify().
struct VerifyReport {
  bool ok = true;
  uint64_t events_checked = 0;
  uint64_t first_bad_position = 0;  // 0 when ok
  std::string problem;              // empty when ok
};

class RocksEventLog final : public EventLog {
 public:
  // Opens (creating if needed) the log at options.path.
  static Result<std::unique_ptr<RocksEventLog>> Open(const RocksEventLogOptions& options);
  ~RocksEventLog() override;  // drains queued appends, then closes
  RocksEventLog(const RocksEventLog&) = delete;
  RocksEventLog& operator=(const RocksEventLog&) = delete;

  AppendOutcome Append(AppendRequest request) override;
  void AppendAsync(AppendRequest request, AppendCallback done) override;
  Result<StreamVersion> CurrentVersion(const StreamName& stream) const override;
  Result<std::vector<RecordedEvent>> ReadStream(const StreamName& stream, StreamVersion from,
                                                Direction direction,
                                                size_t max_count) const override;
  Result<ReadAllResult> ReadAll(GlobalPosition from, size_t max_count,
                                const ReadFilter& filter) const override;
  Status ReadAllInto(GlobalPosition from, size_t max_count, const ReadFilter& filter,
                     EventChunk* out) const override;
  Result<std::optional<IdempotencyRecord>> FindIdempotencyKey(
      const std::string& key) const override;
  LogHead Head() const override;
  bool WaitForPosition(GlobalPosition position,
                       std::chrono::milliseconds timeout) const override;

  // Checks the whole stored log: every key against its record, positions and
  // versions contiguous, the hash chain, the stream index and heads, and the
  // stored head. Names the first bad position. `progress(done, total)` is
  // called now and then. Safe to call while appends continue; it checks the
  // log as of the call.
  VerifyReport Verify(const std::function<void(uint64_t, uint64_t)>& progress = {}) const;

  GroupCommitStats stats() const;

  // Replication (rocks_replica.cc), for read replicas fed from Kafka. A
  // replica log has exactly one writer: one thread calls AppendReplicated and
  // nobody calls Append/AppendAsync on that log. Readers are unaffected.
  //
  // Writes events a leader already recorded, unchanged (positions, versions,
  // ids, times, hashes), all or none, after checking that they continue this
  // log: next position, prev_hash, hash over the canonical bytes, stream
  // versions. `cursor` is opaque bytes stored in the same atomic write (the
  // replica's place in its source); `events` may be empty to store only it.
  // Errors: Corruption naming the first bad position and rule (nothing
  // written), Unavailable when storage fails, FailedPrecondition on a
  // read-only log.
  Status AppendReplicated(const std::vector<RecordedEvent>& events, std::string_view cursor);
  // The cursor stored by the last AppendReplicated; empty if none.
  Result<std::string> ReplicaCursor() const;

 private:
  struct Pending {
    AppendRequest request;
    AppendCallback done;
  };
  // One group commit on its way through the pipeline (rocks_pipeline.cc):
  // planned and written unsynced by the writer thread, made durable and
  // acknowledged by the syncer thread.
  struct Batch {
    std::vector<Pending> appends;
    std::vector<AppendOutcome> outcomes;  // one per append
    bool wrote = false;  // its rows are in RocksDB (durable once synced)
    LogHead head;        // the log head after this batch, when `wrote`
    uint64_t events = 0;
  };
  struct Handles;

  RocksEventLog(RocksEventLogOptions options, std::unique_ptr<Handles> handles, LogHead head,
                Timestamp last_recorded);
  void WriterLoop();
  void WriteBatch(Batch& batch);
  // Fails every planned append of `batch` with the storage error `s`.
  void RefuseWrite(Batch& batch, const rocksdb::Status& s);
  void SyncLoop();
  // The latest stored version, including batches written but not yet
  // synced: for the writer (and replication), never for readers.
  Result<StreamVersion> StoredVersion(const StreamName& stream) const;
  // As FindIdempotencyKey, but including batches not yet synced.
  Result<std::optional<IdempotencyRecord>> StoredIdempotencyKey(const std::string& key) const;
  // ReadAll of a category filter through the stream index (rocks_reads.cc);
  // nullopt when the categories hold too many events for that to pay.
  std::optional<Result<ReadAllResult>> ReadCategories(uint64_t from, uint64_t head, size_t max_count,
                                                      const ReadFilter& filter) const;

  const RocksEventLogOptions options_;
  std::unique_ptr<Handles> db_;

  // The append pipeline. Each stage takes everything its queue holds at
  // once, so one sync and one hand-off serve a whole group of appends, and
  // the writer plans and writes the next group while the syncer waits for
  // the disk.
  HandoffQueue<Pending> queue_;  // appends waiting for the writer
  HandoffQueue<Batch> to_sync_;  // written batches waiting for a WAL sync

  // Committed head: everything up to it is durable. Published by the syncer;
  // readers never look past it.
  mutable std::mutex head_mu_;
  mutable std::condition_variable head_cv_;
  LogHead head_;

  // Writer-thread state.
  LogHead written_head_;  // includes written batches that are not yet synced
  Timestamp last_recorded_;
  std::unordered_map<std::string, uint64_t> version_cache_;
  bool needs_resume_ = false;

  // Set when a WAL sync failed. The kernel may then have dropped the unsynced
  // pages, so nothing written since can be acknowledged: appends fail until
  // the log is reopened and recovers from what is really on disk.
  std::atomic<bool> sync_failed_{false};

  std::atomic<uint64_t> stat_batches_{0}, stat_syncs_{0}, stat_requests_{0}, stat_events_{0},
      stat_failures_{0};
  std::thread writer_;
  std::thread syncer_;
};

}  // namespace dealstream::eventstore
