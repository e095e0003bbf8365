// Projection: a read model built only from events (DESIGN §3).
//
// A projection is a deterministic fold over the log: Apply is called once
// per event, in position order, from one thread. It never appends to the
// log. Its whole state can be written to bytes (Save) and read back (Load),
// which is how a ProjectionWorker checkpoints it: the snapshot and the
// position it reflects are stored together, atomically, so a restart
// resumes exactly where the snapshot left off.
//
// Thread-safety: Apply, ApplyPrepared, Save and Load are called by the
// owning worker only, StartChunk and PrepareEvent also by its rebuild's
// reading thread (see there);
// const query methods of concrete projections may run concurrently with
// each other, never with Apply (the worker's lock sees to that).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"
#include "eventstore/types.h"

namespace dealstream::projections {

class Projection {
 public:
  virtual ~Projection() = default;

  // Stable name; keys the projection's snapshots in the side store.
  virtual std::string_view name() const = 0;

  // Version of the snapshot encoding. Bump it whenever Save's bytes or the
  // meaning of the state change: a stored snapshot of another format is
  // ignored and the projection is rebuilt from position 0.
  virtual uint32_t snapshot_format() const = 0;

  // Folds one event into the state. Events arrive in position order, each
  // exactly once. Events the projection does not understand (unknown types,
  // payloads that fail to decode) must be skipped, counted, never fatal:
  // a read model cannot refuse history.
  virtual void Apply(const eventstore::RecordedEvent& event) = 0;

  // A rebuild folds the log on two threads (eventstore::FoldLog's shared
  // form, whose stages these are): PrepareEvent does the part of Apply that
  // reads none of the state — decoding the payload — and keeps the result
  // under (slot, index); it runs on either thread, at the same time as
  // ApplyPrepared, which must call ready(i) before it uses event i's result.
  // StartChunk readies a slot before its chunk's events are prepared. The
  // result must equal Apply of each event in turn. Defaults: nothing
  // prepared, Apply per event.
  virtual void StartChunk(std::span<const eventstore::RecordedEvent> /*events*/,
                          size_t /*slot*/) {}
  virtual void PrepareEvent(const eventstore::RecordedEvent& /*event*/, size_t /*slot*/,
                            size_t /*index*/) {}
  virtual void ApplyPrepared(std::span<const eventstore::RecordedEvent> events, size_t /*slot*/,
                             const std::function<void(size_t)>& /*ready*/) {
    for (const eventstore::RecordedEvent& e : events) Apply(e);
  }

  // Appends the whole state to `out`.
  virtual void Save(std::string* out) const = 0;

  // Replaces the state with one written by Save (same snapshot_format).
  // Errors: Corruption when the bytes are malformed; the state is then
  // unspecified and the caller discards the instance.
  virtual Status Load(std::string_view bytes) = 0;
};

}  // namespace dealstream::projections
