#include <rocksdb/db.h>
#include <rocksdb/statistics.h>
#include <rocksdb/write_batch.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "base/uuid.h"
#include "bench/targets.h"
#include "eventstore/record_codec.h"
#include "eventstore/rocks_options.h"

namespace dealstream::bench {
namespace {

namespace fs = std::filesystem;
using eventstore::PutBigEndian64;

// The baseline an application would get by calling RocksDB directly: the
// same three rows per command as the engine, the same column families and
// options (eventstore/rocks_options.h), but one synced Write per command from
// each writer's own thread.
// RocksDB still groups concurrent Writes internally (its leader/follower
// write queue); that is part of what "raw RocksDB" means here.
class RawRocksTarget final : public AppendTarget {
 public:
  explicit RawRocksTarget(TargetConfig config) : config_(std::move(config)) {}
  ~RawRocksTarget() override { Close(); }

  std::string name() const override { return "rocksdb_sync"; }

  Status Prepare(int writers) override {
    dir_ = config_.scratch_dir + "/" + name();
    std::error_code ec;
    fs::remove_all(dir_, ec);

    // The engine's own options and column families, so that only the write
    // path differs.
    eventstore::RocksConfig config = eventstore::EventLogRocksConfig();
    // Only to count WAL syncs for the report; tickers without timers are
    // cheap enough not to matter next to an fsync.
    stats_ = rocksdb::CreateDBStatistics();
    stats_->set_stats_level(rocksdb::StatsLevel::kExceptTimers);
    config.db.statistics = stats_;
    events_ = 0;
    rocksdb::DB* raw = nullptr;
    rocksdb::Status s = rocksdb::DB::Open(config.db, dir_, config.families, &handles_, &raw);
    if (!s.ok()) return Status::Unavailable("raw rocksdb open: " + s.ToString());
    db_.reset(raw);

    next_position_ = 0;
    writers_.clear();
    for (int w = 0; w < writers; ++w) {
      auto stream = eventstore::StreamName::Make("opportunity", "bench-" + std::to_string(w));
      if (!stream.ok()) return stream.error();
      writers_.push_back(Writer{std::move(*stream), 0, MakePayload(w, config_.payload_bytes)});
    }
    return Status::Ok();
  }

  Status Append(int writer) override {
    Writer& w = writers_[static_cast<size_t>(writer)];
    const uint64_t position = next_position_.fetch_add(1) + 1;
    const uint64_t version = w.version + 1;
    // The same stored record the engine writes (hashes left zero: raw
    // RocksDB does no chaining).
    eventstore::RecordedEvent e{.position = {position},
                                .stream = w.stream,
                                .version = {version},
                                .id = NewUuidV7(Now()),
                                .type = "crm.opportunity.stage_advanced.v1",
                                .subject = std::string(w.stream.id()),
                                .time = Now(),
                                .recorded_time = Now(),
                                .data = w.payload,
                                .metadata = {.actor = "employee-17",
                                             .correlation_id = "bench",
                                             .command = "AdvanceOpportunityStage"}};
    std::string position_key;
    PutBigEndian64(&position_key, position);
    std::string index_key = w.stream.str();
    index_key.push_back('\0');
    PutBigEndian64(&index_key, version);
    std::string head_value;
    PutBigEndian64(&head_value, version);

    rocksdb::WriteBatch batch;
    batch.Put(handles_[1], position_key, eventstore::EncodeRecord(e));
    batch.Put(handles_[2], index_key, position_key);
    batch.Put(handles_[3], w.stream.str(), head_value);
    rocksdb::WriteOptions wo;
    wo.sync = true;
    rocksdb::Status s = db_->Write(wo, &batch);
    if (!s.ok()) return Status::Unavailable("raw rocksdb write: " + s.ToString());
    w.version = version;
    events_.fetch_add(1, std::memory_order_relaxed);
    return Status::Ok();
  }

  std::string Notes() const override {
    const uint64_t syncs = stats_ ? stats_->getTickerCount(rocksdb::WAL_FILE_SYNCED) : 0;
    if (syncs == 0) return {};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f events/fsync",
                  static_cast<double>(events_.load()) / static_cast<double>(syncs));
    return buf;
  }

  Status Finish() override {
    Close();
    std::error_code ec;
    fs::remove_all(dir_, ec);
    return Status::Ok();
  }

 private:
  struct Writer {
    eventstore::StreamName stream;
    uint64_t version = 0;
    std::string payload;
  };

  void Close() {
    if (!db_) return;
    for (rocksdb::ColumnFamilyHandle* h : handles_) (void)db_->DestroyColumnFamilyHandle(h);
    handles_.clear();
    db_.reset();
  }

  TargetConfig config_;
  std::string dir_;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  std::atomic<uint64_t> next_position_{0};
  std::atomic<uint64_t> events_{0};
  std::shared_ptr<rocksdb::Statistics> stats_;
  std::vector<Writer> writers_;
};

}  // namespace

std::unique_ptr<AppendTarget> MakeRawRocksTarget(const TargetConfig& config) {
  return std::make_unique<RawRocksTarget>(config);
}

}  // namespace dealstream::bench
