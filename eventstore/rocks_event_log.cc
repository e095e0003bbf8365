#include "eventstore/rocks_event_log.h"

#include <rocksdb/db.h>

#include <cstring>

#include "eventstore/append_waiter.h"
#include "eventstore/idempotency.h"
#include "eventstore/record_codec.h"
#include "eventstore/rocks_handles.h"
#include "eventstore/rocks_options.h"

namespace dealstream::eventstore {

Result<std::unique_ptr<RocksEventLog>> RocksEventLog::Open(const RocksEventLogOptions& options) {
  const RocksConfig config = EventLogRocksConfig();
  auto handles = std::make_unique<Handles>();
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  if (options.read_only) {
    s = rocksdb::DB::OpenForReadOnly(config.db, options.path, config.families, &handles->owned,
                                     &raw);
  } else {
    s = rocksdb::DB::Open(config.db, options.path, config.families, &handles->owned, &raw);
  }
  if (!s.ok()) return FromRocks(s, "cannot open the event log at " + options.path);
  handles->db.reset(raw);
  handles->meta = handles->owned[0];
  handles->events = handles->owned[1];
  handles->stream_index = handles->owned[2];
  handles->stream_heads = handles->owned[3];
  handles->idempotency = handles->owned[4];

  LogHead head;
  Timestamp last_recorded;
  std::string value;
  s = handles->db->Get(rocksdb::ReadOptions(), handles->meta, kHeadKey, &value);
  if (s.ok()) {
    if (value.size() != 8 + 32 + 8) return Status::Corruption("stored log head is malformed");
    head.position = GlobalPosition{GetBigEndian64(value)};
    std::memcpy(head.hash.data(), value.data() + 8, 32);
    last_recorded = Timestamp::FromMicros(static_cast<int64_t>(GetBigEndian64(value.substr(40))));
  } else if (!s.IsNotFound()) {
    return FromRocks(s, "cannot read the log head");
  }
  return std::unique_ptr<RocksEventLog>(
      new RocksEventLog(options, std::move(handles), head, last_recorded));
}

RocksEventLog::RocksEventLog(RocksEventLogOptions options, std::unique_ptr<Handles> handles,
                             LogHead head, Timestamp last_recorded)
    : options_(std::move(options)), db_(std::move(handles)), head_(head), written_head_(head),
      last_recorded_(last_recorded) {
  if (!options_.read_only) {
    syncer_ = std::thread([this] { SyncLoop(); });
    writer_ = std::thread([this] { WriterLoop(); });
  }
}

RocksEventLog::~RocksEventLog() {
  // The writer drains its queue, then closes the syncer's: every queued
  // append is decided and acknowledged before the database closes.
  queue_.Close();
  if (writer_.joinable()) writer_.join();
  if (syncer_.joinable()) syncer_.join();
  head_cv_.notify_all();
}

AppendOutcome RocksEventLog::Append(AppendRequest request) {
  AppendWaiter waiter;
  AppendAsync(std::move(request), [&waiter](AppendOutcome outcome) { waiter.Set(std::move(outcome)); });
  return waiter.Wait();
}

void RocksEventLog::AppendAsync(AppendRequest request, AppendCallback done) {
  if (options_.read_only) {
    done(Unexpected(AppendError{AppendError::Code::kStorageFailure,
                                "the event log is open read-only", {}}));
    return;
  }
  Pending pending{std::move(request), std::move(done)};
  if (queue_.Push(pending)) return;
  pending.done(Unexpected(AppendError{AppendError::Code::kShuttingDown,
                                      "the event log is shutting down; nothing was stored", {}}));
}

Result<StreamVersion> RocksEventLog::StoredVersion(const StreamName& stream) const {
  std::string value;
  rocksdb::Status s = db_->db->Get(rocksdb::ReadOptions(), db_->stream_heads, stream.str(), &value);
  if (s.IsNotFound()) return StreamVersion{0};
  if (!s.ok()) return FromRocks(s, "cannot read the version of " + stream.str());
  if (value.size() != 8) return Status::Corruption("stream head of " + stream.str() + " is malformed");
  return StreamVersion{GetBigEndian64(value)};
}

Result<std::optional<IdempotencyRecord>> RocksEventLog::StoredIdempotencyKey(
    const std::string& key) const {
  std::string value;
  rocksdb::Status s = db_->db->Get(rocksdb::ReadOptions(), db_->idempotency, key, &value);
  if (s.IsNotFound()) return std::optional<IdempotencyRecord>();
  if (!s.ok()) return FromRocks(s, "cannot read an idempotency key");
  auto record = DecodeIdempotencyRecord(value);
  if (!record.ok()) return record.error();
  return std::optional<IdempotencyRecord>(std::move(*record));
}

Result<std::optional<IdempotencyRecord>> RocksEventLog::FindIdempotencyKey(
    const std::string& key) const {
  auto record = StoredIdempotencyKey(key);
  // A key whose append is written but not yet synced is not there yet for
  // readers: its append may still fail.
  if (record.ok() && record->has_value() &&
      (*record)->result.last_position.value > Head().position.value) {
    return std::optional<IdempotencyRecord>();
  }
  return record;
}

LogHead RocksEventLog::Head() const {
  std::lock_guard lock(head_mu_);
  return head_;
}

bool RocksEventLog::WaitForPosition(GlobalPosition position,
                                    std::chrono::milliseconds timeout) const {
  std::unique_lock lock(head_mu_);
  return head_cv_.wait_for(lock, timeout, [&] { return head_.position.value >= position.value; });
}

GroupCommitStats RocksEventLog::stats() const {
  return {stat_batches_.load(), stat_syncs_.load(), stat_requests_.load(), stat_events_.load(),
          stat_failures_.load()};
}

}  // namespace dealstream::eventstore
