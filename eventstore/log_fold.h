// FoldLog: reads the log from one position through another and hands it to
// `apply` chunk by chunk, reading and decoding the next chunk on a second
// thread while the current one is applied. A rebuild's two halves — read and
// decode, apply — so run on two cores, and the chunks are reused, so a long
// fold stops allocating once their buffers have grown.
#pragma once

#include <cstdint>
#include <functional>
#include <span>

#include "base/result.h"
#include "eventstore/event_log.h"

namespace dealstream::eventstore {

// Return false to stop the fold after this chunk.
using ChunkHandler = std::function<bool(std::span<const RecordedEvent>)>;

// Folds positions [from, until] (every event, no filter) into `apply`, in
// position order, `chunk` events at a time. Returns the position after the
// last event handed to `apply` — until + 1 unless `apply` stopped the fold —
// or the first read error (nothing after the failing chunk is applied).
Result<uint64_t> FoldLog(const EventLog& log, uint64_t from, uint64_t until, size_t chunk,
                         const ChunkHandler& apply);

}  // namespace dealstream::eventstore
