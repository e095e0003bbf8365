#include "replay/key_store.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <rocksdb/db.h>
#include <rocksdb/options.h>

#include <filesystem>

#include "eventstore/rocks_info_log.h"

namespace dealstream::replay {
namespace {

constexpr char kLiveTag = 'K';
constexpr char kTombstoneTag = 'F';
constexpr size_t kLiveSize = 1 + 16 + 32;
constexpr size_t kTombstoneSize = 1 + 8;

std::string EncodeLive(const SubjectKey& key) {
  std::string out(1, kLiveTag);
  out.append(reinterpret_cast<const char*>(key.key_id.data()), key.key_id.size());
  out.append(reinterpret_cast<const char*>(key.key.data()), key.key.size());
  return out;
}

std::string EncodeTombstone(Timestamp at) {
  std::string out(1, kTombstoneTag);
  const uint64_t v = static_cast<uint64_t>(at.micros());
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>(v >> shift));
  return out;
}

Timestamp DecodeTombstone(std::string_view entry) {
  uint64_t v = 0;
  for (size_t i = 1; i < kTombstoneSize; ++i) v = (v << 8) | static_cast<uint8_t>(entry[i]);
  return Timestamp::FromMicros(static_cast<int64_t>(v));
}

Status Unavailable(std::string_view what, const rocksdb::Status& s) {
  return Status::Unavailable("key store: " + std::string(what) + " failed: " + s.ToString());
}

}  // namespace

KeyStore::KeyStore(std::unique_ptr<rocksdb::DB> db, const KeyStoreOptions& options)
    : db_(std::move(db)), options_(options) {}

KeyStore::~KeyStore() = default;

Result<std::unique_ptr<KeyStore>> KeyStore::Open(const KeyStoreOptions& options) {
  if (options.path.empty()) return Status::InvalidArgument("key store: path is required");
  rocksdb::Options db_options;
  db_options.create_if_missing = !options.read_only;
  db_options.info_log = eventstore::RocksInfoLog();  // see rocks_info_log.h
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  if (options.read_only) {
    std::error_code ec;
    if (!std::filesystem::exists(options.path, ec)) {
      return std::unique_ptr<KeyStore>(new KeyStore(nullptr, options));
    }
    s = rocksdb::DB::OpenForReadOnly(db_options, options.path, &raw);
  } else {
    // Made here so that RocksDB does not log a missing directory as an error.
    std::error_code ec;
    std::filesystem::create_directories(options.path, ec);
    s = rocksdb::DB::Open(db_options, options.path, &raw);
  }
  if (!s.ok()) {
    if (s.IsIOError() && s.ToString().find("lock") != std::string::npos) {
      return Status::FailedPrecondition("key store " + options.path +
                                        " is in use by another process (a running server?)");
    }
    return Unavailable("open " + options.path, s);
  }
  return std::unique_ptr<KeyStore>(new KeyStore(std::unique_ptr<rocksdb::DB>(raw), options));
}

Result<std::optional<std::string>> KeyStore::Get(std::string_view subject) const {
  if (!db_) return std::optional<std::string>();
  std::string value;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), rocksdb::Slice(subject.data(), subject.size()),
                               &value);
  if (s.IsNotFound()) return std::optional<std::string>();
  if (!s.ok()) return Unavailable("read", s);
  const bool live = value.size() == kLiveSize && value[0] == kLiveTag;
  const bool tombstone = value.size() == kTombstoneSize && value[0] == kTombstoneTag;
  if (!live && !tombstone) {
    return Status::Corruption("key store: the entry of subject '" + std::string(subject) +
                              "' is malformed");
  }
  return std::optional<std::string>(std::move(value));
}

Result<std::optional<SubjectKey>> KeyStore::Find(std::string_view subject) const {
  auto entry = Get(subject);
  if (!entry.ok()) return entry.error();
  if (!entry->has_value() || (**entry)[0] != kLiveTag) return std::optional<SubjectKey>();
  SubjectKey key;
  const std::string& bytes = **entry;
  std::copy(bytes.begin() + 1, bytes.begin() + 17, key.key_id.begin());
  std::copy(bytes.begin() + 17, bytes.end(), key.key.begin());
  return std::optional<SubjectKey>(key);
}

Result<SubjectKey> KeyStore::FindOrCreate(std::string_view subject) {
  if (auto found = Find(subject); !found.ok() || found->has_value()) {
    if (!found.ok()) return found.error();
    return **found;
  }
  if (options_.read_only || !db_) {
    return Status::FailedPrecondition("key store is read-only: cannot create a key");
  }
  std::lock_guard lock(create_mu_);
  auto again = Find(subject);  // another thread may have created it meanwhile
  if (!again.ok()) return again.error();
  if (again->has_value()) return **again;
  SubjectKey key;
  if (RAND_bytes(key.key_id.data(), static_cast<int>(key.key_id.size())) != 1 ||
      RAND_bytes(key.key.data(), static_cast<int>(key.key.size())) != 1) {
    return Status::Unavailable("key store: the random generator failed");
  }
  std::string entry = EncodeLive(key);
  rocksdb::WriteOptions wo;
  wo.sync = options_.sync;
  rocksdb::Status s = db_->Put(wo, rocksdb::Slice(subject.data(), subject.size()), entry);
  OPENSSL_cleanse(entry.data(), entry.size());
  if (!s.ok()) return Unavailable("write", s);
  return key;
}

Result<ForgetOutcome> KeyStore::Forget(std::string_view subject, Timestamp now) {
  if (options_.read_only || !db_) {
    return Status::FailedPrecondition("key store is read-only: cannot forget");
  }
  std::lock_guard lock(create_mu_);
  auto entry = Get(subject);
  if (!entry.ok()) return entry.error();
  if (!entry->has_value()) {
    return Status::NotFound("subject '" + std::string(subject) + "' has no personal-data key");
  }
  if ((**entry)[0] == kTombstoneTag) return ForgetOutcome{true, DecodeTombstone(**entry)};
  OPENSSL_cleanse((*entry)->data(), (*entry)->size());
  const rocksdb::Slice key(subject.data(), subject.size());
  rocksdb::WriteOptions wo;
  wo.sync = options_.sync;
  if (rocksdb::Status s = db_->Put(wo, key, EncodeTombstone(now)); !s.ok()) {
    return Unavailable("write", s);
  }
  // Push the old key bytes out of the WAL and every table file: flush the
  // memtable (the WAL holding the key becomes obsolete) and compact the
  // key's range (tables holding older versions are rewritten without them).
  if (rocksdb::Status s = db_->Flush(rocksdb::FlushOptions()); !s.ok()) {
    return Unavailable("flush", s);
  }
  rocksdb::CompactRangeOptions cro;
  cro.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  if (rocksdb::Status s = db_->CompactRange(cro, &key, &key); !s.ok()) {
    return Unavailable("compaction", s);
  }
  return ForgetOutcome{false, now};
}

}  // namespace dealstream::replay
