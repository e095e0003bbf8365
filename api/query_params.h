// QueryParams: reads and validates a request's query parameters. The first
// problem found (an unknown or repeated parameter, a value out of range)
// is kept, and the route answers it as a 400 naming the parameter.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/router.h"

namespace dealstream::api {

// Parses a decimal unsigned integer (no sign, no spaces, no overflow).
std::optional<uint64_t> ParseUint(std::string_view text);

class QueryParams {
 public:
  // Records a problem for any parameter not in `allowed`, and for any
  // parameter given twice.
  QueryParams(const RouteContext& ctx, std::initializer_list<std::string_view> allowed)
      : QueryParams(ctx, std::vector<std::string_view>(allowed)) {}
  QueryParams(const RouteContext& ctx, const std::vector<std::string>& allowed)
      : QueryParams(ctx, std::vector<std::string_view>(allowed.begin(), allowed.end())) {}
  QueryParams(const RouteContext& ctx, const std::vector<std::string_view>& allowed);

  // The parameter's value, nullopt when absent.
  std::optional<std::string> String(std::string_view name);
  // An integer in [min, max]; absent → `fallback`.
  uint64_t Uint(std::string_view name, uint64_t fallback, uint64_t min, uint64_t max);
  // Comma-separated values, each checked by `valid` (named by `what`).
  std::vector<std::string> List(std::string_view name, bool (*valid)(std::string_view),
                                std::string_view what);
  // Records a problem found by the caller.
  void Fail(std::string_view name, std::string detail);

  bool ok() const { return !problem_; }
  // The 400 answer for the first problem. Precondition: !ok().
  Response Problem() const { return *problem_; }

 private:
  const RouteContext& ctx_;
  std::optional<Response> problem_;
};

}  // namespace dealstream::api
