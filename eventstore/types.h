// The value types of the event log contract (DESIGN §4): versions, positions,
// expected versions, events proposed for append and events as recorded.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "eventstore/stream_name.h"

namespace dealstream::eventstore {

// Version of an event within its stream. The first event of a stream has
// version 1; versions are contiguous. Version 0 means "the stream is empty".
struct StreamVersion {
  uint64_t value = 0;
  auto operator<=>(const StreamVersion&) const = default;
};

// Position of an event in the whole log. The first event has position 1;
// positions are strictly increasing and gap-free. Position 0 means "before
// the first event".
struct GlobalPosition {
  uint64_t value = 0;
  auto operator<=>(const GlobalPosition&) const = default;
};

// What the writer believes the stream's current version is. A mismatch is a
// conflict that reports the actual current version.
class ExpectedVersion {
 public:
  enum class Kind { kAny, kNoStream, kExists, kExact };

  static ExpectedVersion Any() { return ExpectedVersion(Kind::kAny, 0); }
  // The stream must have no events.
  static ExpectedVersion NoStream() { return ExpectedVersion(Kind::kNoStream, 0); }
  // The stream must have at least one event.
  static ExpectedVersion Exists() { return ExpectedVersion(Kind::kExists, 0); }
  // The stream's last version must be exactly `v` (Exact(0) == NoStream()).
  static ExpectedVersion Exact(uint64_t v) { return ExpectedVersion(Kind::kExact, v); }

  Kind kind() const { return kind_; }
  uint64_t version() const { return version_; }
  // True if a stream whose current version is `current` satisfies this.
  bool Matches(StreamVersion current) const;
  // "any", "no_stream", "exists" or the number.
  std::string ToString() const;

  bool operator==(const ExpectedVersion&) const = default;

 private:
  ExpectedVersion(Kind kind, uint64_t v) : kind_(kind), version_(v) {}
  Kind kind_;
  uint64_t version_;
};

// Who caused an event and why: carried on every event of one command.
struct EventMetadata {
  std::string actor;           // employee or token subject that issued the command
  std::string correlation_id;  // one id for a whole chain of commands
  std::string causation_id;    // id of the command or event that caused this one
  std::string command;         // command type that produced the event, if any
};

// An event proposed for append. The log assigns version, position,
// recorded time and hashes.
struct ProposedEvent {
  std::string id;        // unique event id; generated (UUIDv7) when empty
  std::string type;      // e.g. "crm.opportunity.stage_advanced.v1"
  std::string subject;   // the aggregate id the event is about
  // Business time: when the fact happened. Defaults to the recorded time.
  std::optional<Timestamp> time;
  uint32_t schema_version = 1;
  std::string data;      // opaque payload bytes (JSON by convention)
  EventMetadata metadata;
};

using Sha256 = std::array<uint8_t, 32>;

// An event as stored: immutable.
struct RecordedEvent {
  GlobalPosition position;
  StreamName stream;
  StreamVersion version;
  std::string id;
  std::string type;
  std::string subject;
  Timestamp time;           // business time
  Timestamp recorded_time;  // when the log accepted it
  uint32_t schema_version = 1;
  std::string data;
  EventMetadata metadata;
  Sha256 prev_hash{};  // hash of the event at position - 1 (zeros for position 1)
  Sha256 hash{};       // SHA-256(prev_hash || canonical bytes of this event)
};

std::string HexOf(const Sha256& hash);

// One command's worth of events for one stream, appended atomically.
struct AppendRequest {
  StreamName stream;
  ExpectedVersion expected = ExpectedVersion::Any();
  std::vector<ProposedEvent> events;  // at least one
  // Optional. A retry with the same key and the same request returns the
  // original result and writes nothing; the same key with a different
  // request is rejected. Keys are stored and survive restarts.
  std::optional<std::string> idempotency_key;
  // What "the same request" means for the key: callers that retry commands
  // pass a digest of the command; when empty the log digests the stream,
  // expected version and the events' types, subjects and data.
  std::string request_fingerprint;
};


struct AppendResult {
  StreamName stream;
  StreamVersion first_version;
  StreamVersion last_version;  // the stream's version after the append
  GlobalPosition first_position;
  GlobalPosition last_position;
  std::vector<std::string> event_ids;
  bool replayed = false;  // true when answered from a stored idempotency key
};

// What the log remembers about an idempotency key.
struct IdempotencyRecord {
  std::string fingerprint;
  AppendResult result;
};

struct AppendError {
  enum class Code {
    kWrongExpectedVersion,  // current_version holds the stream's version
    kIdempotencyKeyReused,  // same key, different request
    kInvalidArgument,       // empty event list, oversized payload, bad id…
    kStorageFailure,        // the write did not reach disk; nothing was stored
    kShuttingDown,          // the log is closing; nothing was stored
  };
  Code code;
  std::string message;
  StreamVersion current_version;  // meaningful for kWrongExpectedVersion
};

// Which events a global read returns. Empty lists mean "all".
struct ReadFilter {
  std::vector<std::string> categories;  // stream categories, e.g. "opportunity"
  std::vector<std::string> types;       // exact event types
  bool Accepts(const RecordedEvent& e) const;
  bool empty() const { return categories.empty() && types.empty(); }
};

}  // namespace dealstream::eventstore
