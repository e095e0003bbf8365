#include "codec/json_schema.h"

#include <cstdint>
#include <limits>

#include <nlohmann/json.hpp>

#include "codec/value_rules.h"

namespace dealstream::codec {
namespace {

using Schema = nlohmann::ordered_json;

constexpr std::string_view kOccurredAt = "occurred_at";

struct Limits {
  int64_t min;
  int64_t max;
  uint32_t min_length;
  uint32_t max_length;
};

Schema StructSchema(const StructInfo& info, SchemaKind kind);

Schema StringSchema(std::string_view pattern) {
  return Schema{{"type", "string"}, {"pattern", pattern}};
}

Schema MoneySchema(SchemaKind kind) {
  Schema amount = StringSchema(kind == SchemaKind::kEvent ? kSignedAmountPattern : kAmountPattern);
  amount["description"] =
      "decimal string, at most the currency's number of decimals, e.g. \"125000.00\"";
  Schema currency = StringSchema(kCurrencyPattern);
  currency["description"] = "ISO 4217 currency code, e.g. \"USD\"";
  return Schema{{"type", "object"},
                {"properties", {{"amount", amount}, {"currency", currency}}},
                {"required", {"amount", "currency"}},
                {"additionalProperties", false}};
}

Schema IntegerSchema(const Limits& limits, int64_t type_min, int64_t type_max) {
  Schema s{{"type", "integer"}};
  const int64_t lo = std::max(limits.min, type_min);
  const int64_t hi = std::min(limits.max, type_max);
  // 64-bit bounds are left out: they exceed what JSON numbers carry exactly
  // in most tools, and the decoder enforces them anyway.
  if (lo != std::numeric_limits<int64_t>::min()) s["minimum"] = lo;
  if (hi != std::numeric_limits<int64_t>::max()) s["maximum"] = hi;
  return s;
}

Schema LengthBounded(Schema s, const Limits& limits) {
  if (limits.min_length > 0) s["minLength"] = limits.min_length;
  if (limits.max_length > 0) s["maxLength"] = limits.max_length;
  return s;
}

Schema ValueSchema(const ValueInfo& v, const Limits& limits, SchemaKind kind) {
  switch (v.kind) {
    case Kind::kString: return LengthBounded(Schema{{"type", "string"}}, limits);
    case Kind::kId: {
      Schema s = StringSchema(kIdPattern);
      s["minLength"] = 1;
      s["maxLength"] = 64;
      return s;
    }
    case Kind::kBool: return Schema{{"type", "boolean"}};
    case Kind::kInt32:
      return IntegerSchema(limits, std::numeric_limits<int32_t>::min(),
                           std::numeric_limits<int32_t>::max());
    case Kind::kInt64:
      return IntegerSchema(limits, std::numeric_limits<int64_t>::min(),
                           std::numeric_limits<int64_t>::max());
    case Kind::kMoney: return MoneySchema(kind);
    case Kind::kTimestamp: {
      Schema s = StringSchema(kDateTimePattern);
      s["description"] = "RFC 3339 date-time, e.g. \"2017-03-01T09:30:00Z\"";
      return s;
    }
    case Kind::kDate: {
      Schema s = StringSchema(kDatePattern);
      s["description"] = "calendar date YYYY-MM-DD";
      return s;
    }
    case Kind::kEnum: {
      Schema names = Schema::array();
      for (std::string_view n : v.enum_names) names.push_back(n);
      return Schema{{"type", "string"}, {"enum", names}};
    }
    case Kind::kStruct: return StructSchema(v.struct_info(), kind);
    case Kind::kOptional: return ValueSchema(*v.element, limits, kind);
    case Kind::kVector:
      return Schema{{"type", "array"}, {"items", ValueSchema(*v.element, limits, kind)}};
    case Kind::kStringMap:
      return Schema{{"type", "object"},
                    {"additionalProperties", LengthBounded(Schema{{"type", "string"}}, limits)}};
  }
  return Schema::object();
}

Schema StructSchema(const StructInfo& info, SchemaKind kind) {
  Schema properties = Schema::object();
  Schema required = Schema::array();
  for (const FieldInfo& f : info.fields) {
    Schema s = ValueSchema(*f.value, Limits{f.min, f.max, f.min_length, f.max_length}, kind);
    if (!f.doc.empty()) s["description"] = f.doc;
    properties[std::string(f.name)] = std::move(s);
    if (f.required()) required.push_back(f.name);
  }
  Schema schema{{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) schema["required"] = std::move(required);
  schema["additionalProperties"] = false;
  return schema;
}

}  // namespace

std::string JsonSchemaFor(const StructInfo& info, const SchemaOptions& options) {
  Schema body = StructSchema(info, options.kind);
  if (options.kind == SchemaKind::kCommand && !body["properties"].contains(kOccurredAt)) {
    Schema occurred = StringSchema(kDateTimePattern);
    occurred["description"] =
        "when the fact happened in the business (RFC 3339); default: when the command arrives";
    body["properties"][std::string(kOccurredAt)] = std::move(occurred);
  }
  Schema schema{{"$schema", "http://json-schema.org/draft-07/schema#"},
                {"title", options.title.empty() ? info.type_name : options.title}};
  if (!options.description.empty()) schema["description"] = options.description;
  for (auto& [key, value] : body.items()) schema[key] = std::move(value);
  return schema.dump(2) + "\n";
}

}  // namespace dealstream::codec
