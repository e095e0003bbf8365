// Operations: liveness, readiness and metrics.
#include "api/json_util.h"
#include "api/openapi_doc.h"
#include "api/query_params.h"
#include "api/route_groups.h"

namespace dealstream::api {
namespace {

Response Ready(const std::vector<ReadinessCheck>& checks, const RouteContext& ctx) {
  QueryParams query(ctx, {});
  if (!query.ok()) return query.Problem();
  nlohmann::json results = nlohmann::json::object();
  nlohmann::json reasons = nlohmann::json::object();
  bool ready = true;
  for (const ReadinessCheck& check : checks) {
    const bool ok = check.ready();
    results[check.name] = ok;
    if (!ok && check.reason) reasons[check.name] = check.reason();
    ready = ready && ok;
  }
  nlohmann::json body = {{"status", ready ? "ready" : "not_ready"}, {"checks", results}};
  if (!reasons.empty()) body["reasons"] = std::move(reasons);
  Response r = JsonResponse(ready ? 200 : 503, DumpJson(body));
  if (!ready) r.headers.Set("Retry-After", "1");
  return r;
}

nlohmann::json ReadyDoc() {
  using namespace doc;
  json schema = {{"type", "object"},
                 {"required", {"status", "checks"}},
                 {"properties",
                  {{"status", {{"enum", {"ready", "not_ready"}}}},
                   {"checks", {{"type", "object"}, {"additionalProperties", {{"type", "boolean"}}}}},
                   {"reasons",
                    {{"type", "object"},
                     {"description", "why failing checks fail, where a check can say"},
                     {"additionalProperties", {{"type", "string"}}}}}}}};
  json responses = {{"200", JsonBody("ready to serve", schema)},
                    {"503", JsonBody("not ready yet (or stopping); see checks", schema)}};
  AddProblems(responses, {400});
  return {{"summary", "Readiness: the log is open and subscriptions have caught up"},
          {"operationId", "readyz"},
          {"tags", {"operations"}},
          {"responses", responses}};
}

nlohmann::json HealthDoc() {
  using namespace doc;
  json responses = {{"200", JsonBody("the process is alive",
                                     {{"type", "object"},
                                      {"required", {"status"}},
                                      {"properties", {{"status", {{"const", "ok"}}}}}})}};
  AddProblems(responses, {400});
  return {{"summary", "Liveness"},
          {"operationId", "healthz"},
          {"tags", {"operations"}},
          {"responses", responses}};
}

nlohmann::json MetricsDoc() {
  using namespace doc;
  json responses = {
      {"200", {{"description", "Prometheus text exposition format 0.0.4"},
               {"content", {{"text/plain", {{"schema", {{"type", "string"}}}}}}}}}};
  AddProblems(responses, {400});
  return {{"summary", "Metrics"},
          {"operationId", "metrics"},
          {"tags", {"operations"}},
          {"responses", responses}};
}

}  // namespace

RouteGroup OpsRoutes(std::vector<ReadinessCheck> checks, const Metrics& metrics) {
  RouteGroup group;
  group.push_back(Route{.method = "GET",
                        .pattern = "/healthz",
                        .permission = Permission::kPublic,
                        .handler = Sync([](const RouteContext& ctx) {
                          QueryParams query(ctx, {});
                          if (!query.ok()) return query.Problem();
                          return JsonResponse(200, "{\"status\":\"ok\"}");
                        }),
                        .openapi = HealthDoc()});
  group.push_back(Route{.method = "GET",
                        .pattern = "/readyz",
                        .permission = Permission::kDescribe,
                        .handler = Sync([checks = std::move(checks)](const RouteContext& ctx) {
                          return Ready(checks, ctx);
                        }),
                        .openapi = ReadyDoc()});
  group.push_back(Route{.method = "GET",
                        .pattern = "/metrics",
                        .permission = Permission::kMonitor,
                        .handler = Sync([&metrics](const RouteContext& ctx) {
                          QueryParams query(ctx, {});
                          if (!query.ok()) return query.Problem();
                          Response r;
                          r.headers.Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                          r.body = metrics.Render();
                          return r;
                        }),
                        .openapi = MetricsDoc()});
  return group;
}

}  // namespace dealstream::api
