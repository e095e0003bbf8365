// RocksEventLog: the durable EventLog on RocksDB (the embedded default).
//
// Writes go through one writer thread that drains the queue of pending
// appends into a single WriteBatch and writes it with one sync (group
// commit): many concurrent commands share one fsync, and each is
// acknowledged only after that sync returned.
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

namespace rocksdb {
class DB;
class ColumnFamilyHandle;
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
  uint64_t batches = 0;
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
  struct Handles;

  RocksEventLog(RocksEventLogOptions options, std::unique_ptr<Handles> handles, LogHead head,
                Timestamp last_recorded);
  void WriterLoop();
  void CommitBatch(std::vector<Pending>& batch);
  Result<StreamVersion> StoredVersion(const StreamName& stream) const;

  const RocksEventLogOptions options_;
  std::unique_ptr<Handles> db_;

  // Appends waiting for the writer.
  std::mutex queue_mu_;
  std::condition_variable queue_cv_;
  std::vector<Pending> queue_;
  bool stopping_ = false;

  // Committed head, published after each successful batch.
  mutable std::mutex head_mu_;
  mutable std::condition_variable head_cv_;
  LogHead head_;

  // Writer-thread state.
  Timestamp last_recorded_;
  std::unordered_map<std::string, uint64_t> version_cache_;
  bool needs_resume_ = false;

  std::atomic<uint64_t> stat_batches_{0}, stat_requests_{0}, stat_events_{0}, stat_failures_{0};
  std::thread writer_;
};

}  // namespace dealstream::eventstore
