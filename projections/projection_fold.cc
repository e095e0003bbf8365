#include "projections/projection_fold.h"

#include <functional>
#include <span>

namespace dealstream::projections {

using eventstore::RecordedEvent;

Result<uint64_t> FoldInto(Projection& projection, const eventstore::EventLog& log, uint64_t from,
                          uint64_t until, size_t chunk, const eventstore::ChunkHandler& after) {
  eventstore::FoldStages stages;
  stages.start = [&](std::span<const RecordedEvent> events, size_t slot) {
    projection.StartChunk(events, slot);
  };
  stages.prepare = [&](const RecordedEvent& e, size_t slot, size_t index) {
    projection.PrepareEvent(e, slot, index);
  };
  stages.apply = [&](std::span<const RecordedEvent> events, size_t slot,
                     const std::function<void(size_t)>& ready) {
    projection.ApplyPrepared(events, slot, ready);
    return after ? after(events) : true;
  };
  return eventstore::FoldLog(log, from, until, chunk, stages);
}

}  // namespace dealstream::projections
