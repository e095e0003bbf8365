// DeliveryWindow: which positions the relay has handed to the producer and
// which of them the broker acknowledged, so that the published position only
// ever moves over a contiguous run of acknowledged events.
//
// Delivery reports arrive per partition, so out of position order across
// partitions; a failed message stops the published position at the event
// before it, for good: the relay then waits for every report still due,
// rewinds, and produces again from published + 1. Later events that did get
// through are produced a second time (duplicates at positions already seen).
//
// Thread-safe: the relay's subscription thread produces, its poll thread
// reports deliveries, /metrics reads.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>

#include "eventstore/event_log.h"

namespace dealstream::kafka {

class DeliveryWindow {
 public:
  // Everything up to `published` (whose event hash is `published_hash`) is
  // known to be delivered.
  DeliveryWindow(uint64_t published, const eventstore::Sha256& published_hash);

  // The event about to be produced. It must be next_to_produce(); returns
  // false (and records nothing) otherwise, or while a rewind is pending.
  bool Produced(const eventstore::RecordedEvent& e);
  // The broker acknowledged `position`.
  void Delivered(uint64_t position);
  // `position` will never be delivered by this attempt.
  void Failed(uint64_t position, std::string why);

  bool rewind_pending() const;
  // Forgets every undelivered position; production restarts at
  // published() + 1. Call only once no delivery report is outstanding.
  void Rewind();

  uint64_t published() const;
  // The published position with its event's hash (for the checkpoint).
  eventstore::LogHead published_head() const;
  uint64_t next_to_produce() const;
  size_t in_flight() const;
  // Recorded time of the oldest produced, unacknowledged event, in µs since
  // the epoch; 0 when nothing is in flight.
  int64_t oldest_in_flight_micros() const;
  std::string last_failure() const;

 private:
  struct Slot {
    int64_t recorded_micros = 0;
    eventstore::Sha256 hash{};
    bool delivered = false;
  };

  mutable std::mutex mu_;
  uint64_t published_;
  eventstore::Sha256 published_hash_;
  std::deque<Slot> slots_;  // positions published_+1 … published_+size
  size_t undelivered_ = 0;
  bool failed_ = false;
  std::string last_failure_;
};

}  // namespace dealstream::kafka
