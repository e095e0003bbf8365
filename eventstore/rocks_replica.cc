// RocksEventLog: writing events recorded elsewhere (read replicas).
//
// A replica writes the same rows an append writes (event, stream index,
// stream head, log head) so that every read and Verify() work unchanged on
// the copy. The rows come from the leader's records instead of a planner;
// ChainVerifier decides whether they may follow what is already stored.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <unordered_map>

#include "eventstore/chain_verifier.h"
#include "eventstore/record_codec.h"
#include "eventstore/rocks_event_log.h"
#include "eventstore/rocks_handles.h"

namespace dealstream::eventstore {
namespace {

// Beside kHeadKey in the default column family.
constexpr char kReplicaCursorKey[] = "replica_cursor";

// The stored head value, as rocks_event_log.cc writes it:
// BE64(position) hash(32) BE64(recorded µs).
std::string EncodeReplicaHead(const LogHead& head, Timestamp recorded) {
  std::string v;
  PutBigEndian64(&v, head.position.value);
  v.append(reinterpret_cast<const char*>(head.hash.data()), head.hash.size());
  PutBigEndian64(&v, static_cast<uint64_t>(recorded.micros()));
  return v;
}

}  // namespace

Status RocksEventLog::AppendReplicated(const std::vector<RecordedEvent>& events,
                                       std::string_view cursor) {
  if (options_.read_only) {
    return Status::FailedPrecondition("the event log is open read-only; cannot replicate into it");
  }
  const LogHead head = Head();
  ChainVerifier chain(head.position, head.hash);
  // Stream versions continue from what is stored; later events of the same
  // stream in this batch are tracked by the verifier itself.
  std::unordered_map<std::string, uint64_t> stream_versions;
  for (const RecordedEvent& e : events) {
    auto [it, inserted] = stream_versions.try_emplace(e.stream.str(), 0);
    if (inserted) {
      auto stored = StoredVersion(e.stream);
      if (!stored.ok()) return stored.error();
      chain.SetStreamVersion(e.stream.str(), stored->value);
    }
    if (Status s = chain.Feed(e); !s.ok()) return s;
    it->second = e.version.value;
  }

  rocksdb::WriteBatch wb;
  std::string key;
  for (const RecordedEvent& e : events) {
    key.clear();
    PutBigEndian64(&key, e.position.value);
    wb.Put(db_->events, key, EncodeRecord(e));
    wb.Put(db_->stream_index, StreamIndexKey(e.stream.str(), e.version.value), key);
  }
  for (const auto& [name, version] : stream_versions) {
    std::string v;
    PutBigEndian64(&v, version);
    wb.Put(db_->stream_heads, name, v);
  }
  LogHead new_head = head;
  if (!events.empty()) {
    new_head = LogHead{events.back().position, events.back().hash};
    wb.Put(db_->meta, kHeadKey, EncodeReplicaHead(new_head, events.back().recorded_time));
  }
  wb.Put(db_->meta, kReplicaCursorKey, rocksdb::Slice(cursor.data(), cursor.size()));

  rocksdb::WriteOptions wo;
  wo.sync = options_.durability == Durability::kFsync;
  if (rocksdb::Status s = db_->db->Write(wo, &wb); !s.ok()) {
    stat_failures_.fetch_add(1, std::memory_order_relaxed);
    // A failed write leaves RocksDB read-only until resumed; the caller
    // retries, and a persisting cause (a full disk) fails again.
    (void)db_->db->Resume();
    return Status::Unavailable("the replica could not write to disk (" + s.ToString() +
                               "); nothing was stored");
  }
  if (!events.empty()) {
    {
      std::lock_guard lock(head_mu_);
      head_ = new_head;
    }
    head_cv_.notify_all();
    stat_batches_.fetch_add(1, std::memory_order_relaxed);
    stat_events_.fetch_add(events.size(), std::memory_order_relaxed);
  }
  return Status::Ok();
}

Result<std::string> RocksEventLog::ReplicaCursor() const {
  std::string value;
  rocksdb::Status s = db_->db->Get(rocksdb::ReadOptions(), db_->meta, kReplicaCursorKey, &value);
  if (s.IsNotFound()) return std::string();
  if (!s.ok()) return Status::Unavailable("cannot read the replica cursor: " + s.ToString());
  return value;
}

}  // namespace dealstream::eventstore
