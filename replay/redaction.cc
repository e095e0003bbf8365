#include "replay/redaction.h"

namespace dealstream::replay {

using nlohmann::ordered_json;

std::optional<ordered_json> Redact(const codec::ValueInfo& info, const ordered_json& value,
                                   bool required) {
  using codec::Kind;
  switch (info.kind) {
    case Kind::kString:
      return ordered_json(std::string(kRedacted));
    case Kind::kStringMap: {
      ordered_json out = ordered_json::object();
      if (value.is_object()) {
        for (const auto& [k, v] : value.items()) out[k] = std::string(kRedacted);
      }
      return out;
    }
    case Kind::kOptional:
      return Redact(*info.element, value, false);
    case Kind::kVector: {
      ordered_json out = ordered_json::array();
      if (value.is_array()) {
        for (const auto& element : value) {
          if (auto r = Redact(*info.element, element, true)) out.push_back(std::move(*r));
        }
      }
      return out;
    }
    case Kind::kStruct: {
      ordered_json out = ordered_json::object();
      if (!value.is_object()) return out;
      for (const codec::FieldInfo& field : info.struct_info().fields) {
        auto it = value.find(std::string(field.name));
        if (it == value.end()) continue;
        if (auto r = Redact(*field.value, *it, field.required())) {
          out[std::string(field.name)] = std::move(*r);
        }
      }
      return out;
    }
    default:
      break;
  }
  if (!required) return std::nullopt;
  // Required non-text values: a neutral placeholder that still decodes.
  switch (info.kind) {
    case Kind::kId:
      return ordered_json("redacted");
    case Kind::kBool:
      return ordered_json(false);
    case Kind::kInt32:
    case Kind::kInt64:
      return ordered_json(0);
    case Kind::kMoney:
      return ordered_json{{"amount", "0"}, {"currency", "XXX"}};
    case Kind::kTimestamp:
      return ordered_json("1970-01-01T00:00:00Z");
    case Kind::kDate:
      return ordered_json("1970-01-01");
    case Kind::kEnum:
      return ordered_json(info.enum_names.empty() ? std::string() : std::string(info.enum_names[0]));
    default:
      return ordered_json(nullptr);
  }
}

}  // namespace dealstream::replay
