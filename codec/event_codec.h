// The event codec: typed domain events <-> (type, schema_version, JSON data)
// as the event log stores them. The only place that maps event type
// strings to C++ types, through the variant tables of registry.h.
//
//   using Event = OpportunityAggregate::Event;
//   eventstore::ProposedEvent p = ToProposedEvent(Event{opened}, "op-1", now, metadata);
//   Result<Event, FieldError> back = DecodeEvent<Event>(recorded);
//
// Decoding upcasts payloads of older schema versions (upcasters/), and
// decodes current ones with the simdjson path, strictly (json_codec.h),
// negative amounts allowed. Stored data is untrusted input here too: a
// malformed payload is an error naming the field, never a crash.
//
// Thread-safety: all functions may be called concurrently.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "base/result.h"
#include "codec/field_error.h"
#include "codec/registry.h"
#include "eventstore/types.h"

namespace dealstream::codec {

struct EncodedEvent {
  std::string type;             // the struct's kType
  uint32_t schema_version = 1;  // CurrentSchemaVersion(type)
  std::string data;             // compact JSON
};

// Type-erased core of the templates below.
EncodedEvent EncodeEventPayload(const StructInfo& info, const void* event);
std::optional<FieldError> DecodeEventPayload(const std::vector<Alternative>& table,
                                             std::string_view type, uint32_t schema_version,
                                             std::string_view data, void* variant);

template <typename Event>
EncodedEvent EncodeEvent(const Event& event) {
  return std::visit(
      [](const auto& e) { return EncodeEventPayload(StructInfoOf<std::decay_t<decltype(e)>>(), &e); },
      event);
}

// An event ready for EventLog::Append; the log assigns id (when empty),
// version, position, recorded time and hashes.
template <typename Event>
eventstore::ProposedEvent ToProposedEvent(const Event& event, std::string subject,
                                          std::optional<Timestamp> time,
                                          eventstore::EventMetadata metadata) {
  EncodedEvent encoded = EncodeEvent(event);
  eventstore::ProposedEvent p;
  p.type = std::move(encoded.type);
  p.subject = std::move(subject);
  p.time = time;
  p.schema_version = encoded.schema_version;
  p.data = std::move(encoded.data);
  p.metadata = std::move(metadata);
  return p;
}

// Errors: a type that is not an alternative of Event, an unreadable schema
// version, or a payload that breaks the type's rules.
template <typename Event>
Result<Event, FieldError> DecodeEvent(std::string_view type, uint32_t schema_version,
                                      std::string_view data) {
  Event event;
  if (auto error = DecodeEventPayload(AlternativesOf<Event>(), type, schema_version, data, &event)) {
    return Unexpected(std::move(*error));
  }
  return event;
}

template <typename Event>
Result<Event, FieldError> DecodeEvent(const eventstore::RecordedEvent& recorded) {
  return DecodeEvent<Event>(recorded.type, recorded.schema_version, recorded.data);
}

}  // namespace dealstream::codec
