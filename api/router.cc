#include "api/router.h"

#include <algorithm>

namespace dealstream::api {
namespace {

bool IsParameter(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

Response RouteContext::Problem(int status, std::string code, std::string detail,
                               std::string field) const {
  return ProblemResponse(api::Problem{.status = status,
                                     .code = std::move(code),
                                     .detail = std::move(detail),
                                     .field = std::move(field),
                                     .instance = target.path});
}

Handler Sync(std::function<Response(const RouteContext&)> handler) {
  return [handler = std::move(handler)](const RouteContext& ctx, Respond respond) {
    respond(handler(ctx));
  };
}

void Router::Add(Route route) {
  Compiled compiled{.route = std::move(route)};
  auto parsed = ParseTarget(compiled.route.pattern);
  // Patterns are written by us; "{" and "}" are not percent-escaped.
  if (parsed.ok()) compiled.segments = std::move(parsed->segments);
  compiled.literals = static_cast<size_t>(
      std::count_if(compiled.segments.begin(), compiled.segments.end(),
                    [](const std::string& s) { return !IsParameter(s); }));
  compiled_.push_back(std::move(compiled));
}

Router::Lookup Router::Find(std::string_view method,
                            const std::vector<std::string>& segments) const {
  Lookup best;
  size_t best_literals = 0;
  for (const Compiled& c : compiled_) {
    if (c.segments.size() != segments.size()) continue;
    std::unordered_map<std::string, std::string> params;
    bool match = true;
    for (size_t i = 0; i < segments.size() && match; ++i) {
      if (IsParameter(c.segments[i])) {
        if (segments[i].empty()) match = false;
        else params[c.segments[i].substr(1, c.segments[i].size() - 2)] = segments[i];
      } else {
        match = c.segments[i] == segments[i];
      }
    }
    if (!match) continue;
    if (c.route.method != method) {
      if (std::find(best.allowed.begin(), best.allowed.end(), c.route.method) == best.allowed.end()) {
        best.allowed.push_back(c.route.method);
      }
      continue;
    }
    if (best.route == nullptr || c.literals > best_literals) {
      best.route = &c.route;
      best.params = std::move(params);
      best_literals = c.literals;
    }
  }
  if (best.route != nullptr) best.allowed.clear();
  std::sort(best.allowed.begin(), best.allowed.end());
  return best;
}

std::vector<const Route*> Router::routes() const {
  std::vector<const Route*> out;
  for (const Compiled& c : compiled_) out.push_back(&c.route);
  return out;
}

}  // namespace dealstream::api
