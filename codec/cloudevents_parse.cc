// Parsing side of the CloudEvents mapping: both bindings gather attribute
// strings, then one function validates them and builds the RecordedEvent.
#include <map>
#include <string>
#include <utility>

#include "codec/base64.h"
#include "codec/cloudevents.h"
#include "codec/json_dom.h"
#include "codec/json_text.h"

namespace dealstream::codec {
namespace {

using eventstore::RecordedEvent;
using Attributes = std::map<std::string, std::string, std::less<>>;

constexpr std::string_view kKnown[] = {
    "specversion", "id",           "source",        "type",     "subject",
    "time",        "datacontenttype", "dataschema", "recordedtime", "stream",
    "streamversion", "position",   "schemaversion", "actor",    "correlationid",
    "causationid", "command",      "prevhash",      "hash"};

bool IsKnown(std::string_view name) {
  for (std::string_view k : kKnown) {
    if (k == name) return true;
  }
  return false;
}

// CloudEvents naming rule: lower-case ASCII letters and digits, at most 20.
bool IsValidAttributeName(std::string_view name) {
  if (name.empty() || name.size() > 20) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

FieldError Bad(std::string_view attribute, std::string_view rule) {
  return FieldError{std::string(attribute),
                    "CloudEvents attribute '" + std::string(attribute) + "' " + std::string(rule)};
}

class AttributeReader {
 public:
  explicit AttributeReader(const Attributes& a) : a_(a) {}

  // The value of a required attribute, or an error if it is absent or empty.
  Result<std::string, FieldError> Required(std::string_view name) const {
    auto it = a_.find(name);
    if (it == a_.end()) return Unexpected(Bad(name, "is required but missing"));
    if (it->second.empty()) return Unexpected(Bad(name, "must not be empty"));
    return it->second;
  }
  std::string Optional(std::string_view name) const {
    auto it = a_.find(name);
    return it == a_.end() ? std::string() : it->second;
  }

  Result<uint64_t, FieldError> Decimal(std::string_view name, uint64_t max) const {
    auto text = Required(name);
    if (!text.ok()) return Unexpected(text.error());
    const std::string& s = *text;
    const auto bad = [&] {
      return Unexpected(Bad(name, "must be a decimal integer from 0 to " + std::to_string(max) +
                                      " without sign or leading zeros"));
    };
    if (s.size() > 20 || (s.size() > 1 && s[0] == '0')) return bad();
    uint64_t v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return bad();
      const uint64_t digit = static_cast<uint64_t>(c - '0');
      if (v > (max - digit) / 10) return bad();
      v = v * 10 + digit;
    }
    return v;
  }

  Result<Timestamp, FieldError> Time(std::string_view name) const {
    auto text = Required(name);
    if (!text.ok()) return Unexpected(text.error());
    if (text->size() <= 10) return Unexpected(Bad(name, "must be an RFC 3339 date-time"));
    auto t = ParseTimestamp(*text);
    if (!t.ok()) return Unexpected(Bad(name, "must be RFC 3339: " + t.error().message()));
    return *t;
  }

  Result<eventstore::Sha256, FieldError> Hash(std::string_view name) const {
    auto text = Required(name);
    if (!text.ok()) return Unexpected(text.error());
    const auto nibble = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      return -1;
    };
    eventstore::Sha256 hash{};
    if (text->size() != 64) return Unexpected(Bad(name, "must be 64 lower-case hex digits"));
    for (size_t i = 0; i < 32; ++i) {
      const int hi = nibble((*text)[2 * i]), lo = nibble((*text)[2 * i + 1]);
      if (hi < 0 || lo < 0) return Unexpected(Bad(name, "must be 64 lower-case hex digits"));
      hash[i] = static_cast<uint8_t>(hi << 4 | lo);
    }
    return hash;
  }

 private:
  const Attributes& a_;
};

#define DS_ASSIGN_OR_RETURN(lhs, expr)               \
  do {                                               \
    auto result_ = (expr);                           \
    if (!result_.ok()) return Unexpected(std::move(result_).error()); \
    lhs = std::move(result_).value();                \
  } while (0)

Result<RecordedEvent, FieldError> Build(const Attributes& attributes, std::string data) {
  AttributeReader r(attributes);
  std::string specversion;
  DS_ASSIGN_OR_RETURN(specversion, r.Required("specversion"));
  if (specversion != "1.0") return Unexpected(Bad("specversion", "must be \"1.0\""));
  std::string source;
  DS_ASSIGN_OR_RETURN(source, r.Required("source"));

  std::string stream;
  DS_ASSIGN_OR_RETURN(stream, r.Required("stream"));
  auto name = eventstore::StreamName::Parse(stream);
  if (!name.ok()) return Unexpected(Bad("stream", "is not a stream name: " + name.error().message()));
  RecordedEvent e{.stream = std::move(*name)};
  DS_ASSIGN_OR_RETURN(e.id, r.Required("id"));
  DS_ASSIGN_OR_RETURN(e.type, r.Required("type"));
  e.subject = r.Optional("subject");
  if (attributes.contains("subject") && e.subject.empty()) {
    return Unexpected(Bad("subject", "must not be empty when present"));
  }
  DS_ASSIGN_OR_RETURN(e.time, r.Time("time"));
  DS_ASSIGN_OR_RETURN(e.recorded_time, r.Time("recordedtime"));
  DS_ASSIGN_OR_RETURN(e.version.value, r.Decimal("streamversion", UINT64_MAX));
  DS_ASSIGN_OR_RETURN(e.position.value, r.Decimal("position", UINT64_MAX));
  uint64_t schema_version = 0;
  DS_ASSIGN_OR_RETURN(schema_version, r.Decimal("schemaversion", UINT32_MAX));
  e.schema_version = static_cast<uint32_t>(schema_version);
  e.metadata.actor = r.Optional("actor");
  e.metadata.correlation_id = r.Optional("correlationid");
  e.metadata.causation_id = r.Optional("causationid");
  e.metadata.command = r.Optional("command");
  DS_ASSIGN_OR_RETURN(e.prev_hash, r.Hash("prevhash"));
  DS_ASSIGN_OR_RETURN(e.hash, r.Hash("hash"));
  e.data = std::move(data);
  return e;
}

#undef DS_ASSIGN_OR_RETURN

}  // namespace

Result<RecordedEvent, FieldError> FromCloudEventJson(std::string_view json) {
  auto dom = ParseOrderedJsonDom(json);
  if (!dom.ok()) {
    return Unexpected(FieldError{"", "CloudEvent: " + dom.error().message});
  }
  if (!dom->is_object()) return Unexpected(FieldError{"", "a CloudEvent must be a JSON object"});
  Attributes attributes;
  std::string data;
  bool has_data = false;
  for (const auto& [name, value] : dom->items()) {
    if (name == "data") {
      // The writer embeds only payloads that nlohmann re-serialises to the
      // same bytes, so dumping gives back the stored payload exactly.
      data = value.dump();
      has_data = true;
      continue;
    }
    if (name == "data_base64") {
      if (has_data) return Unexpected(Bad(name, "may not appear together with 'data'"));
      if (!value.is_string()) return Unexpected(Bad(name, "must be a string"));
      auto bytes = Base64Decode(value.get_ref<const std::string&>());
      if (!bytes) return Unexpected(Bad(name, "must be canonical padded base64"));
      data = std::move(*bytes);
      has_data = true;
      continue;
    }
    if (!IsKnown(name)) {
      if (!IsValidAttributeName(name)) {
        return Unexpected(Bad(name, "breaks the naming rule (1-20 lower-case letters or digits)"));
      }
      continue;  // an extension we do not use; the spec says to tolerate it
    }
    if (!value.is_string()) return Unexpected(Bad(name, "must be a string"));
    attributes.emplace(name, value.get<std::string>());
  }
  if (dom->contains("data") && dom->contains("data_base64")) {
    return Unexpected(Bad("data_base64", "may not appear together with 'data'"));
  }
  return Build(attributes, std::move(data));
}

Result<RecordedEvent, FieldError> FromKafkaMessage(std::span<const KafkaHeader> headers,
                                                   std::string_view value) {
  Attributes attributes;
  for (const KafkaHeader& h : headers) {
    std::string_view attribute;
    if (h.name == "content-type") {
      attribute = "datacontenttype";
    } else if (h.name.starts_with("ce_")) {
      attribute = std::string_view(h.name).substr(3);
    } else {
      continue;  // not ours (tracing and the like)
    }
    if (!IsValidAttributeName(attribute)) {
      return Unexpected(Bad(h.name, "breaks the naming rule (1-20 lower-case letters or digits)"));
    }
    if (!IsValidUtf8(h.value)) return Unexpected(Bad(h.name, "is not valid UTF-8"));
    if (!IsKnown(attribute)) continue;
    if (!attributes.emplace(attribute, h.value).second) {
      return Unexpected(Bad(h.name, "appears more than once"));
    }
  }
  return Build(attributes, std::string(value));
}

}  // namespace dealstream::codec
