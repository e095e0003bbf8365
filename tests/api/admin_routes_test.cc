// Token administration over HTTP: create (shown once), list, revoke.
#include <gtest/gtest.h>

#include "api/json_util.h"
#include "api_fixture.h"

namespace dealstream::api::testing {
namespace {

constexpr char kTokens[] = "/v1/admin/tokens";

TEST(AdminRoutesTest, CreatedTokensWorkAtOnceAndRevokedOnesStop) {
  ApiFixture f;
  f.HireEmployee("e7");
  Response created = f.Call(Post(kTokens, R"({"employee_id":"e7","role":"analyst"})", f.admin()));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(*created.headers.Get("Cache-Control"), "no-store");
  const std::string token = BodyJson(created)["token"];
  const std::string id = BodyJson(created)["token_id"];
  EXPECT_EQ(id, HashToken(token));
  EXPECT_EQ(f.Call(Get("/metrics", token)).status, 200);

  Response list = f.Call(Get(kTokens, f.admin()));
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find(token), std::string::npos);  // never shown again
  bool found = false;
  const nlohmann::json listed = BodyJson(list);
  for (const auto& t : listed["tokens"]) {
    if (t["token_id"] == id) {
      found = true;
      EXPECT_EQ(t["employee_id"], "e7");
      EXPECT_EQ(t["role"], "analyst");
      EXPECT_EQ(t["granted_by"], "root");
      EXPECT_EQ(t["revoked"], false);
    }
  }
  EXPECT_TRUE(found) << list.body;

  Request revoke = Get(std::string(kTokens) + "/" + id, f.admin());
  revoke.method = "DELETE";
  EXPECT_EQ(f.Call(revoke).status, 204);
  EXPECT_TRUE(IsProblem(f.Call(Get("/metrics", token)), 401));
  // Audited as an event in the system stream.
  auto events = f.log().ReadStream(TokenStream(), {0}, eventstore::Direction::kBackward, 1);
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].type, kTokenRevokedType);
  EXPECT_EQ((*events)[0].metadata.actor, "root");
}

TEST(AdminRoutesTest, RefusesBadRequests) {
  ApiFixture f;
  f.HireEmployee("e8");
  const std::string manager = f.Token(Role::kManager, "e8");
  EXPECT_TRUE(IsProblem(f.Call(Post(kTokens, R"({"employee_id":"e8","role":"admin"})", manager)), 403));
  struct Case {
    std::string body, content_type;
    int status;
  };
  for (const Case& c : std::vector<Case>{
           {R"({"employee_id":"e8","role":"king"})", "application/json", 400},
           {R"({"employee_id":"e8"})", "application/json", 400},
           {R"({"employee_id":5,"role":"sales"})", "application/json", 400},
           {R"({"employee_id":"bad id","role":"admin"})", "application/json", 400},
           {R"({"employee_id":"e8","role":"sales","x":1})", "application/json", 400},
           {R"({"employee_id":"ghost","role":"sales"})", "application/json", 404},
           {"not json", "application/json", 400},
           {"[]", "application/json", 400},
           {R"({"employee_id":"e8","role":"sales"})", "text/plain", 415}}) {
    EXPECT_TRUE(IsProblem(f.Call(Post(kTokens, c.body, f.admin(), c.content_type)), c.status)) << c.body;
  }
  Request revoke = Get(std::string(kTokens) + "/" + std::string(64, 'a'), f.admin());
  revoke.method = "DELETE";
  EXPECT_TRUE(IsProblem(f.Call(revoke), 404));
  revoke.target = std::string(kTokens) + "/xyz";
  EXPECT_TRUE(IsProblem(f.Call(revoke), 400));
  // An admin token needs no employee.
  EXPECT_EQ(f.Call(Post(kTokens, R"({"employee_id":"ops","role":"admin"})", f.admin())).status, 201);
}

}  // namespace
}  // namespace dealstream::api::testing
