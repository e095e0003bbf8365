// The JSON encoder, and decoding through nlohmann (DecodeJson, DecodeDom).
#include "codec/json_codec.h"

#include <map>

#include "codec/internal/decoder.h"
#include "codec/internal/nlohmann_view.h"
#include "codec/json_dom.h"
#include "codec/json_text.h"
#include "codec/value_rules.h"

namespace dealstream::codec {
namespace internal {

std::string_view JsonTypeName(JsonType type) {
  switch (type) {
    case JsonType::kNull: return "null";
    case JsonType::kBool: return "a boolean";
    case JsonType::kInteger: return "an integer";
    case JsonType::kBigInteger: return "an integer beyond 64 bits";
    case JsonType::kNumber: return "a number that is not a 64-bit integer";
    case JsonType::kString: return "a string";
    case JsonType::kArray: return "an array";
    case JsonType::kObject: return "an object";
  }
  return "an unknown JSON value";
}

}  // namespace internal

namespace {

void EncodeStruct(std::string* out, const StructInfo& info, const void* value);

void EncodeValue(std::string* out, const ValueInfo& v, const void* p) {
  switch (v.kind) {
    case Kind::kString: AppendJsonString(out, *static_cast<const std::string*>(p)); return;
    case Kind::kId: AppendJsonString(out, static_cast<const domain::Id*>(p)->value); return;
    case Kind::kBool: out->append(*static_cast<const bool*>(p) ? "true" : "false"); return;
    case Kind::kInt32: out->append(std::to_string(*static_cast<const int32_t*>(p))); return;
    case Kind::kInt64: out->append(std::to_string(*static_cast<const int64_t*>(p))); return;
    case Kind::kMoney: {
      const auto& m = *static_cast<const domain::Money*>(p);
      out->append("{\"amount\":");
      AppendJsonString(out, FormatAmount(m.minor, m.currency));
      out->append(",\"currency\":");
      AppendJsonString(out, m.currency);
      out->push_back('}');
      return;
    }
    case Kind::kTimestamp:
      AppendJsonString(out, FormatTimestamp(*static_cast<const Timestamp*>(p)));
      return;
    case Kind::kDate: AppendJsonString(out, FormatDate(*static_cast<const domain::Date*>(p))); return;
    case Kind::kEnum: {
      // A value without a name is a programming error; it encodes as "" and
      // the decoder refuses it, so it cannot pass unnoticed.
      const size_t i = v.enum_get(p);
      AppendJsonString(out, i < v.enum_names.size() ? v.enum_names[i] : std::string_view());
      return;
    }
    case Kind::kStruct: EncodeStruct(out, v.struct_info(), p); return;
    case Kind::kOptional: {
      // Optional fields are omitted by EncodeStruct; this is an optional
      // inside a container.
      const void* inner = v.optional_get(p);
      if (inner == nullptr) {
        out->append("null");
      } else {
        EncodeValue(out, *v.element, inner);
      }
      return;
    }
    case Kind::kVector: {
      out->push_back('[');
      const size_t n = v.vector_size(p);
      for (size_t i = 0; i < n; ++i) {
        if (i > 0) out->push_back(',');
        EncodeValue(out, *v.element, v.vector_at(p, i));
      }
      out->push_back(']');
      return;
    }
    case Kind::kStringMap: {
      out->push_back('{');
      bool first = true;
      for (const auto& [key, text] : *static_cast<const std::map<std::string, std::string>*>(p)) {
        if (!first) out->push_back(',');
        first = false;
        AppendJsonString(out, key);
        out->push_back(':');
        AppendJsonString(out, text);
      }
      out->push_back('}');
      return;
    }
  }
}

void EncodeStruct(std::string* out, const StructInfo& info, const void* value) {
  out->push_back('{');
  bool first = true;
  for (const FieldInfo& f : info.fields) {
    const void* p = f.cget(value);
    if (f.value->kind == Kind::kOptional) {
      p = f.value->optional_get(p);
      if (p == nullptr) continue;
    }
    if (!first) out->push_back(',');
    first = false;
    AppendJsonString(out, f.name);
    out->push_back(':');
    EncodeValue(out, f.value->kind == Kind::kOptional ? *f.value->element : *f.value, p);
  }
  out->push_back('}');
}

}  // namespace

std::string EncodeJson(const StructInfo& info, const void* value) {
  std::string out;
  out.reserve(256);
  EncodeStruct(&out, info, value);
  return out;
}

std::optional<FieldError> DecodeDom(const nlohmann::json& json, const StructInfo& info, void* out,
                                    const DecodeOptions& options) {
  internal::Decoder<internal::NlohmannView> decoder(options);
  if (!decoder.Root(info, internal::NlohmannView(json), out)) return std::move(decoder.error());
  return std::nullopt;
}

std::optional<FieldError> DecodeJson(std::string_view text, const StructInfo& info, void* out,
                                     const DecodeOptions& options) {
  auto dom = ParseJsonDom(text, JsonLimits{.max_depth = options.max_depth});
  if (!dom.ok()) return std::move(dom).error();
  return DecodeDom(*dom, info, out, options);
}

}  // namespace dealstream::codec
