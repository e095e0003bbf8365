// Api::Handle without sockets: routing, authentication, authorization,
// correlation ids, and the safety nets for handlers that misbehave.
#include <gtest/gtest.h>

#include <future>

#include "api/api.h"
#include "api/json_util.h"
#include "api/route_groups.h"
#include "api/token_issuer.h"
#include "eventstore/memory_event_log.h"

namespace dealstream::api {
namespace {

class ApiPipelineTest : public ::testing::Test {
 protected:
  ApiPipelineTest() : tokens_(log_), issuer_(log_, &tokens_), api_(tokens_, nullptr, metrics_) {
    RouteGroup group;
    group.push_back({.method = "GET", .pattern = "/v1/things/{id}", .permission = Permission::kRecords,
                     .handler = Sync([](const RouteContext& ctx) {
                       return JsonResponse(200, DumpJson({{"id", ctx.Param("id")},
                                                          {"who", ctx.principal->employee_id}}));
                     })});
    group.push_back({.method = "GET", .pattern = "/v1/things/special",
                     .permission = Permission::kRecords,
                     .handler = Sync([](const RouteContext&) { return JsonResponse(200, "\"special\""); })});
    group.push_back({.method = "DELETE", .pattern = "/v1/things/{id}", .permission = Permission::kAdmin,
                     .handler = Sync([](const RouteContext&) { return Response{.status = 204}; })});
    group.push_back({.method = "GET", .pattern = "/open", .permission = Permission::kPublic,
                     .handler = Sync([](const RouteContext& ctx) {
                       EXPECT_FALSE(ctx.principal);
                       return JsonResponse(200, "{}");
                     })});
    group.push_back({.method = "GET", .pattern = "/lost", .permission = Permission::kPublic,
                     .handler = [](const RouteContext&, Respond) {}});
    group.push_back({.method = "GET", .pattern = "/throws", .permission = Permission::kPublic,
                     .handler = [](const RouteContext&, Respond) -> void {
                       throw std::runtime_error("boom");
                     }});
    api_.AddRoutes(std::move(group));
    eventstore::AppendRequest hire{.stream = *eventstore::StreamName::Make("employee", "root")};
    hire.events.push_back({.type = "crm.employee.hired.v1", .subject = "root", .data = "{}"});
    EXPECT_TRUE(log_.Append(hire).ok());
    admin_ = issuer_.Grant({.employee_id = "root", .role = Role::kAdmin, .granted_by = "t"})->token;
    integrator_ =
        issuer_.Grant({.employee_id = "root", .role = Role::kIntegrator, .granted_by = "t"})->token;
  }

  Response Handle(std::string method, std::string target, std::string token = "",
                  std::string correlation = "") {
    Request r{.method = std::move(method), .target = std::move(target)};
    if (!token.empty()) r.headers.Set("Authorization", "Bearer " + token);
    if (!correlation.empty()) r.headers.Set("X-Correlation-Id", correlation);
    std::promise<Response> promise;
    api_.Handle(std::move(r), [&](Response response) { promise.set_value(std::move(response)); });
    return promise.get_future().get();
  }

  eventstore::MemoryEventLog log_;
  Metrics metrics_;
  TokenTable tokens_;
  TokenIssuer issuer_;
  Api api_;
  std::string admin_, integrator_;
};

TEST_F(ApiPipelineTest, RoutesWithParametersAndLiteralPrecedence) {
  Response r = Handle("GET", "/v1/things/a%20b", admin_);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(ParseJson(r.body)["id"], "a b");
  EXPECT_EQ(ParseJson(r.body)["who"], "root");
  EXPECT_EQ(Handle("GET", "/v1/things/special", admin_).body, "\"special\"");
  EXPECT_EQ(Handle("GET", "/v1/things/x/", admin_).status, 200);
}

TEST_F(ApiPipelineTest, UnknownPathIs404AndWrongMethodIs405WithAllow) {
  Response r = Handle("GET", "/v2/nothing", admin_);
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(ParseJson(r.body)["code"], "no_route");
  r = Handle("PUT", "/v1/things/1", admin_);
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(*r.headers.Get("Allow"), "DELETE, GET");
  EXPECT_EQ(*r.headers.Get("Content-Type"), "application/problem+json");
  EXPECT_EQ(Handle("GET", "/v1/things%zz", admin_).status, 400);
}

TEST_F(ApiPipelineTest, AuthenticationAndAuthorization) {
  Response r = Handle("GET", "/v1/things/1");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(*r.headers.Get("WWW-Authenticate"), "Bearer realm=\"dealstream\"");
  r = Handle("GET", "/v1/things/1", "ds_not_a_real_token");
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.headers.Get("WWW-Authenticate")->find("invalid_token"), std::string::npos);
  r = Handle("GET", "/v1/things/1", integrator_);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(ParseJson(r.body)["code"], "role_not_allowed");
  EXPECT_EQ(Handle("GET", "/open").status, 200);
}

TEST_F(ApiPipelineTest, CorrelationIdIsEchoedOrGeneratedOrRefused) {
  EXPECT_EQ(*Handle("GET", "/open", "", "abc-123").headers.Get("X-Correlation-Id"), "abc-123");
  const std::string generated(*Handle("GET", "/open").headers.Get("X-Correlation-Id"));
  EXPECT_EQ(generated.size(), 36u);
  Response bad = Handle("GET", "/open", "", "has space");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(ParseJson(bad.body)["field"], "X-Correlation-Id");
}

TEST_F(ApiPipelineTest, HandlersThatLoseOrThrowStillAnswer500) {
  Response lost = Handle("GET", "/lost");
  EXPECT_EQ(lost.status, 500);
  EXPECT_EQ(ParseJson(lost.body)["code"], "internal_error");
  EXPECT_EQ(Handle("GET", "/throws").status, 500);
}

TEST_F(ApiPipelineTest, CountsRequestsPerRoutePatternAndStatusClass) {
  Handle("GET", "/v1/things/1", admin_);
  Handle("GET", "/v1/things/2", admin_);
  Handle("GET", "/v1/things/2");
  EXPECT_EQ(metrics_.RequestCount("GET", "/v1/things/{id}", "2xx"), 2u);
  EXPECT_EQ(metrics_.RequestCount("GET", "/v1/things/{id}", "4xx"), 1u);
  const std::string text = metrics_.Render();
  EXPECT_NE(text.find("dealstream_http_request_duration_seconds_bucket{method=\"GET\",route=\"/v1/things/{id}\",status_class=\"2xx\",le=\"+Inf\"} 2"),
            std::string::npos) << text;
}

TEST_F(ApiPipelineTest, ReadOnlyApiRefusesEveryWriteNamingWhereWritesGo) {
  EXPECT_FALSE(api_.read_only());
  EXPECT_EQ(Handle("DELETE", "/v1/things/1", admin_).status, 204);
  api_.SetReadOnly("this node follows crm.events at k1:9092; send commands to the leader");
  EXPECT_TRUE(api_.read_only());
  Response r = Handle("DELETE", "/v1/things/1", admin_);
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(*r.headers.Get("Content-Type"), "application/problem+json");
  EXPECT_FALSE(r.headers.Get("Retry-After"));
  const nlohmann::json problem = ParseJson(r.body);
  EXPECT_EQ(problem["code"], "read_only_replica");
  EXPECT_EQ(problem["detail"],
            "this node follows crm.events at k1:9092; send commands to the leader");
  // Authentication and authorization still come first; reads are served.
  EXPECT_EQ(Handle("DELETE", "/v1/things/1").status, 401);
  EXPECT_EQ(Handle("DELETE", "/v1/things/1", integrator_).status, 403);
  EXPECT_EQ(Handle("GET", "/v1/things/1", admin_).status, 200);
}

TEST_F(ApiPipelineTest, ReadyzSaysWhyAFailingCheckFails) {
  bool follower_ready = false;
  api_.AddRoutes(OpsRoutes({{"log open", [] { return true; }},
                            {"kafka follower", [&] { return follower_ready; },
                             [] { return std::string("cannot reach the Kafka cluster"); }},
                            {"plain", [&] { return follower_ready; }}},
                           metrics_));
  Response r = Handle("GET", "/readyz", integrator_);
  EXPECT_EQ(r.status, 503);
  nlohmann::json body = ParseJson(r.body);
  EXPECT_EQ(body["status"], "not_ready");
  EXPECT_EQ(body["checks"], nlohmann::json({{"log open", true}, {"kafka follower", false},
                                            {"plain", false}}));
  EXPECT_EQ(body["reasons"],
            nlohmann::json({{"kafka follower", "cannot reach the Kafka cluster"}}));
  follower_ready = true;
  r = Handle("GET", "/readyz", integrator_);
  EXPECT_EQ(r.status, 200);
  EXPECT_FALSE(ParseJson(r.body).contains("reasons"));
}

}  // namespace
}  // namespace dealstream::api
