// The transport-free pieces: target parsing, headers, bearer tokens, and the
// permission table.
#include <gtest/gtest.h>

#include "api/auth.h"
#include "api/http_message.h"
#include "api/problem.h"
#include "api/query_params.h"
#include "api/json_util.h"

namespace dealstream::api {
namespace {

TEST(ParseTargetTest, SplitsDecodesAndKeepsQueryOrder) {
  auto t = ParseTarget("/v1/streams/customer-a%2Db/?from=3&category=a%2Cb&x=&flag&q=a+b");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->path, "/v1/streams/customer-a%2Db/");
  EXPECT_EQ(t->segments, (std::vector<std::string>{"v1", "streams", "customer-a-b"}));
  ASSERT_EQ(t->query.size(), 5u);
  EXPECT_EQ(t->query[0], (std::pair<std::string, std::string>{"from", "3"}));
  EXPECT_EQ(t->query[1].second, "a,b");
  EXPECT_EQ(t->query[2].second, "");
  EXPECT_EQ(t->query[3].first, "flag");
  EXPECT_EQ(t->query[4].second, "a b");
}

TEST(ParseTargetTest, RefusesBadEscapesAndNonOriginForm) {
  EXPECT_FALSE(ParseTarget("/v1/%zz").ok());
  EXPECT_FALSE(ParseTarget("/v1/%4").ok());
  EXPECT_FALSE(ParseTarget("/v1?x=%").ok());
  EXPECT_FALSE(ParseTarget("http://host/v1").ok());
  EXPECT_FALSE(ParseTarget("").ok());
  auto root = ParseTarget("/");
  ASSERT_TRUE(root.ok());
  EXPECT_TRUE(root->segments.empty());
}

TEST(PercentTest, EncodeRoundTrips) {
  const std::string raw = "a b/c?d=é";
  EXPECT_EQ(*PercentDecode(PercentEncode(raw), false), raw);
  EXPECT_EQ(PercentEncode("opportunity-7f.a_b~"), "opportunity-7f.a_b~");
}

TEST(HeadersTest, CaseInsensitive) {
  Headers h;
  h.Add("Content-Type", "application/json");
  h.Add("X-A", "1");
  h.Add("x-a", "2");
  EXPECT_EQ(*h.Get("content-type"), "application/json");
  EXPECT_EQ(h.Count("X-A"), 2u);
  h.Set("X-a", "3");
  EXPECT_EQ(h.Count("x-a"), 1u);
  EXPECT_EQ(*h.Get("X-A"), "3");
  EXPECT_FALSE(h.Get("missing"));
}

TEST(MediaTypeTest, IgnoresParametersAndCase) {
  EXPECT_TRUE(MediaTypeIs("application/json", "application/json"));
  EXPECT_TRUE(MediaTypeIs("Application/JSON; charset=utf-8", "application/json"));
  EXPECT_FALSE(MediaTypeIs("application/jsonx", "application/json"));
  EXPECT_FALSE(MediaTypeIs("text/plain", "application/json"));
}

TEST(BearerTokenTest, AcceptsOnlyOneWellFormedBearer) {
  Headers h;
  EXPECT_FALSE(BearerToken(h));
  h.Set("Authorization", "Bearer ds_abc-DEF_123");
  EXPECT_EQ(*BearerToken(h), "ds_abc-DEF_123");
  h.Set("Authorization", "bearer   tok==  ");
  EXPECT_EQ(*BearerToken(h), "tok==");
  for (const char* bad : {"Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Bearer a b", "Bearer =a",
                          "Bearer a=b", "Token abc"}) {
    h.Set("Authorization", bad);
    EXPECT_FALSE(BearerToken(h)) << bad;
  }
  h.Set("Authorization", "Bearer a");
  h.Add("Authorization", "Bearer b");
  EXPECT_FALSE(BearerToken(h));
}

TEST(PermissionTableTest, MatchesTheDesign) {
  EXPECT_TRUE(RoleAllows(Role::kAdmin, Permission::kAdmin));
  for (Role role : kAllRoles) {
    EXPECT_TRUE(RoleAllows(role, Permission::kPublic));
    EXPECT_TRUE(RoleAllows(role, Permission::kDescribe));
    EXPECT_TRUE(RoleAllows(role, Permission::kEventFeed));
    if (role != Role::kAdmin) EXPECT_FALSE(RoleAllows(role, Permission::kAdmin));
  }
  // integrator: the event feed only.
  for (Permission p : {Permission::kCommands, Permission::kRecords, Permission::kProjections,
                       Permission::kHistory, Permission::kExport, Permission::kVerify,
                       Permission::kMonitor}) {
    EXPECT_FALSE(RoleAllows(Role::kIntegrator, p)) << PermissionName(p);
  }
  EXPECT_TRUE(RoleAllows(Role::kSales, Permission::kCommands));
  EXPECT_TRUE(RoleAllows(Role::kManager, Permission::kCommands));
  EXPECT_FALSE(RoleAllows(Role::kAuditor, Permission::kCommands));
  EXPECT_FALSE(RoleAllows(Role::kAnalyst, Permission::kCommands));
  EXPECT_TRUE(RoleAllows(Role::kAuditor, Permission::kVerify));
  EXPECT_TRUE(RoleAllows(Role::kAuditor, Permission::kHistory));
  EXPECT_FALSE(RoleAllows(Role::kAnalyst, Permission::kVerify));
  EXPECT_TRUE(RoleAllows(Role::kAnalyst, Permission::kExport));
  EXPECT_TRUE(RoleAllows(Role::kAnalyst, Permission::kProjections));
  EXPECT_FALSE(RoleAllows(Role::kSales, Permission::kExport));
}

TEST(RoleTest, NamesRoundTrip) {
  for (Role role : kAllRoles) EXPECT_EQ(ParseRole(RoleName(role)), role);
  EXPECT_FALSE(ParseRole("Admin"));
  EXPECT_FALSE(ParseRole(""));
}

TEST(ProblemTest, HasEveryMember) {
  Response r = ProblemResponse({.status = 409, .code = "version_conflict", .detail = "x",
                                .field = "a.b", .instance = "/v1/x", .current_version = 7});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(*r.headers.Get("Content-Type"), "application/problem+json");
  auto body = ParseJson(r.body);
  EXPECT_EQ(body["type"], "urn:dealstream:problem:version_conflict");
  EXPECT_EQ(body["title"], "Conflict");
  EXPECT_EQ(body["status"], 409);
  EXPECT_EQ(body["field"], "a.b");
  EXPECT_EQ(body["instance"], "/v1/x");
  EXPECT_EQ(body["current_version"], 7);
}

TEST(JsonUtilTest, DumpNeverThrowsOnInvalidUtf8) {
  EXPECT_EQ(DumpJson(std::string("a\xff")), "\"a\xEF\xBF\xBD\"");
  EXPECT_TRUE(ParseJson("{").is_discarded());
}

TEST(ParseUintTest, StrictDecimal) {
  EXPECT_EQ(ParseUint("0"), 0u);
  EXPECT_EQ(ParseUint("18446744073709551615"), UINT64_MAX);
  EXPECT_FALSE(ParseUint("18446744073709551616"));
  EXPECT_FALSE(ParseUint("-1"));
  EXPECT_FALSE(ParseUint("+1"));
  EXPECT_FALSE(ParseUint(" 1"));
  EXPECT_FALSE(ParseUint("1e3"));
  EXPECT_FALSE(ParseUint(""));
}

}  // namespace
}  // namespace dealstream::api
