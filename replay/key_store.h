// KeyStore: the per-subject data keys of crypto-shredding (DESIGN §5), in a
// small RocksDB database of its own (<data>/keys), never inside the log.
//
// Each subject (a contact id) has at most one live 256-bit key with a random
// 128-bit key id; ciphertexts name the key id they were sealed with.
// Forgetting a subject replaces its key with a tombstone (when it was
// forgotten; no key material), then flushes and compacts the key's range so
// that the old key bytes leave the write-ahead log and the table files too.
// A subject forgotten and later given new personal data gets a NEW key: old
// ciphertexts stay unreadable.
//
// Durability: a new key is written with sync=true (unless `sync` is false),
// because a ciphertext that reaches the log before its key reaches the disk
// could never be read again after a crash.
//
// Thread-safe. FindOrCreate serialises creations, so two concurrent first
// seals of one subject share one key.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "base/time.h"

namespace rocksdb {
class DB;
}  // namespace rocksdb

namespace dealstream::replay {

struct SubjectKey {
  std::array<uint8_t, 16> key_id{};
  std::array<uint8_t, 32> key{};
};

struct KeyStoreOptions {
  // Directory of the key database. Required.
  std::string path;
  // Open without the database lock (beside a running server): lookups only;
  // creating and forgetting fail. A missing directory is an empty store.
  // Default: false.
  bool read_only = false;
  // fsync each new key and each tombstone before returning. Default: true.
  bool sync = true;
};

// What Forget did.
struct ForgetOutcome {
  bool already_forgotten = false;  // a tombstone was there; nothing changed
  Timestamp forgotten_at;          // when the key was (first) deleted
};

class KeyStore {
 public:
  static Result<std::unique_ptr<KeyStore>> Open(const KeyStoreOptions& options);
  ~KeyStore();
  KeyStore(const KeyStore&) = delete;
  KeyStore& operator=(const KeyStore&) = delete;

  // The subject's live key; nullopt when it never had one or was forgotten.
  // Errors: Unavailable (read failed), Corruption (malformed entry).
  Result<std::optional<SubjectKey>> Find(std::string_view subject) const;

  // The subject's live key, created (and stored durably) when missing.
  // Errors: FailedPrecondition (read-only store), Unavailable.
  Result<SubjectKey> FindOrCreate(std::string_view subject);

  // Deletes the subject's key. Errors: NotFound (the subject never had a
  // key), FailedPrecondition (read-only store), Unavailable.
  Result<ForgetOutcome> Forget(std::string_view subject, Timestamp now);

 private:
  KeyStore(std::unique_ptr<rocksdb::DB> db, const KeyStoreOptions& options);
  // The raw entry of `subject`, or nullopt.
  Result<std::optional<std::string>> Get(std::string_view subject) const;

  std::unique_ptr<rocksdb::DB> db_;  // null for a missing read-only store
  KeyStoreOptions options_;
  std::mutex create_mu_;
};

}  // namespace dealstream::replay
