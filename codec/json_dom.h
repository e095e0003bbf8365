// Parsing untrusted JSON text into an nlohmann DOM, with the limits the
// codec's contract needs. Only codec sources (and the few modules that
// really need a DOM) include this header: nlohmann/json.hpp is heavy.
//
// Beyond nlohmann's own checks (syntax, UTF-8 validity), ParseJsonDom
// rejects duplicate object keys (which nlohmann would silently merge) and
// nesting deeper than a limit (so that no later recursive walk can exhaust
// the stack). It never throws: errors are FieldErrors naming the byte
// offset and the rule.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/result.h"
#include "codec/field_error.h"
#include "codec/json_codec.h"

namespace dealstream::codec {

struct JsonLimits {
  // Deepest nesting of arrays and objects accepted. Default: 64; the
  // deepest domain struct nests far less.
  size_t max_depth = 64;
};

Result<nlohmann::json, FieldError> ParseJsonDom(std::string_view text,
                                                const JsonLimits& limits = {});
// As ParseJsonDom, keeping object members in document order.
Result<nlohmann::ordered_json, FieldError> ParseOrderedJsonDom(std::string_view text,
                                                               const JsonLimits& limits = {});

// Strictly decodes a parsed DOM into the object `out` of the type `info`
// describes, with the rules of json_codec.h. For callers that already hold
// a DOM (the command path validates it with valijson first).
std::optional<FieldError> DecodeDom(const nlohmann::json& json, const StructInfo& info, void* out,
                                    const DecodeOptions& options = {});

}  // namespace dealstream::codec
