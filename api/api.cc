#include "api/api.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <exception>

#include "base/uuid.h"

namespace dealstream::api {
namespace {

constexpr size_t kMaxCorrelationId = 128;

bool IsValidCorrelationId(std::string_view id) {
  if (id.empty() || id.size() > kMaxCorrelationId) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == ':';
    if (!ok) return false;
  }
  return true;
}

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// The state of one request until it is answered. If a handler loses its
// Respond without calling it (a bug), the destructor still answers 500 so
// that the connection never hangs.
struct Exchange {
  Request request;
  ParsedTarget target;
  std::unique_ptr<RouteContext> ctx;
  std::string route = "unmatched";
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  Metrics* metrics = nullptr;
  Respond out;
  bool answered = false;

  void Finish(Response response) {
    if (answered) {
      spdlog::error("route {} answered twice; the second answer is dropped", route);
      return;
    }
    answered = true;
    if (ctx) response.headers.Set("X-Correlation-Id", ctx->correlation_id);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    metrics->ObserveRequest(request.method, route, response.status, seconds);
    spdlog::info("http method={} route={} status={} latency_ms={:.3f} correlation_id={} "
                 "employee={} remote={}",
                 request.method, route, response.status, seconds * 1000,
                 ctx ? ctx->correlation_id : std::string("-"),
                 ctx && ctx->principal ? ctx->principal->employee_id : std::string("-"),
                 request.remote.empty() ? std::string("-") : request.remote);
    Respond respond = std::move(out);
    respond(std::move(response));
  }

  ~Exchange() {
    if (!answered && out) {
      Finish(ProblemResponse({.status = 500,
                              .code = "internal_error",
                              .detail = "the request was not answered; this is a bug",
                              .instance = target.path}));
    }
  }
};

}  // namespace

void Api::AddRoutes(RouteGroup group) {
  for (Route& route : group) router_.Add(std::move(route));
}

void Api::Handle(Request request, Respond respond) const {
  auto exchange = std::make_shared<Exchange>();
  exchange->request = std::move(request);
  exchange->metrics = &metrics_;
  exchange->out = std::move(respond);
  const Request& req = exchange->request;

  auto target = ParseTarget(req.target);
  if (target.ok()) exchange->target = std::move(*target);
  std::string correlation_id;
  std::optional<std::string_view> given = req.headers.Get("X-Correlation-Id");
  const bool bad_correlation = given && !IsValidCorrelationId(*given);
  correlation_id = given && !bad_correlation ? std::string(*given) : NewUuidV7(Now());
  exchange->ctx = std::make_unique<RouteContext>(RouteContext{.request = req,
                                                             .target = exchange->target,
                                                             .params = {},
                                                             .principal = std::nullopt,
                                                             .scope = std::nullopt,
                                                             .correlation_id = std::move(correlation_id),
                                                             .route = ""});
  RouteContext& ctx = *exchange->ctx;

  if (!target.ok()) {
    exchange->Finish(ctx.Problem(400, "bad_target", target.error().message()));
    return;
  }
  if (bad_correlation) {
    exchange->Finish(ctx.Problem(400, "bad_header",
                                 "X-Correlation-Id must be 1-128 characters from [A-Za-z0-9._:-]",
                                 "X-Correlation-Id"));
    return;
  }
  Router::Lookup lookup = router_.Find(req.method, exchange->target.segments);
  if (lookup.route == nullptr) {
    if (lookup.allowed.empty()) {
      exchange->Finish(ctx.Problem(404, "no_route", "no resource at " + exchange->target.path));
      return;
    }
    Response r = ctx.Problem(405, "method_not_allowed",
                             req.method + " is not supported here; use " + Join(lookup.allowed, ", "));
    r.headers.Set("Allow", Join(lookup.allowed, ", "));
    exchange->Finish(std::move(r));
    return;
  }
  const Route& route = *lookup.route;
  exchange->route = route.pattern;
  ctx.route = route.pattern;
  ctx.params = std::move(lookup.params);

  if (route.permission != Permission::kPublic) {
    std::optional<std::string_view> token = BearerToken(req.headers);
    std::optional<Principal> principal = token ? tokens_.Authenticate(*token) : std::nullopt;
    if (!principal) {
      const bool presented = req.headers.Get("Authorization").has_value();
      Response r = ctx.Problem(
          401, presented ? "invalid_token" : "missing_token",
          presented ? "the bearer token is malformed, unknown or revoked"
                    : "this endpoint needs an Authorization: Bearer <token> header");
      r.headers.Set("WWW-Authenticate", presented
                                            ? "Bearer realm=\"dealstream\", error=\"invalid_token\""
                                            : "Bearer realm=\"dealstream\"");
      exchange->Finish(std::move(r));
      return;
    }
    if (!RoleAllows(principal->role, route.permission)) {
      exchange->Finish(ctx.Problem(403, "role_not_allowed",
                                   "role '" + std::string(RoleName(principal->role)) +
                                       "' may not use " + std::string(PermissionName(route.permission))));
      return;
    }
    ctx.scope = DataScope::For(*principal, resolver_);
    ctx.principal = std::move(principal);
  }
  if (read_only() && req.method != "GET") {
    // No Retry-After: asking this node again will not help.
    exchange->Finish(ctx.Problem(503, "read_only_replica", read_only_detail_));
    return;
  }

  try {
    route.handler(ctx, [exchange](Response response) { exchange->Finish(std::move(response)); });
  } catch (const std::exception& e) {
    spdlog::error("route {} threw: {}", route.pattern, e.what());
    if (!exchange->answered) {
      exchange->Finish(ctx.Problem(500, "internal_error", "the server failed on this request"));
    }
  }
}

}  // namespace dealstream::api
