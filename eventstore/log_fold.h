// FoldLog: reads the log from one position through another and hands it to
// `apply` chunk by chunk, reading and decoding the next chunk on a second
// thread while the current one is applied. A rebuild's two halves — read and
// decode, apply — so run on two cores, and the chunks are reused, so a long
// fold stops allocating once their buffers have grown. In the shared form
// the reading thread also takes on part of each event's work.
#pragma once

#include <cstdint>
#include <functional>
#include <span>

#include "base/result.h"
#include "eventstore/event_log.h"

namespace dealstream::eventstore {

// The chunks a fold cycles through: one being applied, one read ahead, one
// being read.
inline constexpr size_t kFoldSlots = 3;

// Return false to stop the fold after this chunk.
using ChunkHandler = std::function<bool(std::span<const RecordedEvent>)>;

// A shared fold's stages, for folds whose per-event work splits into a part
// that needs none of the fold's state (decoding a payload) and the rest.
// `slot` (< kFoldSlots) names the buffer a chunk lies in; results kept per
// (slot, index) are read by `apply` of the same slot.
struct FoldStages {
  // On the reading thread, once a chunk is read and before it is handed on:
  // readies the slot's buffers for `prepare` (may be empty).
  std::function<void(std::span<const RecordedEvent>, size_t slot)> start;
  // Prepares event `index` of a chunk, exactly once, on whichever thread
  // claims it first: the reading thread claims from the chunk's end once it
  // has handed the chunk on, `apply` through `ready` from its start.
  std::function<void(const RecordedEvent&, size_t slot, size_t index)> prepare;
  // On the calling thread, in chunk order; must call ready(i) before it uses
  // what `prepare` kept for event i. Return false to stop after this chunk.
  std::function<bool(std::span<const RecordedEvent>, size_t slot,
                     const std::function<void(size_t index)>& ready)>
      apply;
};

// Folds positions [from, until] (every event, no filter) into `apply`, in
// position order, `chunk` events at a time. Returns the position after the
// last event handed to `apply` — until + 1 unless `apply` stopped the fold —
// or the first read error (nothing after the failing chunk is applied).
Result<uint64_t> FoldLog(const EventLog& log, uint64_t from, uint64_t until, size_t chunk,
                         const ChunkHandler& apply);

// The same with the per-event work shared between the two threads: while
// the calling thread applies a chunk, the reading thread reads the next and
// then prepares events from that chunk's end until `apply` meets it. The
// slower half is so balanced by the faster one, whichever it is.
Result<uint64_t> FoldLog(const EventLog& log, uint64_t from, uint64_t until, size_t chunk,
                         const FoldStages& stages);

}  // namespace dealstream::eventstore
