// RecordFolder: the state of one record (stream), built event by event, as
// JSON — what history and as-of state show.
//
// Two modes, chosen per stream category:
//   "aggregate"  the category's aggregate (commands/aggregates.h) has a
//                reflected State: events are decoded by the codec (with
//                upcasting) and folded with the aggregate's own Evolve, and
//                the state is rendered by the codec's JSON mapping — exactly
//                the state the write side decides on;
//   "events"     otherwise: the record as its events tell it — each
//                payload's members merged into one document, a change
//                object {"value", "previous"} applying its value (an absent
//                value clears the field).
#pragma once

#include <memory>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "eventstore/stream_name.h"
#include "eventstore/types.h"

namespace dealstream::replay {

class RecordFolder {
 public:
  virtual ~RecordFolder() = default;
  // "aggregate" or "events".
  virtual std::string_view mode() const = 0;
  // Folds the next event of the stream (version order). Errors: Corruption
  // naming the position when the payload cannot be decoded.
  virtual Status Apply(const eventstore::RecordedEvent& event) = 0;
  // The state after the events applied so far ({} before any).
  virtual nlohmann::ordered_json State() const = 0;
};

std::unique_ptr<RecordFolder> FolderFor(const eventstore::StreamName& stream);

}  // namespace dealstream::replay
