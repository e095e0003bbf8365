#include "eventstore/rocks_options.h"

#include "eventstore/rocks_info_log.h"

#include <rocksdb/filter_policy.h>
#include <rocksdb/listener.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>

#include <cstring>

namespace dealstream::eventstore {
namespace {

// Stream index keys are `stream '\0' BE64(version)`: the prefix is the stream
// name and its terminator.
class StreamPrefix final : public rocksdb::SliceTransform {
 public:
  const char* Name() const override { return "dealstream.StreamPrefix"; }
  rocksdb::Slice Transform(const rocksdb::Slice& key) const override {
    const auto* nul = static_cast<const char*>(std::memchr(key.data(), 0, key.size()));
    return rocksdb::Slice(key.data(), static_cast<size_t>(nul - key.data()) + 1);
  }
  bool InDomain(const rocksdb::Slice& key) const override {
    return std::memchr(key.data(), 0, key.size()) != nullptr;
  }
};

// Turns off RocksDB's own recovery from a full disk, which polls for free
// space on a timer and meanwhile answers Busy to DB::Resume(): the log's
// writer resumes the database itself before the next append (see
// RocksEventLog::WriteBatch), so that the first command after space returns
// succeeds instead of waiting for the next poll.
class ResumeOnNextAppend final : public rocksdb::EventListener {
 public:
  void OnErrorRecoveryBegin(rocksdb::BackgroundErrorReason /*reason*/,
                            rocksdb::Status /*bg_error*/, bool* auto_recovery) override {
    *auto_recovery = false;
  }
};

rocksdb::ColumnFamilyOptions PointLookupOptions() {
  rocksdb::ColumnFamilyOptions cf;
  rocksdb::BlockBasedTableOptions table;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.whole_key_filtering = true;
  cf.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return cf;
}

}  // namespace

RocksConfig EventLogRocksConfig() {
  RocksConfig config;
  rocksdb::DBOptions& db = config.db;
  db.create_if_missing = true;
  db.create_missing_column_families = true;
  db.listeners.push_back(std::make_shared<ResumeOnNextAppend>());
  db.info_log = RocksInfoLog();  // not a LOG file in the data directory: see rocks_info_log.h
  db.IncreaseParallelism(2);
  db.max_background_jobs = 2;
  // Writes arrive already batched by the log's single writer thread, so
  // RocksDB's own write grouping and parallel memtable inserts would only add
  // waiting. A single writer also lets the memtables use insert hints below.
  db.enable_pipelined_write = false;
  db.allow_concurrent_memtable_write = false;

  rocksdb::ColumnFamilyOptions events;
  events.OptimizeLevelStyleCompaction();

  // Memtable insert hints: without them every insert searches the skip list
  // from the top, and at 64 concurrent streams that search was a quarter of
  // the writer thread's time. With a hint per stream, the next version of a
  // stream lands right after the previous one in O(1).
  rocksdb::ColumnFamilyOptions index;
  index.memtable_insert_with_hint_prefix_extractor = std::make_shared<StreamPrefix>();
  rocksdb::ColumnFamilyOptions heads = PointLookupOptions();
  // A stream head is overwritten on every append: hint by the whole key.
  heads.memtable_insert_with_hint_prefix_extractor.reset(rocksdb::NewNoopTransform());

  config.families = {
      {rocksdb::kDefaultColumnFamilyName, rocksdb::ColumnFamilyOptions()},
      {kEventsCf, events},
      {kStreamIndexCf, index},
      {kStreamHeadsCf, heads},
      {kIdempotencyCf, PointLookupOptions()},
  };
  return config;
}

}  // namespace dealstream::eventstore
