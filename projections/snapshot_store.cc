#include "projections/snapshot_store.h"

#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <filesystem>

#include "eventstore/rocks_info_log.h"
#include "projections/binary_io.h"

namespace dealstream::projections {
namespace {

constexpr size_t kChunkBytes = 4 << 20;

bool ValidName(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string Prefix(std::string_view name) { return "snap/" + std::string(name) + "/"; }

std::string ChunkKey(std::string_view name, uint32_t index) {
  std::string key = Prefix(name) + "chunk/";
  for (int shift = 24; shift >= 0; shift -= 8) key.push_back(static_cast<char>(index >> shift));
  return key;
}

Status Unavailable(std::string_view what, const rocksdb::Status& s) {
  return Status::Unavailable(std::string(what) + ": " + s.ToString());
}

}  // namespace

SnapshotStore::SnapshotStore(std::unique_ptr<rocksdb::DB> db, bool read_only)
    : db_(std::move(db)), read_only_(read_only) {}

SnapshotStore::~SnapshotStore() = default;

Result<std::unique_ptr<SnapshotStore>> SnapshotStore::Open(const SnapshotStoreOptions& options) {
  if (options.path.empty()) return Status::InvalidArgument("the snapshot store needs a path");
  rocksdb::Options db_options;
  // Snapshots are mostly fixed-width records that are read back whole at
  // start-up (DESIGN P8); not compressing keeps that at disk speed.
  db_options.compression = rocksdb::kNoCompression;
  db_options.max_open_files = 64;
  db_options.info_log = eventstore::RocksInfoLog();  // see rocks_info_log.h
  rocksdb::DB* raw = nullptr;
  if (options.read_only) {
    std::error_code ec;
    if (!std::filesystem::exists(options.path, ec)) {
      return std::unique_ptr<SnapshotStore>(new SnapshotStore(nullptr, true));
    }
    rocksdb::Status s = rocksdb::DB::OpenForReadOnly(db_options, options.path, &raw);
    if (!s.ok()) return Unavailable("cannot open the projection store read-only", s);
  } else {
    db_options.create_if_missing = true;
    // Made here so that RocksDB does not log a missing directory as an error.
    std::error_code ec;
    std::filesystem::create_directories(options.path, ec);
    rocksdb::Status s = rocksdb::DB::Open(db_options, options.path, &raw);
    if (!s.ok()) return Unavailable("cannot open the projection store", s);
  }
  return std::unique_ptr<SnapshotStore>(
      new SnapshotStore(std::unique_ptr<rocksdb::DB>(raw), options.read_only));
}

Result<std::optional<StoredSnapshot>> SnapshotStore::Load(std::string_view name) const {
  if (!ValidName(name)) return Status::InvalidArgument("bad projection name");
  if (!db_) return std::optional<StoredSnapshot>();
  std::string meta_bytes;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), Prefix(name) + "meta", &meta_bytes);
  if (s.IsNotFound()) return std::optional<StoredSnapshot>();
  if (!s.ok()) return Unavailable("cannot read a projection snapshot", s);

  BinaryReader meta(meta_bytes);
  StoredSnapshot out;
  out.generation = meta.U64();
  out.format = static_cast<uint32_t>(meta.U64());
  out.position.value = meta.U64();
  const uint64_t size = meta.U64();
  const uint64_t chunks = meta.U64();
  if (!meta.done()) return Status::Corruption("snapshot meta of " + std::string(name) + " is malformed");

  out.state.reserve(size);
  rocksdb::ReadOptions ro;
  ro.readahead_size = 8 << 20;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro));
  const std::string chunk_prefix = Prefix(name) + "chunk/";
  uint32_t index = 0;
  for (it->Seek(ChunkKey(name, 0)); it->Valid() && it->key().starts_with(chunk_prefix);
       it->Next(), ++index) {
    if (it->key() != ChunkKey(name, index)) {
      return Status::Corruption("snapshot of " + std::string(name) + " misses piece " +
                                std::to_string(index));
    }
    out.state.append(it->value().data(), it->value().size());
  }
  if (!it->status().ok()) return Unavailable("cannot read a projection snapshot", it->status());
  if (index != chunks || out.state.size() != size) {
    return Status::Corruption("snapshot of " + std::string(name) + " has " +
                              std::to_string(out.state.size()) + " bytes in " +
                              std::to_string(index) + " pieces; its meta says " +
                              std::to_string(size) + " in " + std::to_string(chunks));
  }
  return std::optional<StoredSnapshot>(std::move(out));
}

Status SnapshotStore::Save(std::string_view name, const StoredSnapshot& snapshot) {
  if (!ValidName(name)) return Status::InvalidArgument("bad projection name");
  if (read_only_ || !db_) return Status::FailedPrecondition("the projection store is read-only");
  const std::string prefix = Prefix(name);
  std::string end = prefix;
  end.back() = '/' + 1;

  rocksdb::WriteBatch batch;
  // The range delete precedes the puts in the batch, so it removes only the
  // previous snapshot's pieces, never this one's.
  batch.DeleteRange(prefix, end);
  const std::string& state = snapshot.state;
  uint32_t chunks = 0;
  for (size_t offset = 0; offset < state.size(); offset += kChunkBytes, ++chunks) {
    const size_t n = std::min(kChunkBytes, state.size() - offset);
    batch.Put(ChunkKey(name, chunks), rocksdb::Slice(state.data() + offset, n));
  }
  std::string meta;
  BinaryWriter w(&meta);
  w.U64(snapshot.generation);
  w.U64(snapshot.format);
  w.U64(snapshot.position.value);
  w.U64(state.size());
  w.U64(chunks);
  batch.Put(prefix + "meta", meta);
  // No fsync: losing the newest snapshot to a power cut only means resuming
  // from an older one; the batch itself is atomic either way.
  rocksdb::Status s = db_->Write(rocksdb::WriteOptions(), &batch);
  if (!s.ok()) return Unavailable("cannot write a projection snapshot", s);
  return Status::Ok();
}

Status SnapshotStore::Erase(std::string_view name) {
  if (!ValidName(name)) return Status::InvalidArgument("bad projection name");
  if (read_only_ || !db_) return Status::FailedPrecondition("the projection store is read-only");
  const std::string prefix = Prefix(name);
  std::string end = prefix;
  end.back() = '/' + 1;
  rocksdb::WriteBatch batch;
  batch.DeleteRange(prefix, end);
  rocksdb::Status s = db_->Write(rocksdb::WriteOptions(), &batch);
  if (!s.ok()) return Unavailable("cannot erase a projection snapshot", s);
  return Status::Ok();
}

}  // namespace dealstream::projections
