// SchemaValidator: validates JSON documents against one JSON Schema with
// valijson, and turns valijson's errors into FieldErrors that name the
// JSON path and the rule in the codec's own words (valijson's messages
// name neither the field nor, often, the rule).
//
// Thread-safety: Validate may be called concurrently (each thread keeps
// its own compiled-regex cache).
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "base/result.h"
#include "codec/field_error.h"

namespace dealstream::codec {

class SchemaValidator {
 public:
  // InvalidArgument if `schema_text` is not JSON or not a schema valijson
  // can compile.
  static Result<std::unique_ptr<SchemaValidator>> Compile(std::string_view schema_text);
  ~SchemaValidator();
  SchemaValidator(const SchemaValidator&) = delete;
  SchemaValidator& operator=(const SchemaValidator&) = delete;

  // nullopt if `document` is valid; otherwise the most specific violation
  // (the deepest path valijson reports).
  std::optional<FieldError> Validate(const nlohmann::json& document) const;

 private:
  struct Impl;
  explicit SchemaValidator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dealstream::codec
