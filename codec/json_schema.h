// JSON Schema derived from field reflection: the contract of every command
// body and event payload, committed under schemas/ and served in the
// OpenAPI document.
//
// The schemas use only the draft-07 keywords that valijson implements and
// that OpenAPI 3.1 accepts unchanged: type, properties, required,
// additionalProperties, items, pattern, minLength/maxLength,
// minimum/maximum, enum, description, title. Nested structs and Money are
// inlined (no $ref), so each file stands alone.
//
// The schema admits exactly the JSON the strict decoder accepts, with
// rules a schema cannot express left to the decoder: the decimals allowed
// by each currency, calendar validity of dates, and RFC 3339 details.
#pragma once

#include <string>
#include <string_view>

#include "codec/type_info.h"

namespace dealstream::codec {

enum class SchemaKind {
  // A command body: adds the optional `occurred_at` every command may
  // carry (DESIGN §10); amounts may not be negative.
  kCommand,
  // An event payload: amounts may be negative (reversals are facts).
  kEvent,
  // A nested value, as is.
  kValue,
};

struct SchemaOptions {
  SchemaKind kind = SchemaKind::kValue;
  // "title"; default: the struct's kType.
  std::string_view title;
  // Top-level "description", if not empty.
  std::string_view description;
};

// Pretty-printed (two-space indent) JSON text ending in '\n'; the same
// input always gives the same bytes.
std::string JsonSchemaFor(const StructInfo& info, const SchemaOptions& options);

}  // namespace dealstream::codec
