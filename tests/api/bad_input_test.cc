// The bad-input suite: hostile requests on every route answer 4xx
// problem+json — never 5xx, never a partial write — and the server stays
// healthy afterwards.
#include <gtest/gtest.h>

#include "api/json_util.h"
#include "api_fixture.h"

namespace dealstream::api::testing {
namespace {

std::vector<std::string> HostileBodies() {
  return {
      "",
      "{",
      "null",
      "\"just a string\"",
      "[{}]",
      R"({"name": 12, "owner_id": []})",
      R"({"name": "A", "owner_id": "e", "id": "has space"})",
      R"({"name": "A", "owner_id": "e", "id": ")" + std::string(65, 'x') + "\"}",
      R"({"name": 1e999999, "owner_id": "e"})",
      R"({"name": -99999999999999999999999999, "owner_id": "e"})",
      "{\"name\": \"\xff\xfe\", \"owner_id\": \"e\"}",
      std::string(100000, '[') + std::string(100000, ']'),
      "{\"a\":" + std::string(50000, '{') + std::string(50000, '}') + "}",
      std::string("{\"name\":\"A\0B\",\"owner_id\":\"e\"}", 27),
      R"({"name":"A","owner_id":"e"} trailing)",
  };
}

TEST(BadInputTest, HostileCommandBodiesAre4xxAndWriteNothing) {
  ApiFixture f;
  for (const std::string& type : {"RegisterCustomer", "RenameCustomer", "RegisterDepartment"}) {
    for (const std::string& body : HostileBodies()) {
      Response r = f.Call(Post("/v1/commands/" + type, body, f.admin()));
      EXPECT_GE(r.status, 400) << type << " " << body.substr(0, 60);
      EXPECT_LT(r.status, 500) << type << " " << body.substr(0, 60);
      EXPECT_TRUE(IsProblem(r, r.status));
    }
  }
  EXPECT_EQ(f.commands().appended(), 0u);
  EXPECT_EQ(f.Call(Get("/healthz")).status, 200);
}

TEST(BadInputTest, HostileTargetsAndHeadersAre4xxOnEveryRoute) {
  ApiFixture f;
  const std::vector<std::string> targets = {
      "/v1/events?from=%ZZ",     "/v1/events?limit=1e3",   "/v1/events?from=18446744073709551616",
      "/v1/events/live?from=-1", "/v1/streams/%00",        "/v1/streams/a-b?from=%",
      "/v1/streams/" + std::string(200, 'a'),             "/v1/admin/tokens/%41%",
      "/healthz?x=1",            "/readyz?x=1",            "/metrics?x=1",
      "/openapi.json?x=1",       "/v1/commands/" + std::string(300, 'C'),
      "/v1/commands/Register%00Customer",                  "/v1//events",
      "/../../etc/passwd",       "/v1/events?category=" + std::string(40, 'a'),
  };
  for (const std::string& target : targets) {
    for (const char* method : {"GET", "POST", "DELETE"}) {
      Request r = Get(target, f.admin());
      r.method = method;
      if (std::string(method) == "POST") {
        r.headers.Set("Content-Type", "application/json");
        r.body = "{}";
      }
      Response res = f.Call(r);
      EXPECT_GE(res.status, 400) << method << " " << target;
      EXPECT_LT(res.status, 500) << method << " " << target << " " << res.body;
      EXPECT_TRUE(IsProblem(res, res.status)) << method << " " << target;
    }
  }
  for (const char* auth : {"Bearer", "Bearer \xff\xfe", "Basic Zm9vOmJhcg==", "Bearer a b c"}) {
    Request r = Get("/v1/events");
    r.headers.Set("Authorization", auth);
    EXPECT_TRUE(IsProblem(f.Call(r), 401)) << auth;
  }
  Request bad_correlation = Get("/v1/events", f.admin());
  bad_correlation.headers.Set("X-Correlation-Id", std::string(200, 'c'));
  EXPECT_TRUE(IsProblem(f.Call(bad_correlation), 400));
  EXPECT_EQ(f.Call(Get("/healthz")).status, 200);
}

TEST(BadInputTest, GarbageOnTheWireNeverCrashesTheServer) {
  ApiFixture f;
  const std::vector<std::string> garbage = {
      "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",  // a TLS ClientHello
      "GET\r\n\r\n",
      "GET / HTTP/9.9\r\n\r\n",
      "GET /healthz HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
      "GET /healthz HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n",
      "POST /v1/commands/RegisterCustomer HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      std::string(100, '\0'),
  };
  for (const std::string& bytes : garbage) {
    auto c = f.Connect();
    ASSERT_TRUE(c->SendRaw(bytes).ok());
    auto r = c->Read(std::chrono::seconds(5));
    if (r.ok()) {
      EXPECT_GE(r->status, 400);
      EXPECT_LT(r->status, 500) << r->body;
    }
    EXPECT_TRUE(c->WaitClosed());
  }
  EXPECT_EQ(f.Call(Get("/healthz")).status, 200);
  EXPECT_EQ(f.commands().appended(), 0u);
}

}  // namespace
}  // namespace dealstream::api::testing
