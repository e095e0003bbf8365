#include "api/query_params.h"

#include <algorithm>
#include <set>

namespace dealstream::api {

std::optional<uint64_t> ParseUint(std::string_view text) {
  if (text.empty() || text.size() > 20) return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    const uint64_t digit = static_cast<uint64_t>(c - '0');
    if (value > (UINT64_MAX - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

QueryParams::QueryParams(const RouteContext& ctx, const std::vector<std::string_view>& allowed)
    : ctx_(ctx) {
  std::set<std::string_view> seen;
  for (const auto& [name, value] : ctx.target.query) {
    if (name.empty()) {
      Fail("query", "the query string holds a parameter without a name ('=value'); give "
                    "name=value pairs");
      return;
    }
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      Fail(name, "unknown query parameter '" + name + "'" +
                     (list.empty() ? "; this endpoint takes none" : "; allowed: " + list));
      return;
    }
    if (!seen.insert(name).second) {
      Fail(name, "query parameter '" + name + "' is given more than once");
      return;
    }
  }
}

void QueryParams::Fail(std::string_view name, std::string detail) {
  if (problem_) return;
  problem_ = ctx_.Problem(400, "bad_query_parameter", std::move(detail), std::string(name));
}

std::optional<std::string> QueryParams::String(std::string_view name) {
  for (const auto& [n, value] : ctx_.target.query) {
    if (n == name) return value;
  }
  return std::nullopt;
}

uint64_t QueryParams::Uint(std::string_view name, uint64_t fallback, uint64_t min, uint64_t max) {
  std::optional<std::string> text = String(name);
  if (!text) return fallback;
  std::optional<uint64_t> value = ParseUint(*text);
  if (!value || *value < min || *value > max) {
    Fail(name, std::string(name) + " must be an integer from " + std::to_string(min) + " to " +
                   std::to_string(max) + ", not '" + *text + "'");
    return fallback;
  }
  return *value;
}

std::vector<std::string> QueryParams::List(std::string_view name, bool (*valid)(std::string_view),
                                           std::string_view what) {
  std::vector<std::string> out;
  std::optional<std::string> text = String(name);
  if (!text) return out;
  std::string_view rest = *text;
  while (true) {
    const size_t comma = std::min(rest.find(','), rest.size());
    const std::string_view item = rest.substr(0, comma);
    if (!valid(item)) {
      Fail(name, std::string(name) + ": '" + std::string(item) + "' is not " + std::string(what));
      return {};
    }
    out.emplace_back(item);
    if (comma == rest.size()) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace dealstream::api
