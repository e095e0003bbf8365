// BatchPlanner: the decisions of one group commit, shared by every EventLog
// implementation so that they agree exactly on the contract.
//
// For each request in arrival order it checks limits, the idempotency key and
// the expected version — against what is stored and against earlier requests
// of the same batch — then assigns versions, positions, recorded time and
// hashes. Nothing is visible to readers until the caller has written the
// planned records and called the log's publish step.
//
// Not thread-safe: one planner belongs to the single writer of one batch.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "eventstore/event_log.h"

namespace dealstream::eventstore {

struct AppendLimits {
  // Most events one append may carry. Default: 1,000.
  size_t max_events = 1000;
  // Largest payload of one event, in bytes. Default: 1 MiB.
  size_t max_data_bytes = 1 << 20;
  // Longest idempotency key. Default: 256.
  size_t max_idempotency_key = 256;
};

class BatchPlanner {
 public:
  struct Lookups {
    // The stored version of a stream (0 if it has none).
    std::function<Result<StreamVersion>(const StreamName&)> stream_version;
    std::function<Result<std::optional<IdempotencyRecord>>(const std::string&)> idempotency;
  };

  BatchPlanner(LogHead head, Timestamp now, const AppendLimits& limits, Lookups lookups);

  // Plans one request. The outcome is final if it is an error; a success
  // holds only if the whole batch is then written.
  AppendOutcome Plan(const AppendRequest& request);

  bool empty() const { return records_.empty() && new_keys_.empty(); }
  const std::vector<RecordedEvent>& records() const { return records_; }
  // Streams whose version changed, with their new versions.
  const std::unordered_map<std::string, std::pair<StreamName, uint64_t>>& stream_versions() const {
    return stream_versions_;
  }
  const std::vector<std::pair<std::string, IdempotencyRecord>>& new_keys() const {
    return new_keys_;
  }
  const LogHead& head() const { return head_; }
  Timestamp recorded_time() const { return now_; }

 private:
  Result<StreamVersion> VersionOf(const StreamName& stream);
  Result<std::optional<IdempotencyRecord>> KeyRecord(const std::string& key);

  LogHead head_;
  Timestamp now_;
  AppendLimits limits_;
  Lookups lookups_;
  std::vector<RecordedEvent> records_;
  std::unordered_map<std::string, std::pair<StreamName, uint64_t>> stream_versions_;
  std::vector<std::pair<std::string, IdempotencyRecord>> new_keys_;
  std::unordered_map<std::string, size_t> new_key_index_;
  std::string scratch_;
};

}  // namespace dealstream::eventstore
