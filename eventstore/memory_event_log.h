// MemoryEventLog: an EventLog kept in memory, for unit tests of other modules.
// It shares the append decisions (BatchPlanner) with RocksEventLog, so it
// honours the same contract; it just forgets everything when destroyed.
//
// Thread-safe. AppendAsync runs its callback on the calling thread.
#pragma once

#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "eventstore/batch_planner.h"
#include "eventstore/event_log.h"

namespace dealstream::eventstore {

class MemoryEventLog final : public EventLog {
 public:
  explicit MemoryEventLog(AppendLimits limits = {}) : limits_(limits) {}

  AppendOutcome Append(AppendRequest request) override;
  void AppendAsync(AppendRequest request, AppendCallback done) override;
  Result<StreamVersion> CurrentVersion(const StreamName& stream) const override;
  Result<std::vector<RecordedEvent>> ReadStream(const StreamName& stream, StreamVersion from,
                                                Direction direction,
                                                size_t max_count) const override;
  Result<ReadAllResult> ReadAll(GlobalPosition from, size_t max_count,
                                const ReadFilter& filter) const override;
  Result<std::optional<IdempotencyRecord>> FindIdempotencyKey(
      const std::string& key) const override;
  LogHead Head() const override;
  bool WaitForPosition(GlobalPosition position,
                       std::chrono::milliseconds timeout) const override;

 private:
  AppendLimits limits_;
  mutable std::mutex mu_;
  mutable std::condition_variable head_changed_;
  std::vector<RecordedEvent> events_;                          // index = position - 1
  std::unordered_map<std::string, std::vector<uint64_t>> streams_;  // positions per stream
  std::unordered_map<std::string, IdempotencyRecord> keys_;
  LogHead head_;
  Timestamp last_recorded_;
};

}  // namespace dealstream::eventstore
