// The step-through history of one record (DESIGN §5): every event of its
// stream with position, version, business and recorded time, actor, the
// command that caused it, correlation and causation ids, its payload, and
// the record's state before and after as a field diff; and the state of a
// record as of an instant (business time and/or recorded time).
//
// Plain structs, so that the CLI (`dealstream history`, `state`) and the
// HTTP API (GET /v1/{collection}/{id}/history, ?as_of=) share them; JSON
// and table renderings are in history_render.cc.
//
// Reads go through whatever EventLog is passed: pass DataDir::log() (the
// vaulted view) so that personal fields read opened or redacted.
//
// Thread-safety: functions are reentrant; the log must allow reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "eventstore/event_log.h"
#include "replay/json_diff.h"

namespace dealstream::replay {

struct HistoryStep {
  uint64_t position = 0;
  uint64_t version = 0;
  std::string event_id;
  std::string type;
  Timestamp time;           // business time
  Timestamp recorded_time;  // when the log accepted it
  std::string actor;
  std::string command;
  std::string correlation_id;
  std::string causation_id;
  std::string data;                  // payload JSON as read (personal fields opened)
  std::vector<FieldChange> changes;  // state before -> state after this event
  std::string state_after;           // JSON; only with HistoryOptions::include_states
};

struct RecordHistory {
  std::string stream;
  std::string state_mode;  // "aggregate" or "events" (see record_fold.h)
  uint64_t version = 0;    // the stream's last version
  std::vector<HistoryStep> steps;
  // Version of the first step not returned (paging), 0 when none is left.
  uint64_t next_version = 0;
  std::string state;  // JSON of the state after the last returned step
};

struct HistoryOptions {
  // First version to return; earlier events are folded but not listed.
  // Default: 1.
  uint64_t from_version = 1;
  // Most steps returned. Default: 1,000.
  size_t limit = 1000;
  // Add each step's full state after it. Default: false.
  bool include_states = false;
};

// Errors: NotFound (the stream has no events), Corruption (an event cannot
// be decoded; names the position), Unavailable (read failed).
Result<RecordHistory> LoadHistory(const eventstore::EventLog& log,
                                  const eventstore::StreamName& stream,
                                  const HistoryOptions& options = {});

// Which events an as-of state counts: business time <= as_of and recorded
// time <= known_at (either may be absent). They are folded in version
// order, as the write side folds them.
struct StateBounds {
  std::optional<Timestamp> as_of;
  std::optional<Timestamp> known_at;
};

struct RecordState {
  std::string stream;
  std::string state_mode;
  std::optional<Timestamp> as_of;
  std::optional<Timestamp> known_at;
  bool exists = false;        // at least one event counted
  uint64_t version = 0;       // of the last event counted (0: none)
  uint64_t position = 0;      // of the last event counted
  uint64_t events_counted = 0;
  uint64_t events_later = 0;  // events of the stream outside the bounds
  std::string state;          // JSON ({} when nothing counted)
};

// Errors: NotFound (the stream has no events at all), Corruption,
// Unavailable.
Result<RecordState> LoadStateAsOf(const eventstore::EventLog& log,
                                  const eventstore::StreamName& stream, const StateBounds& bounds);

// The stream category of an HTTP collection ("opportunities" ->
// "opportunity", "service-requests" -> "service_request"); nullopt if the
// collection has no records.
std::optional<std::string_view> CategoryOfCollection(std::string_view collection);

// Renderings. JSON for tools and the API; text for people.
std::string ToJson(const RecordHistory& history);
std::string ToTable(const RecordHistory& history);
std::string ToJson(const RecordState& state);
std::string ToText(const RecordState& state);

}  // namespace dealstream::replay
