#include "eventstore/rocks_event_log.h"

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <cstring>
#include <future>

#include "eventstore/idempotency.h"
#include "eventstore/record_codec.h"
#include "eventstore/rocks_handles.h"
#include "eventstore/rocks_options.h"

namespace dealstream::eventstore {
namespace {

Status FromRocks(const rocksdb::Status& s, std::string_view what) {
  std::string message = std::string(what) + ": " + s.ToString();
  if (s.IsCorruption()) return Status::Corruption(std::move(message));
  return Status::Unavailable(std::move(message));
}

std::string EncodeHead(const LogHead& head, Timestamp recorded) {
  std::string v;
  PutBigEndian64(&v, head.position.value);
  v.append(reinterpret_cast<const char*>(head.hash.data()), head.hash.size());
  PutBigEndian64(&v, static_cast<uint64_t>(recorded.micros()));
  return v;
}

}  // namespace

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
    : options_(std::move(options)), db_(std::move(handles)), head_(head),
      last_recorded_(last_recorded) {
  if (!options_.read_only) writer_ = std::thread([this] { WriterLoop(); });
}

RocksEventLog::~RocksEventLog() {
  {
    std::lock_guard lock(queue_mu_);
    stopping_ = true;
  }
  queue_cv_.notify_all();
  if (writer_.joinable()) writer_.join();
  head_cv_.notify_all();
}

AppendOutcome RocksEventLog::Append(AppendRequest request) {
  std::promise<AppendOutcome> promise;
  auto future = promise.get_future();
  AppendAsync(std::move(request),
              [&promise](AppendOutcome outcome) { promise.set_value(std::move(outcome)); });
  return future.get();
}

void RocksEventLog::AppendAsync(AppendRequest request, AppendCallback done) {
  if (options_.read_only) {
    done(Unexpected(AppendError{AppendError::Code::kStorageFailure,
                                "the event log is open read-only", {}}));
    return;
  }
  {
    std::lock_guard lock(queue_mu_);
    if (!stopping_) {
      queue_.push_back(Pending{std::move(request), std::move(done)});
      if (queue_.size() == 1) queue_cv_.notify_one();
      return;
    }
  }
  done(Unexpected(AppendError{AppendError::Code::kShuttingDown,
                              "the event log is shutting down; nothing was stored", {}}));
}

void RocksEventLog::WriterLoop() {
  std::vector<Pending> batch;
  for (;;) {
    {
      std::unique_lock lock(queue_mu_);
      queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and every queued append is done
      if (queue_.size() <= options_.max_batch_requests) {
        batch.swap(queue_);
      } else {
        auto split = queue_.begin() + static_cast<std::ptrdiff_t>(options_.max_batch_requests);
        batch.assign(std::make_move_iterator(queue_.begin()), std::make_move_iterator(split));
        queue_.erase(queue_.begin(), split);
      }
    }
    CommitBatch(batch);
    batch.clear();
  }
}

Result<StreamVersion> RocksEventLog::StoredVersion(const StreamName& stream) const {
  std::string value;
  rocksdb::Status s = db_->db->Get(rocksdb::ReadOptions(), db_->stream_heads, stream.str(), &value);
  if (s.IsNotFound()) return StreamVersion{0};
  if (!s.ok()) return FromRocks(s, "cannot read the version of " + stream.str());
  if (value.size() != 8) return Status::Corruption("stream head of " + stream.str() + " is malformed");
  return StreamVersion{GetBigEndian64(value)};
}

void RocksEventLog::CommitBatch(std::vector<Pending>& batch) {
  const Timestamp now = std::max(Now(), last_recorded_);
  BatchPlanner planner(
      Head(), now, options_.limits,
      {.stream_version = [this](const StreamName& s) -> Result<StreamVersion> {
         auto it = version_cache_.find(s.str());
         if (it != version_cache_.end()) return StreamVersion{it->second};
         return StoredVersion(s);
       },
       .idempotency = [this](const std::string& key) { return FindIdempotencyKey(key); }});
  std::vector<AppendOutcome> outcomes;
  outcomes.reserve(batch.size());
  for (const Pending& p : batch) outcomes.push_back(planner.Plan(p.request));

  if (!planner.empty()) {
    rocksdb::WriteBatch wb;
    std::string key;
    for (const RecordedEvent& e : planner.records()) {
      key.clear();
      PutBigEndian64(&key, e.position.value);
      wb.Put(db_->events, key, EncodeRecord(e));
      key.clear();
      PutBigEndian64(&key, e.position.value);
      wb.Put(db_->stream_index, StreamIndexKey(e.stream.str(), e.version.value), key);
    }
    for (const auto& [name, entry] : planner.stream_versions()) {
      std::string v;
      PutBigEndian64(&v, entry.second);
      wb.Put(db_->stream_heads, name, v);
    }
    for (const auto& [k, record] : planner.new_keys()) {
      wb.Put(db_->idempotency, k, EncodeIdempotencyRecord(record));
    }
    wb.Put(db_->meta, kHeadKey, EncodeHead(planner.head(), now));

    if (needs_resume_) {
      // After a failed write RocksDB stays read-only until resumed; if the
      // cause (e.g. a full disk) persists, the write below fails again.
      (void)db_->db->Resume();
    }
    rocksdb::WriteOptions wo;
    wo.sync = options_.durability == Durability::kFsync;
    const rocksdb::Status s = db_->db->Write(wo, &wb);
    if (!s.ok()) {
      needs_resume_ = true;
      stat_failures_.fetch_add(1, std::memory_order_relaxed);
      for (AppendOutcome& o : outcomes) {
        if (o.ok()) {
          o = Unexpected(AppendError{AppendError::Code::kStorageFailure,
                                     "the event log could not write to disk (" + s.ToString() +
                                         "); nothing was stored",
                                     {}});
        }
      }
    } else {
      needs_resume_ = false;
      for (const auto& [name, entry] : planner.stream_versions()) {
        version_cache_.insert_or_assign(name, entry.second);
      }
      last_recorded_ = now;
      {
        std::lock_guard lock(head_mu_);
        head_ = planner.head();
      }
      head_cv_.notify_all();
      stat_batches_.fetch_add(1, std::memory_order_relaxed);
      stat_events_.fetch_add(planner.records().size(), std::memory_order_relaxed);
    }
  }
  stat_requests_.fetch_add(batch.size(), std::memory_order_relaxed);
  for (size_t i = 0; i < batch.size(); ++i) batch[i].done(std::move(outcomes[i]));
}

Result<StreamVersion> RocksEventLog::CurrentVersion(const StreamName& stream) const {
  return StoredVersion(stream);
}

Result<std::optional<IdempotencyRecord>> RocksEventLog::FindIdempotencyKey(
    const std::string& key) const {
  std::string value;
  rocksdb::Status s = db_->db->Get(rocksdb::ReadOptions(), db_->idempotency, key, &value);
  if (s.IsNotFound()) return std::optional<IdempotencyRecord>();
  if (!s.ok()) return FromRocks(s, "cannot read an idempotency key");
  auto record = DecodeIdempotencyRecord(value);
  if (!record.ok()) return record.error();
  return std::optional<IdempotencyRecord>(std::move(*record));
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
  return {stat_batches_.load(), stat_requests_.load(), stat_events_.load(), stat_failures_.load()};
}

}  // namespace dealstream::eventstore
