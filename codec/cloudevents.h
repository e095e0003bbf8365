// CloudEvents 1.0 mapping of recorded events (DESIGN §4, §10): the stable
// format integrators consume over the HTTP feed, SSE, JSON Lines export and
// Kafka.
//
// Attributes of a mapped event:
//   specversion "1.0", id, source (configurable), type, subject (omitted
//   when empty), time (business time, RFC 3339 UTC with microseconds),
//   datacontenttype, dataschema ("<prefix><type>.json"), and the extensions
//     recordedtime   RFC 3339, when the log accepted the event
//     stream         "<category>-<id>"
//     streamversion  decimal string (see below)
//     position       decimal string, the global position
//     schemaversion  decimal string, the payload's schema version
//     actor, correlationid, causationid, command   (omitted when empty)
//     prevhash, hash 64 lower-case hex digits
// Numbers are strings because CloudEvents' Integer type is 32-bit and
// positions are 64-bit.
//
// Payload: when the stored bytes are JSON in the codec's compact form (what
// the event codec writes), they are embedded as the JSON value `data` and
// datacontenttype is "application/json"; any other bytes travel as
// `data_base64` (datacontenttype "application/json" if they still parse as
// JSON, else "application/octet-stream"). Either way the parsers give back
// the exact stored bytes, so the hash chain verifies on the receiving side.
//
// Parsers treat their input as untrusted: every attribute is checked and an
// error names the attribute and the rule. Unknown extensions whose names
// follow the CloudEvents naming rule are ignored, as the spec asks.
//
// Thread-safety: all functions are pure and may be called concurrently.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "codec/field_error.h"
#include "eventstore/types.h"

namespace dealstream::codec {

struct CloudEventsOptions {
  // The `source` attribute. Default: "urn:dealstream".
  std::string source = "urn:dealstream";
  // `dataschema` is this prefix + the event type + ".json".
  // Default: "/schemas/events/".
  std::string dataschema_prefix = "/schemas/events/";
};

// Structured content mode: one JSON object, compact, no trailing newline.
std::string ToCloudEventJson(const eventstore::RecordedEvent& event,
                             const CloudEventsOptions& options = {});
// Reverse of ToCloudEventJson. Any `source` and `dataschema` are accepted.
Result<eventstore::RecordedEvent, FieldError> FromCloudEventJson(std::string_view json);

// JSON Lines export: one ToCloudEventJson object per event, each followed
// by '\n'.
std::string ToJsonLines(std::span<const eventstore::RecordedEvent> events,
                        const CloudEventsOptions& options = {});

// Kafka protocol binding, binary content mode: attributes travel as headers
// named "ce_<attribute>" (datacontenttype as "content-type"), the value is
// the stored payload bytes unchanged, the key is the stream name (so one
// record's events stay in order on one partition).
struct KafkaHeader {
  std::string name;
  std::string value;
  bool operator==(const KafkaHeader&) const = default;
};
struct KafkaMessage {
  std::string key;
  std::vector<KafkaHeader> headers;
  std::string value;
};

KafkaMessage ToKafkaMessage(const eventstore::RecordedEvent& event,
                            const CloudEventsOptions& options = {});

// The headers of ToKafkaMessage(event), in the same order, handed to `sink`
// one at a time instead of being collected: for a producer that copies them
// straight into its client library (the relay). The views are valid only
// during the call.
class KafkaHeaderSink {
 public:
  virtual void Add(std::string_view name, std::string_view value) = 0;

 protected:
  ~KafkaHeaderSink() = default;
};
void WriteKafkaHeaders(const eventstore::RecordedEvent& event, const CloudEventsOptions& options,
                       KafkaHeaderSink& sink);
// Reverse of ToKafkaMessage. Headers not starting with "ce_" (other than
// content-type) are ignored; a repeated "ce_" header is an error.
Result<eventstore::RecordedEvent, FieldError> FromKafkaMessage(
    std::span<const KafkaHeader> headers, std::string_view value);

}  // namespace dealstream::codec
