#include "projections/time_travel.h"

#include <algorithm>

namespace dealstream::projections {

Result<uint64_t> PositionKnownAt(const eventstore::EventLog& log, Timestamp known_at) {
  // Invariant: every position < lo is known at K; every position >= hi is not.
  uint64_t lo = 1;
  uint64_t hi = log.Head().position.value + 1;
  while (lo < hi) {
    const uint64_t mid = lo + (hi - lo) / 2;
    auto read = log.ReadAll(eventstore::GlobalPosition{mid}, 1, {});
    if (!read.ok()) return read.error();
    if (read->events.empty()) {
      hi = mid;  // beyond the head as it is now
    } else if (read->events.front().recorded_time <= known_at) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo - 1;
}

Result<Visibility> ResolveAsOf(const eventstore::EventLog& log, const AsOf& as_of) {
  Visibility v;
  if (as_of.as_of) v.max_time = *as_of.as_of;
  if (as_of.position) v.max_position = *as_of.position;
  if (as_of.known_at) {
    auto p = PositionKnownAt(log, *as_of.known_at);
    if (!p.ok()) return p.error();
    v.max_position = std::min(v.max_position, *p);
  }
  return v;
}

}  // namespace dealstream::projections
