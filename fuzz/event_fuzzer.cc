// Fuzz target: stored-event decoding and upcasting.
//
// The first byte picks what the rest of the input is:
//   0: an event payload as the log stores it. Bytes 1-2 pick the event type
//      (index in the registry, modulo the count), byte 3 the schema version
//      (0-3: older ones go through the upcasters, 0 and future ones must be
//      refused), the rest is the JSON data. Whatever decodes must encode
//      and decode again to the same event.
//   1: a stored record (eventstore/record_codec.h), its payload then decoded
//      as above. A decoded record must re-encode to bytes that decode to the
//      same record, and survive the CloudEvents JSON and Kafka bindings.
//   2: a CloudEvent in structured JSON, as the follower and `import` read
//      it: what parses must survive ToCloudEventJson and ToKafkaMessage and
//      parse back to the very same record (the hash chain depends on it).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "codec/cloudevents.h"
#include "codec/event_codec.h"
#include "eventstore/record_codec.h"
#include "fuzz/aggregate_of.h"
#include "fuzz/defect.h"

namespace dealstream::fuzz {
namespace {

template <typename A>
void CheckPayload(std::string_view type, uint32_t schema_version, std::string_view data) {
  using Event = typename A::Event;
  auto decoded = codec::DecodeEvent<Event>(type, schema_version, data);
  if (!decoded.ok()) return;
  const codec::EncodedEvent encoded = codec::EncodeEvent(*decoded);
  auto again = codec::DecodeEvent<Event>(encoded.type, encoded.schema_version, encoded.data);
  if (!again.ok()) {
    Defect("an encoded event does not decode",
           encoded.type + " " + encoded.data + "\n-> " + again.error().message);
  }
  if (codec::EncodeEvent(*again).data != encoded.data) {
    Defect("an event changes on a second round trip", encoded.type + " " + encoded.data);
  }
}

void DecodePayload(std::string_view type, uint32_t schema_version, std::string_view data) {
  WithEventOwner(type, [&]<typename A>() { CheckPayload<A>(type, schema_version, data); });
}

// The record must come back unchanged through both CloudEvents bindings
// whenever the binding accepts it.
void CheckBindings(const eventstore::RecordedEvent& record, bool must_parse) {
  const std::string stored = eventstore::EncodeRecord(record);
  const std::string json = codec::ToCloudEventJson(record);
  auto parsed = codec::FromCloudEventJson(json);
  if (parsed.ok() && eventstore::EncodeRecord(*parsed) != stored) {
    Defect("a record changes through CloudEvents JSON", json);
  }
  if (!parsed.ok() && must_parse) {
    Defect("ToCloudEventJson wrote what FromCloudEventJson refuses",
           json + "\n-> " + parsed.error().message);
  }
  const codec::KafkaMessage message = codec::ToKafkaMessage(record);
  auto consumed = codec::FromKafkaMessage(message.headers, message.value);
  if (consumed.ok() && eventstore::EncodeRecord(*consumed) != stored) {
    Defect("a record changes through the Kafka binding", json);
  }
  if (!consumed.ok() && must_parse) {
    Defect("ToKafkaMessage wrote what FromKafkaMessage refuses",
           json + "\n-> " + consumed.error().message);
  }
}

void FuzzPayload(std::string_view input) {
  if (input.size() < 3) return;
  const auto& events = codec::DomainRegistry().events();
  const size_t index = (static_cast<uint8_t>(input[0]) << 8 | static_cast<uint8_t>(input[1]));
  const std::string_view type = events[index % events.size()].name;
  DecodePayload(type, static_cast<uint8_t>(input[2]) % 4, input.substr(3));
}

void FuzzRecord(std::string_view input) {
  auto record = eventstore::DecodeRecord(input);
  if (!record.ok()) return;
  const std::string stored = eventstore::EncodeRecord(*record);
  auto again = eventstore::DecodeRecord(stored);
  if (!again.ok()) Defect("an encoded record does not decode", again.error().ToString());
  if (eventstore::EncodeRecord(*again) != stored) {
    Defect("a record changes on a second round trip", stored);
  }
  DecodePayload(record->type, record->schema_version, record->data);
  CheckBindings(*record, /*must_parse=*/false);
}

void FuzzCloudEvent(std::string_view input) {
  auto record = codec::FromCloudEventJson(input);
  if (!record.ok()) return;
  CheckBindings(*record, /*must_parse=*/true);
  DecodePayload(record->type, record->schema_version, record->data);
}

}  // namespace
}  // namespace dealstream::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0: dealstream::fuzz::FuzzPayload(rest); break;
    case 1: dealstream::fuzz::FuzzRecord(rest); break;
    case 2: dealstream::fuzz::FuzzCloudEvent(rest); break;
  }
  return 0;
}
