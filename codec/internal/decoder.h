// The strict decoder: walks a JSON view (NlohmannView or SimdjsonView)
// along a StructInfo and fills the C++ object. The rules are those listed
// in codec/json_codec.h. Internal to the codec.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "codec/field_error.h"
#include "codec/internal/json_type.h"
#include "codec/json_codec.h"
#include "codec/json_text.h"
#include "codec/type_info.h"
#include "codec/value_rules.h"

namespace dealstream::codec::internal {

// The constraints that apply below one field.
struct Limits {
  int64_t min;
  int64_t max;
  uint32_t min_length;
  uint32_t max_length;
};

template <typename View>
class Decoder {
 public:
  explicit Decoder(const DecodeOptions& options) : options_(options) {}

  // Decodes the document root; false with error() set on failure.
  bool Root(const StructInfo& info, View json, void* out) {
    if (json.type() != JsonType::kObject) {
      return Fail("the document must be a JSON object, got " +
                  std::string(JsonTypeName(json.type())));
    }
    return Struct(info, json, out);
  }

  FieldError& error() { return error_; }

 private:
  bool Fail(std::string rule) {
    std::string path;
    for (const Segment& s : path_) {
      if (s.is_index) {
        path += "[" + std::to_string(s.index) + "]";
      } else {
        if (!path.empty()) path.push_back('.');
        path.append(s.name);
      }
    }
    error_ = ErrorAt(std::move(path), rule);
    return false;
  }
  bool Expected(std::string_view what, View json) {
    return Fail("expected " + std::string(what) + ", got " + std::string(JsonTypeName(json.type())));
  }

  // One step of the path to the value being decoded. The path is spelled
  // out only when an error needs it, so decoding valid input never builds
  // strings. `name` points into the parsed document, alive for the decode.
  struct Segment {
    std::string_view name;
    size_t index = 0;
    bool is_index = false;
  };

  // Adds a step to the path for the duration of a scope.
  class PathScope {
   public:
    PathScope(std::vector<Segment>* path, std::string_view name) : path_(path) {
      path->push_back({name, 0, false});
    }
    PathScope(std::vector<Segment>* path, size_t index) : path_(path) {
      path->push_back({{}, index, true});
    }
    ~PathScope() { path_->pop_back(); }

   private:
    std::vector<Segment>* path_;
  };

  // Which fields of a struct were present; no allocation for up to 64.
  class SeenFields {
   public:
    explicit SeenFields(size_t n) {
      if (n > 64) more_.resize(n);
    }
    // False if field i was seen before.
    bool Mark(size_t i) {
      if (!more_.empty()) {
        const bool fresh = !more_[i];
        more_[i] = true;
        return fresh;
      }
      const uint64_t bit = uint64_t{1} << i;
      const bool fresh = (bits_ & bit) == 0;
      bits_ |= bit;
      return fresh;
    }
    bool Seen(size_t i) const { return more_.empty() ? (bits_ >> i) & 1 : bool(more_[i]); }

   private:
    uint64_t bits_ = 0;
    std::vector<bool> more_;
  };

  bool Struct(const StructInfo& info, View json, void* out) {
    SeenFields seen(info.fields.size());
    const bool members_ok = json.ForEachMember([&](std::string_view key, View value) {
      size_t i = 0;
      while (i < info.fields.size() && info.fields[i].name != key) ++i;
      PathScope scope(&path_, key);
      if (i == info.fields.size()) return UnknownField(info);
      if (!seen.Mark(i)) return Fail("duplicate field");
      const FieldInfo& f = info.fields[i];
      return Value(*f.value, Limits{f.min, f.max, f.min_length, f.max_length}, value, f.get(out));
    });
    if (!members_ok) return false;
    for (size_t i = 0; i < info.fields.size(); ++i) {
      if (!seen.Seen(i) && info.fields[i].required()) {
        PathScope scope(&path_, info.fields[i].name);
        return Fail("required field is missing");
      }
    }
    return true;
  }

  bool UnknownField(const StructInfo& info) {
    std::string allowed;
    for (const FieldInfo& f : info.fields) {
      allowed += allowed.empty() ? "" : ", ";
      allowed += f.name;
    }
    return Fail("unknown field (allowed: " + allowed + ")");
  }

  bool Value(const ValueInfo& v, const Limits& limits, View json, void* out) {
    switch (v.kind) {
      case Kind::kString: return String(limits, json, static_cast<std::string*>(out));
      case Kind::kId: return Id(json, static_cast<domain::Id*>(out));
      case Kind::kBool:
        if (json.type() != JsonType::kBool) return Expected("true or false", json);
        *static_cast<bool*>(out) = json.Bool();
        return true;
      case Kind::kInt32: {
        int64_t n = 0;
        if (!Integer(limits, INT32_MIN, INT32_MAX, json, &n)) return false;
        *static_cast<int32_t*>(out) = static_cast<int32_t>(n);
        return true;
      }
      case Kind::kInt64: return Integer(limits, INT64_MIN, INT64_MAX, json, static_cast<int64_t*>(out));
      case Kind::kMoney: return Money(json, static_cast<domain::Money*>(out));
      case Kind::kTimestamp: {
        if (json.type() != JsonType::kString) return Expected("an RFC 3339 date-time string", json);
        auto t = ParseDateTime(json.String());
        if (!t.ok()) return Fail(t.error());
        *static_cast<Timestamp*>(out) = *t;
        return true;
      }
      case Kind::kDate: {
        if (json.type() != JsonType::kString) return Expected("a date string YYYY-MM-DD", json);
        auto d = ParseDate(json.String());
        if (!d.ok()) return Fail(d.error());
        *static_cast<domain::Date*>(out) = *d;
        return true;
      }
      case Kind::kEnum: return Enum(v, json, out);
      case Kind::kStruct:
        if (json.type() != JsonType::kObject) return Expected("an object", json);
        return Struct(v.struct_info(), json, out);
      case Kind::kOptional:
        if (json.type() == JsonType::kNull) {
          return Fail("must be omitted rather than null (the field is optional)");
        }
        return Value(*v.element, limits, json, v.optional_emplace(out));
      case Kind::kVector:
        if (json.type() != JsonType::kArray) return Expected("an array", json);
        return json.ForEachElement([&](size_t i, View element) {
          PathScope scope(&path_, i);
          return Value(*v.element, limits, element, v.vector_append(out));
        });
      case Kind::kStringMap: return StringMap(limits, json, out);
    }
    return Fail("has a type the codec cannot decode");
  }

  bool String(const Limits& limits, View json, std::string* out) {
    if (json.type() != JsonType::kString) return Expected("a string", json);
    const std::string_view s = json.String();
    if (limits.min_length > 0 || limits.max_length > 0) {
      const size_t n = CodePointCount(s);
      if (n < limits.min_length) {
        return Fail(limits.min_length == 1
                        ? std::string("must not be empty")
                        : "must be at least " + std::to_string(limits.min_length) +
                              " characters long");
      }
      if (limits.max_length > 0 && n > limits.max_length) {
        return Fail("must be at most " + std::to_string(limits.max_length) +
                    " characters long, got " + std::to_string(n));
      }
    }
    out->assign(s);
    return true;
  }

  bool Id(View json, domain::Id* out) {
    if (json.type() != JsonType::kString) return Expected("an id string", json);
    const std::string_view s = json.String();
    if (!IsValidId(s)) return Fail("must be an id: 1-64 characters from A-Z a-z 0-9 _ . -");
    out->value.assign(s);
    return true;
  }

  bool Integer(const Limits& limits, int64_t type_min, int64_t type_max, View json, int64_t* out) {
    const int64_t lo = std::max(limits.min, type_min);
    const int64_t hi = std::min(limits.max, type_max);
    const auto range = [&] {
      return Fail("must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
    };
    if (json.type() == JsonType::kBigInteger) return range();
    if (json.type() != JsonType::kInteger) return Expected("an integer", json);
    const int64_t n = json.Int();
    if (n < lo || n > hi) return range();
    *out = n;
    return true;
  }

  bool Money(View json, domain::Money* out) {
    if (json.type() != JsonType::kObject) {
      return Expected("a money object {\"amount\": \"125000.00\", \"currency\": \"USD\"}", json);
    }
    std::optional<std::string_view> amount, currency;
    const bool members_ok = json.ForEachMember([&](std::string_view key, View value) {
      PathScope scope(&path_, key);
      std::optional<std::string_view>* slot =
          key == "amount" ? &amount : key == "currency" ? &currency : nullptr;
      if (slot == nullptr) return Fail("unknown field (allowed: amount, currency)");
      if (slot->has_value()) return Fail("duplicate field");
      if (value.type() != JsonType::kString) {
        return Expected(key == "amount" ? "a decimal string such as \"125000.00\""
                                        : "a currency code string such as \"USD\"",
                        value);
      }
      *slot = value.String();
      return true;
    });
    if (!members_ok) return false;
    for (auto [name, value] : {std::pair{"amount", amount}, std::pair{"currency", currency}}) {
      if (!value) {
        PathScope scope(&path_, name);
        return Fail("required field is missing");
      }
    }
    if (!IsCurrencyCode(*currency)) {
      PathScope scope(&path_, "currency");
      return Fail("must be a currency code of three upper-case letters such as \"USD\"");
    }
    auto minor = ParseAmount(*amount, *currency, options_.allow_negative_money);
    if (!minor.ok()) {
      PathScope scope(&path_, "amount");
      return Fail(minor.error());
    }
    out->minor = *minor;
    out->currency.assign(*currency);
    return true;
  }

  bool Enum(const ValueInfo& v, View json, void* out) {
    const auto allowed = [&] {
      std::string names;
      for (std::string_view n : v.enum_names) {
        names += names.empty() ? "\"" : ", \"";
        names += n;
        names += '"';
      }
      return names;
    };
    if (json.type() != JsonType::kString) return Expected("one of " + allowed(), json);
    const std::string_view s = json.String();
    for (size_t i = 0; i < v.enum_names.size(); ++i) {
      if (v.enum_names[i] == s) {
        v.enum_set(out, i);
        return true;
      }
    }
    return Fail("must be one of " + allowed());
  }

  bool StringMap(const Limits& limits, View json, void* out) {
    if (json.type() != JsonType::kObject) return Expected("an object of strings", json);
    auto& map = *static_cast<std::map<std::string, std::string>*>(out);
    return json.ForEachMember([&](std::string_view key, View value) {
      PathScope scope(&path_, key);
      if (key.empty()) return Fail("keys must not be empty");
      std::string text;
      if (!String(limits, value, &text)) return false;
      if (!map.emplace(std::string(key), std::move(text)).second) return Fail("duplicate key");
      return true;
    });
  }

  const DecodeOptions& options_;
  std::vector<Segment> path_;
  FieldError error_;
};

}  // namespace dealstream::codec::internal
