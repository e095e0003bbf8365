// Internal to RocksEventLog: the open database and its column families.
#pragma once

#include <rocksdb/db.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "eventstore/rocks_event_log.h"

namespace dealstream::eventstore {

struct RocksEventLog::Handles {
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> owned;  // destroyed before db
  rocksdb::ColumnFamilyHandle* meta = nullptr;
  rocksdb::ColumnFamilyHandle* events = nullptr;
  rocksdb::ColumnFamilyHandle* stream_index = nullptr;
  rocksdb::ColumnFamilyHandle* stream_heads = nullptr;
  rocksdb::ColumnFamilyHandle* idempotency = nullptr;

  ~Handles() {
    if (!db) return;
    for (rocksdb::ColumnFamilyHandle* h : owned) {
      // Closing handles cannot fail in a way we could act on here.
      (void)db->DestroyColumnFamilyHandle(h);
    }
  }
};

inline constexpr char kHeadKey[] = "head";

// A RocksDB failure as our Status: Corruption stays Corruption, anything else
// is Unavailable (retrying may help).
inline Status FromRocks(const rocksdb::Status& s, std::string_view what) {
  std::string message = std::string(what) + ": " + s.ToString();
  if (s.IsCorruption()) return Status::Corruption(std::move(message));
  return Status::Unavailable(std::move(message));
}

// What went wrong in a failed RocksDB write, for a client to read: "no space
// left on device", or "I/O error: <the operating system's reason>". Without
// RocksDB's context, which names files of the server.
inline std::string StorageCause(const rocksdb::Status& s) {
  if (s.IsNoSpace()) return "no space left on device";
  const std::string text = s.getState() != nullptr ? s.getState() : "";
  const size_t colon = text.rfind(": ");
  const std::string reason = colon == std::string::npos ? text : text.substr(colon + 2);
  if (s.IsIOError()) return "I/O error: " + reason;
  return "storage error" + (reason.empty() ? std::string() : ": " + reason);
}

// stream '\0' BE64(version): sorts a stream's entries by version.
inline std::string StreamIndexKey(const std::string& stream, uint64_t version) {
  std::string key;
  key.reserve(stream.size() + 9);
  key.append(stream).push_back('\0');
  for (int shift = 56; shift >= 0; shift -= 8) key.push_back(static_cast<char>(version >> shift));
  return key;
}

}  // namespace dealstream::eventstore
