// Problem details (RFC 9457): every error the API answers is one of these,
// as application/problem+json.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "api/http_message.h"

namespace dealstream::api {

struct Problem {
  int status = 400;
  // Stable snake_case name of the rule, e.g. "version_conflict". The problem
  // "type" is "urn:dealstream:problem:<code>".
  std::string code;
  std::string detail;    // what exactly went wrong, naming the field or parameter
  std::string field;     // JSON path ("/amount") or parameter name; "" if none
  std::string instance;  // the request path
  std::optional<uint64_t> current_version;  // for version conflicts
};

// {"type","title","status","detail","instance","code"[, "field"][, "current_version"]}
// with Content-Type application/problem+json. The title is the status's
// reason phrase.
Response ProblemResponse(const Problem& problem);

inline constexpr char kProblemJson[] = "application/problem+json";

}  // namespace dealstream::api
