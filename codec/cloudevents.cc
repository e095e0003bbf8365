// Encoding side of the CloudEvents mapping; the parsers are in
// cloudevents_parse.cc.
#include "codec/cloudevents.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <utility>

#include "codec/base64.h"
#include "codec/json_dom.h"
#include "codec/json_text.h"

namespace dealstream::codec {
namespace {

using eventstore::RecordedEvent;

// The payload may be embedded as JSON only if re-serialising it gives the
// same bytes back; the receiving side re-serialises it to recover them. One
// level of nesting is kept for the envelope itself.
bool EmbeddableAsJson(std::string_view data) {
  if (data.empty() || (data.front() != '{' && data.front() != '[')) return false;
  auto dom = ParseOrderedJsonDom(data, JsonLimits{.max_depth = JsonLimits{}.max_depth - 1});
  return dom.ok() && dom->dump() == data;
}

// Runs once per event the relay publishes, so it must be cheap: simdjson
// validates (UTF-8 and surrogate escapes included) at memory speed, and what
// it accepts nlohmann accepts too; nlohmann decides only what simdjson
// refuses (integers beyond 64 bits, a byte order mark, nesting deeper than
// simdjson's limit, bytes that are not JSON). The answer is nlohmann's in
// every case (cloudevents_test pins the cases where the two differ).
bool ParsesAsJson(std::string_view data) {
  if (data.empty()) return false;
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(data.data(), data.size()).get(root) == simdjson::SUCCESS) return true;
  return nlohmann::json::accept(data);
}

// Calls f(name, value) for every attribute of `e` in a fixed order, except
// data and datacontenttype. Values are formatted on the stack where
// possible: the relay calls this once per published event.
template <class F>
void ForEachAttribute(const RecordedEvent& e, const CloudEventsOptions& o, F&& f) {
  const auto hex = [](const eventstore::Sha256& hash) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::array<char, 64> out;
    for (size_t i = 0; i < hash.size(); ++i) {
      out[2 * i] = kDigits[hash[i] >> 4];
      out[2 * i + 1] = kDigits[hash[i] & 15];
    }
    return out;
  };
  f("specversion", "1.0");
  f("id", e.id);
  f("source", o.source);
  f("type", e.type);
  if (!e.subject.empty()) f("subject", e.subject);
  f("time", FormatTimestamp(e.time));
  std::string schema;
  schema.reserve(o.dataschema_prefix.size() + e.type.size() + 5);
  schema.append(o.dataschema_prefix).append(e.type).append(".json");
  f("dataschema", schema);
  f("recordedtime", FormatTimestamp(e.recorded_time));
  f("stream", e.stream.str());
  f("streamversion", std::to_string(e.version.value));
  f("position", std::to_string(e.position.value));
  f("schemaversion", std::to_string(e.schema_version));
  const auto optional = [&](std::string_view name, const std::string& value) {
    if (!value.empty()) f(name, value);
  };
  optional("actor", e.metadata.actor);
  optional("correlationid", e.metadata.correlation_id);
  optional("causationid", e.metadata.causation_id);
  optional("command", e.metadata.command);
  const std::array<char, 64> prev = hex(e.prev_hash), self = hex(e.hash);
  f("prevhash", std::string_view(prev.data(), prev.size()));
  f("hash", std::string_view(self.data(), self.size()));
}

// Appends ,"name":"value".
void AppendMember(std::string* out, std::string_view name, std::string_view value) {
  out->push_back(',');
  AppendJsonString(out, name);
  out->push_back(':');
  AppendJsonString(out, value);
}

void AppendCloudEvent(std::string* out, const RecordedEvent& e, const CloudEventsOptions& o) {
  const bool embed = EmbeddableAsJson(e.data);
  const char* content_type =
      embed || ParsesAsJson(e.data) ? "application/json" : "application/octet-stream";
  // The envelope always starts with specversion: every later member
  // follows a comma.
  const size_t open = out->size();
  ForEachAttribute(e, o, [&](std::string_view name, std::string_view value) {
    AppendMember(out, name, value);
  });
  (*out)[open] = '{';
  AppendMember(out, "datacontenttype", content_type);
  if (embed) {
    out->append(",\"data\":");
    out->append(e.data);
  } else if (!e.data.empty()) {
    AppendMember(out, "data_base64", Base64Encode(e.data));
  }
  out->push_back('}');
}

}  // namespace

std::string ToCloudEventJson(const RecordedEvent& event, const CloudEventsOptions& options) {
  std::string out;
  out.reserve(512 + event.data.size());
  AppendCloudEvent(&out, event, options);
  return out;
}

std::string ToJsonLines(std::span<const RecordedEvent> events, const CloudEventsOptions& options) {
  std::string out;
  for (const RecordedEvent& e : events) {
    AppendCloudEvent(&out, e, options);
    out.push_back('\n');
  }
  return out;
}

KafkaMessage ToKafkaMessage(const RecordedEvent& event, const CloudEventsOptions& options) {
  struct Collect final : KafkaHeaderSink {
    std::vector<KafkaHeader>* headers;
    void Add(std::string_view name, std::string_view value) override {
      headers->push_back({std::string(name), std::string(value)});
    }
  };
  KafkaMessage m;
  m.key = event.stream.str();
  m.headers.reserve(20);
  Collect collect;
  collect.headers = &m.headers;
  WriteKafkaHeaders(event, options, collect);
  m.value = event.data;
  return m;
}

void WriteKafkaHeaders(const RecordedEvent& e, const CloudEventsOptions& o, KafkaHeaderSink& sink) {
  ForEachAttribute(e, o, [&](std::string_view attribute, std::string_view value) {
    char name[32] = "ce_";  // attribute names have at most 20 characters
    attribute.copy(name + 3, sizeof name - 3);
    sink.Add(std::string_view(name, 3 + std::min(attribute.size(), sizeof name - 3)), value);
  });
  sink.Add("content-type",
           ParsesAsJson(e.data) ? "application/json" : "application/octet-stream");
}

}  // namespace dealstream::codec
