// The systems P1 compares, each behind the AppendTarget interface of
// harness.h. All of them write one ~300-byte event per command and wait until
// it is durable before the next command of the same writer.
#pragma once

#include <memory>
#include <string>

#include "bench/harness.h"
#include "eventstore/rocks_event_log.h"

namespace dealstream::bench {

struct TargetConfig {
  // Parent directory for fresh databases; each run makes and removes its own
  // subdirectory. Put it on the disk you mean to measure.
  std::string scratch_dir;
  // Bytes of event data per append. Default: 300, as DESIGN §8 P1 asks.
  size_t payload_bytes = 300;
};

// The engine's blocking RocksEventLog::Append: each writer owns one stream
// and appends with ExpectedVersion::Exact, as a command handler would.
std::unique_ptr<AppendTarget> MakeEngineTarget(const TargetConfig& config,
                                               eventstore::Durability durability);

// Raw RocksDB, no engine: each writer thread writes its own WriteBatch (event
// record + stream index + stream head) with WriteOptions::sync = true.
std::unique_ptr<AppendTarget> MakeRawRocksTarget(const TargetConfig& config);

// PostgreSQL through libpq: one connection per writer, one autocommitted
// INSERT per append into a table with UNIQUE (stream_id, version). Null when
// the bench was built without libpq.
std::unique_ptr<AppendTarget> MakePostgresTarget(const TargetConfig& config,
                                                 const std::string& conninfo);

// A JSON payload of exactly `bytes` bytes (at least 64), different per writer,
// shaped like a stage-change event.
std::string MakePayload(int writer, size_t bytes);

}  // namespace dealstream::bench
