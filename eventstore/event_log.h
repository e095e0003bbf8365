// EventLog: the append-only log of DESIGN §4. Two implementations:
// RocksEventLog (durable, the product) and MemoryEventLog (a faithful
// in-memory fake for other modules' unit tests).
//
// Thread-safety: every method may be called from any thread concurrently.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "base/result.h"
#include "eventstore/types.h"

namespace dealstream::eventstore {

using AppendOutcome = Result<AppendResult, AppendError>;
using AppendCallback = std::function<void(AppendOutcome)>;

enum class Direction { kForward, kBackward };

struct ReadAllResult {
  std::vector<RecordedEvent> events;  // matching events, in position order
  // Where to continue reading: one past the last position scanned (which may
  // be past the last returned event when a filter skipped events).
  GlobalPosition next;
};

// A buffer for reading the log chunk by chunk (EventLog::ReadAllInto). Its
// events keep their strings from one read to the next, so a long read —
// a rebuild, a catch-up — stops allocating once the buffers have grown.
struct EventChunk {
  std::vector<RecordedEvent> slots;  // slots[0, size) are this chunk's events
  size_t size = 0;
  GlobalPosition next;  // as ReadAllResult::next
  std::span<RecordedEvent> events() { return {slots.data(), size}; }
  std::span<const RecordedEvent> events() const { return {slots.data(), size}; }
};

// The position and hash of the newest event. Exported and signed outside the
// server, it anchors the hash chain against truncation.
struct LogHead {
  GlobalPosition position;
  Sha256 hash{};
};

class EventLog {
 public:
  virtual ~EventLog() = default;

  // Appends all of request.events to request.stream, or none of them.
  // Blocks until the events are durable (per the log's durability mode).
  // Errors: kWrongExpectedVersion (with the current version),
  // kIdempotencyKeyReused, kInvalidArgument, kStorageFailure, kShuttingDown.
  virtual AppendOutcome Append(AppendRequest request) = 0;

  // As Append, but returns at once; `done` runs on one of the log's own
  // threads when the outcome is known, in the order the appends were
  // decided, and must not block.
  virtual void AppendAsync(AppendRequest request, AppendCallback done) = 0;

  // The stream's last version (0 when it has no events).
  virtual Result<StreamVersion> CurrentVersion(const StreamName& stream) const = 0;

  // Up to `max_count` events of one stream starting at version `from`
  // (inclusive), forward or backward. Backward from version 0 means "from
  // the last event". An unknown stream yields an empty list.
  virtual Result<std::vector<RecordedEvent>> ReadStream(const StreamName& stream,
                                                        StreamVersion from, Direction direction,
                                                        size_t max_count) const = 0;

  // Events from position `from` (inclusive) in position order, at most
  // `max_count` matching `filter`, never beyond the committed head.
  virtual Result<ReadAllResult> ReadAll(GlobalPosition from, size_t max_count,
                                        const ReadFilter& filter) const = 0;

  // As ReadAll, into `out`, reusing its events' buffers. This default copies
  // from ReadAll; logs that decode records override it to decode in place.
  virtual Status ReadAllInto(GlobalPosition from, size_t max_count, const ReadFilter& filter,
                             EventChunk* out) const {
    auto read = ReadAll(from, max_count, filter);
    if (!read.ok()) return read.error();
    out->slots = std::move(read->events);
    out->size = out->slots.size();
    out->next = read->next;
    return Status::Ok();
  }

  // The stored outcome for an idempotency key, if the key was used.
  virtual Result<std::optional<IdempotencyRecord>> FindIdempotencyKey(
      const std::string& key) const = 0;

  // The newest committed event (position 0 when the log is empty).
  virtual LogHead Head() const = 0;

  // Blocks until Head().position >= `position`, the timeout passes, or the
  // log closes. Returns true if the position was reached.
  virtual bool WaitForPosition(GlobalPosition position,
                               std::chrono::milliseconds timeout) const = 0;
};

}  // namespace dealstream::eventstore
