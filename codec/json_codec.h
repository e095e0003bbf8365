// JSON mapping of any reflected struct (commands, events, nested values).
//
// Encoding writes compact JSON, fields in declaration order, absent
// optionals omitted. Decoding is strict and treats its input as untrusted:
//   - unknown fields, duplicate keys and missing required fields are errors
//     naming the field;
//   - a value of the wrong JSON type is an error naming its path and the
//     expected type (null is not accepted for optional fields: omit them);
//   - integer ranges (Field::Range) and string lengths in code points
//     (Field::MinLength / MaxLength, applied to every string the field
//     holds, inside optionals, vectors and map values too) are enforced;
//   - Money is {"amount": "125000.00", "currency": "USD"}: the amount a
//     decimal string with at most the currency's number of decimals, never
//     a JSON number, never negative (unless allow_negative_money),
//     overflow refused; Date is "YYYY-MM-DD"; Timestamp is RFC 3339; Id is
//     1-64 characters from [A-Za-z0-9_.-]; enums by name;
//   - invalid UTF-8 and nesting deeper than max_depth are errors.
// Errors are FieldErrors: path like "lines[2].unit_price.amount" and a
// message naming that path and the rule.
//
// DecodeJson parses with nlohmann; DecodeJsonFast with simdjson (several
// times faster; used to replay stored events). Both apply the same rules.
//
// Thread-safety: all functions may be called concurrently.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "codec/field_error.h"
#include "codec/type_info.h"

namespace dealstream::codec {

struct DecodeOptions {
  // Events may record negative amounts (a reversal is a fact too); commands
  // may not. Default: false.
  bool allow_negative_money = false;
  // Deepest nesting of arrays and objects accepted. Default: 64.
  size_t max_depth = 64;
};

// Type-erased forms: `value` / `out` point to an object of the type `info`
// describes. On error `out` may be partly assigned.
std::string EncodeJson(const StructInfo& info, const void* value);
std::optional<FieldError> DecodeJson(std::string_view text, const StructInfo& info, void* out,
                                     const DecodeOptions& options = {});
std::optional<FieldError> DecodeJsonFast(std::string_view text, const StructInfo& info, void* out,
                                         const DecodeOptions& options = {});

template <domain::Reflected T>
std::string EncodeJson(const T& value) {
  return EncodeJson(StructInfoOf<T>(), &value);
}

template <domain::Reflected T>
Result<T, FieldError> DecodeJson(std::string_view text, const DecodeOptions& options = {}) {
  T out{};
  if (auto error = DecodeJson(text, StructInfoOf<T>(), &out, options)) {
    return Unexpected(std::move(*error));
  }
  return out;
}

template <domain::Reflected T>
Result<T, FieldError> DecodeJsonFast(std::string_view text, const DecodeOptions& options = {}) {
  T out{};
  if (auto error = DecodeJsonFast(text, StructInfoOf<T>(), &out, options)) {
    return Unexpected(std::move(*error));
  }
  return out;
}

}  // namespace dealstream::codec
