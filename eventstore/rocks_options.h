// The RocksDB configuration of the event log: database options and the
// column families of the storage layout (see rocks_event_log.h). Internal to
// the eventstore; the append benchmark also uses it, so that its raw-RocksDB
// baseline runs on exactly the engine's settings.
#pragma once

#include <rocksdb/db.h>
#include <rocksdb/options.h>

#include <vector>

namespace dealstream::eventstore {

inline constexpr char kEventsCf[] = "events";
inline constexpr char kStreamIndexCf[] = "stream_index";
inline constexpr char kStreamHeadsCf[] = "stream_heads";
inline constexpr char kIdempotencyCf[] = "idempotency";

struct RocksConfig {
  rocksdb::DBOptions db;
  // In handle order: default (meta), events, stream_index, stream_heads,
  // idempotency.
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
};

RocksConfig EventLogRocksConfig();

}  // namespace dealstream::eventstore
