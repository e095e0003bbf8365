// FieldError: why a JSON input was refused, as a value.
//
// `path` locates the offending value in JSON-path style ("lines[2].amount";
// empty when the problem is the document as a whole); `message` is a full
// sentence that itself names the field and the broken rule, so it can be
// shown to a user unchanged (the API puts it in a problem+json `detail`).
#pragma once

#include <string>
#include <utility>

#include "base/status.h"

namespace dealstream::codec {

struct FieldError {
  std::string path;
  std::string message;

  // InvalidArgument carrying `message`.
  Status ToStatus() const { return Status::InvalidArgument(message); }
  bool operator==(const FieldError&) const = default;
};

// Builds a FieldError whose message starts with the path, e.g.
// "lines[2].amount: expected a string".
inline FieldError ErrorAt(std::string path, const std::string& rule) {
  std::string message = path.empty() ? rule : path + ": " + rule;
  return FieldError{std::move(path), std::move(message)};
}

}  // namespace dealstream::codec
