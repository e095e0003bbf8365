// FoldInto: folds a stretch of the log into a projection the way a rebuild
// does — eventstore::FoldLog's shared form, with the projection's
// StartChunk, PrepareEvent and ApplyPrepared as its stages, so that the
// reading thread also decodes payloads while the calling thread applies.
#pragma once

#include <cstddef>
#include <cstdint>

#include "base/result.h"
#include "eventstore/event_log.h"
#include "eventstore/log_fold.h"
#include "projections/projection.h"

namespace dealstream::projections {

// Folds positions [from, until] into `projection`, `chunk` events at a
// time; `after` (optional) runs on the calling thread after each chunk is
// applied and may stop the fold by returning false. Returns the position
// after the last event applied, or the first read error.
Result<uint64_t> FoldInto(Projection& projection, const eventstore::EventLog& log, uint64_t from,
                          uint64_t until, size_t chunk,
                          const eventstore::ChunkHandler& after = nullptr);

}  // namespace dealstream::projections
