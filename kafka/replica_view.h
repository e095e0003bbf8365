// ReplicaView: the event log as a read replica's own services see it (the
// command service, process managers, token issuer, read models, feeds).
// Reads go to the copy; every append is refused with kStorageFailure and a
// message saying where writes go, so that nothing but the Follower (which
// writes with RocksEventLog::AppendReplicated, beneath this view) can ever
// add to the copy and fork it from the leader's log.
//
// Thread-safety: as the wrapped log. `inner` must outlive the view.
#pragma once

#include <string>

#include "eventstore/event_log.h"

namespace dealstream::kafka {

class ReplicaView final : public eventstore::EventLog {
 public:
  // `refusal` is the message of every refused append, e.g. "this node
  // follows crm.events at k1:9092; send commands to the leader".
  ReplicaView(const eventstore::EventLog& inner, std::string refusal)
      : inner_(inner), refusal_(std::move(refusal)) {}

  eventstore::AppendOutcome Append(eventstore::AppendRequest request) override;
  void AppendAsync(eventstore::AppendRequest request, eventstore::AppendCallback done) override;

  Result<eventstore::StreamVersion> CurrentVersion(
      const eventstore::StreamName& stream) const override {
    return inner_.CurrentVersion(stream);
  }
  Result<std::vector<eventstore::RecordedEvent>> ReadStream(
      const eventstore::StreamName& stream, eventstore::StreamVersion from,
      eventstore::Direction direction, size_t max_count) const override {
    return inner_.ReadStream(stream, from, direction, max_count);
  }
  Result<eventstore::ReadAllResult> ReadAll(eventstore::GlobalPosition from, size_t max_count,
                                            const eventstore::ReadFilter& filter) const override {
    return inner_.ReadAll(from, max_count, filter);
  }
  Status ReadAllInto(eventstore::GlobalPosition from, size_t max_count,
                     const eventstore::ReadFilter& filter,
                     eventstore::EventChunk* out) const override {
    return inner_.ReadAllInto(from, max_count, filter, out);
  }
  Result<std::optional<eventstore::IdempotencyRecord>> FindIdempotencyKey(
      const std::string& key) const override {
    return inner_.FindIdempotencyKey(key);
  }
  eventstore::LogHead Head() const override { return inner_.Head(); }
  bool WaitForPosition(eventstore::GlobalPosition position,
                       std::chrono::milliseconds timeout) const override {
    return inner_.WaitForPosition(position, timeout);
  }

 private:
  const eventstore::EventLog& inner_;
  const std::string refusal_;
};

}  // namespace dealstream::kafka
