// Bitemporal query bounds (DESIGN §4).
//
// A read model answers for an instant given as
//   as_of     business time T: only events whose business `time` <= T count;
//   known_at  recorded time K: only events whose `recorded_time` <= K count;
//   position  P: only events at global position <= P count;
// in any combination (all must hold). No bound at all is "now".
//
// Recorded time never decreases with position, so a known_at bound is the
// same as a position bound: the last position recorded at or before K,
// found by binary search over the log (ResolveAsOf).
//
// Which events count is thus a pure filter; how the surviving events fold
// is always in position (stream) order, exactly as the write side folds
// them, so that the state "as of" the end of time equals the current state
// even when business times are out of order (backdated imports). See
// docs/projections.md for worked examples.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>

#include "base/result.h"
#include "base/time.h"
#include "eventstore/event_log.h"

namespace dealstream::projections {

struct AsOf {
  std::optional<Timestamp> as_of;     // business time bound
  std::optional<Timestamp> known_at;  // recorded time bound
  std::optional<uint64_t> position;   // global position bound
  bool is_now() const { return !as_of && !known_at && !position; }
};

// The resolved filter: an event is visible iff time <= max_time and
// position <= max_position.
struct Visibility {
  Timestamp max_time = Timestamp::Max();
  uint64_t max_position = std::numeric_limits<uint64_t>::max();

  bool Sees(Timestamp time, uint64_t position) const {
    return time <= max_time && position <= max_position;
  }
  bool Sees(int64_t time_micros, uint64_t position) const {
    return time_micros <= max_time.micros() && position <= max_position;
  }
  bool is_now() const {
    return max_time == Timestamp::Max() && max_position == std::numeric_limits<uint64_t>::max();
  }
  static Visibility Now() { return {}; }
};

// The last position whose recorded time is <= `known_at` (0 when none is).
// Errors: those of EventLog::ReadAll.
Result<uint64_t> PositionKnownAt(const eventstore::EventLog& log, Timestamp known_at);

// Turns a query's bounds into a Visibility (known_at via PositionKnownAt).
Result<Visibility> ResolveAsOf(const eventstore::EventLog& log, const AsOf& as_of);

}  // namespace dealstream::projections
