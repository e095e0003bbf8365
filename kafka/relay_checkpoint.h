// The relay's published position, kept in a small text file beside the log:
//
//   dealstream-kafka-relay 1
//   topic crm.events
//   position 1234
//   hash <64 hex digits: the hash of the event at that position>
//
// The hash ties the checkpoint to one log: a relay started on a different
// or truncated log refuses to run instead of silently skipping events.
// Writes are atomic (temporary file, fsync, rename, fsync of the directory).
#pragma once

#include <string>

#include "base/result.h"
#include "eventstore/types.h"

namespace dealstream::kafka {

struct RelayCheckpoint {
  std::string topic;
  uint64_t position = 0;  // 0: nothing published yet
  eventstore::Sha256 hash{};
  bool operator==(const RelayCheckpoint&) const = default;
};

// The conventional file for `topic` in a data directory.
std::string RelayCheckpointPath(const std::string& data_dir, const std::string& topic);

// A missing file reads as position 0 for `topic`. Corruption when the file
// exists but cannot be parsed; Unavailable when it cannot be read.
Result<RelayCheckpoint> ReadRelayCheckpoint(const std::string& path, const std::string& topic);
Status WriteRelayCheckpoint(const std::string& path, const RelayCheckpoint& checkpoint);

}  // namespace dealstream::kafka
