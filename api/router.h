// Routes: pure functions from a request to a response, grouped by resource
// (one route group per file), matched by method and path pattern.
//
// A route group is a function returning RouteGroup; the application adds
// each group to the Api (api.h). Patterns are literal segments and
// "{name}" parameters, e.g. "/v1/streams/{stream}"; a literal segment wins
// over a parameter where both match.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "api/auth.h"
#include "api/data_scope.h"
#include "api/http_message.h"
#include "api/problem.h"

namespace dealstream::api {

// Everything a handler knows about its request.
struct RouteContext {
  const Request& request;
  const ParsedTarget& target;
  std::unordered_map<std::string, std::string> params;  // path parameters, decoded
  std::optional<Principal> principal;  // set unless the route is kPublic
  std::optional<DataScope> scope;      // set with principal
  std::string correlation_id;          // echoed as X-Correlation-Id
  std::string route;                   // the matched pattern, for logs and metrics

  // The path parameter `name` (the pattern guarantees it exists).
  const std::string& Param(const std::string& name) const { return params.at(name); }
  // A problem+json response whose instance is this request's path.
  Response Problem(int status, std::string code, std::string detail, std::string field = "") const;
};

// Completes a request. Call exactly once, from any thread.
using Respond = std::function<void(Response)>;
// `ctx` stays valid until `respond` has been called, so an asynchronous
// handler may keep a reference to it. Handlers must not throw.
using Handler = std::function<void(const RouteContext& ctx, Respond respond)>;
// Adapts a synchronous handler.
Handler Sync(std::function<Response(const RouteContext&)> handler);

struct Route {
  std::string method;   // "GET", "POST", "DELETE", …
  std::string pattern;  // "/v1/streams/{stream}"
  Permission permission = Permission::kAdmin;
  Handler handler;
  // The OpenAPI 3.1 operation object (summary, parameters, requestBody,
  // responses, …) served in /openapi.json; "security" is added from
  // `permission`.
  nlohmann::json openapi = nlohmann::json::object();
};

using RouteGroup = std::vector<Route>;

class Router {
 public:
  void Add(Route route);

  struct Lookup {
    const Route* route = nullptr;  // null: no route for this method
    std::unordered_map<std::string, std::string> params;
    // When route is null: the methods the path does support (empty: 404).
    std::vector<std::string> allowed;
  };
  Lookup Find(std::string_view method, const std::vector<std::string>& segments) const;

  // In the order added.
  std::vector<const Route*> routes() const;

 private:
  struct Compiled {
    Route route;
    std::vector<std::string> segments;  // "{x}" marks a parameter
    size_t literals = 0;
  };
  std::vector<Compiled> compiled_;
};

}  // namespace dealstream::api
