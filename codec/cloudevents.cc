// Encoding side of the CloudEvents mapping; the parsers are in
// cloudevents_parse.cc.
#include "codec/cloudevents.h"

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

bool ParsesAsJson(std::string_view data) {
  return !data.empty() && nlohmann::json::accept(data);
}

// The attributes of `e` in a fixed order, except data and datacontenttype.
std::vector<std::pair<std::string_view, std::string>> Attributes(const RecordedEvent& e,
                                                                 const CloudEventsOptions& o) {
  std::vector<std::pair<std::string_view, std::string>> a;
  a.reserve(19);
  a.emplace_back("specversion", "1.0");
  a.emplace_back("id", e.id);
  a.emplace_back("source", o.source);
  a.emplace_back("type", e.type);
  if (!e.subject.empty()) a.emplace_back("subject", e.subject);
  a.emplace_back("time", FormatTimestamp(e.time));
  a.emplace_back("dataschema", o.dataschema_prefix + e.type + ".json");
  a.emplace_back("recordedtime", FormatTimestamp(e.recorded_time));
  a.emplace_back("stream", e.stream.str());
  a.emplace_back("streamversion", std::to_string(e.version.value));
  a.emplace_back("position", std::to_string(e.position.value));
  a.emplace_back("schemaversion", std::to_string(e.schema_version));
  const auto optional = [&](std::string_view name, const std::string& value) {
    if (!value.empty()) a.emplace_back(name, value);
  };
  optional("actor", e.metadata.actor);
  optional("correlationid", e.metadata.correlation_id);
  optional("causationid", e.metadata.causation_id);
  optional("command", e.metadata.command);
  a.emplace_back("prevhash", eventstore::HexOf(e.prev_hash));
  a.emplace_back("hash", eventstore::HexOf(e.hash));
  return a;
}

// Appends ,"name":"value" (the envelope always starts with specversion).
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
  const auto attributes = Attributes(e, o);
  out->append("{\"specversion\":\"1.0\"");
  for (size_t i = 1; i < attributes.size(); ++i) {
    AppendMember(out, attributes[i].first, attributes[i].second);
  }
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
  KafkaMessage m;
  m.key = event.stream.str();
  for (auto& [name, value] : Attributes(event, options)) {
    m.headers.push_back({"ce_" + std::string(name), std::move(value)});
  }
  m.headers.push_back({"content-type", ParsesAsJson(event.data) ? "application/json"
                                                                : "application/octet-stream"});
  m.value = event.data;
  return m;
}

}  // namespace dealstream::codec
