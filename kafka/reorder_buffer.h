// ReorderBuffer: turns messages read from one or more partitions of the
// topic into the gap-free position order a log copy needs.
//
// Each partition holds its events in position order (the relay produces in
// order, keyed by stream), but partitions interleave arbitrarily and, after
// a relay rewind, positions already seen come again. The buffer keeps
// events that arrived early until the missing positions before them
// arrive, drops repeats, and computes, per partition, the offset from which
// re-reading finds every event not applied yet (the replica cursor).
//
// Not thread-safe: it belongs to the follower's consumer thread.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/result.h"
#include "eventstore/types.h"

namespace dealstream::kafka {

// Where to resume each partition: partition -> next offset to read.
using PartitionCursor = std::map<int32_t, int64_t>;

// "topic\npartition:offset,partition:offset" (the stored replica cursor).
std::string EncodeCursor(const std::string& topic, const PartitionCursor& cursor);
// An empty string is an empty cursor. Corruption if malformed. A cursor of
// another topic reads as empty: the new topic is read from its beginning.
Result<PartitionCursor> DecodeCursor(const std::string& text, const std::string& topic);

class ReorderBuffer {
 public:
  // `applied`: the position the log copy has reached. `start`: the stored
  // cursor (offsets of partitions read before).
  ReorderBuffer(uint64_t applied, PartitionCursor start);

  enum class Offered {
    kQueued,           // kept until everything before it is applied
    kAlreadyApplied,   // position <= applied: the caller compares it with the copy
    kAlreadyBuffered,  // the same event is waiting already
  };
  // Takes the message at (partition, offset). Corruption when the position
  // is buffered with a different hash (two different events claim it).
  Result<Offered> Offer(int32_t partition, int64_t offset, eventstore::RecordedEvent e);

  // The contiguous run applied+1, applied+2, … available now, at most `max`.
  std::vector<eventstore::RecordedEvent> Ready(size_t max) const;
  // The first `count` events of Ready() were written to the copy.
  void MarkApplied(size_t count);

  uint64_t applied() const { return applied_; }
  size_t buffered() const { return events_.size(); }
  // The first missing position while later ones wait; nullopt otherwise.
  std::optional<uint64_t> missing() const;
  // Recorded time (µs) of the oldest waiting event; nullopt when none waits.
  std::optional<int64_t> oldest_buffered_micros() const;
  // Per partition: the earliest offset of a waiting event, or one past the
  // last offset read. Re-reading from here loses nothing not yet applied.
  PartitionCursor Cursor() const { return CursorAfter(0); }
  // The cursor once the first `count` events of Ready() are applied: what
  // the copy stores together with them.
  PartitionCursor CursorAfter(size_t count) const;
  // One past the last offset read from `partition`; nullopt if none was.
  std::optional<int64_t> next_offset(int32_t partition) const;
  // Partitions that delivered a position beyond `position`. A relay's
  // partitions hold their positions in order, so these cannot bring
  // `position` any more (short of a relay rewind): pausing them bounds the
  // buffer while the others catch up.
  std::vector<int32_t> PartitionsPast(uint64_t position) const;

 private:
  struct Waiting {
    eventstore::RecordedEvent event;
    int32_t partition;
    int64_t offset;
  };

  uint64_t applied_;
  std::map<uint64_t, Waiting> events_;  // by position
  PartitionCursor next_offset_;         // one past the last offset read
  std::map<int32_t, uint64_t> highest_position_;  // per partition, highest read
  std::map<int32_t, std::set<int64_t>> waiting_offsets_;
};

}  // namespace dealstream::kafka
