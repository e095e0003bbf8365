// POST /v1/commands/{type} over loopback: results, headers, idempotency,
// optimistic concurrency, error mapping, data scopes, and many keep-alive
// connections sharing group commits.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "api/json_util.h"
#include "api_fixture.h"

namespace dealstream::api::testing {
namespace {

constexpr char kRegister[] = "/v1/commands/RegisterCustomer";
constexpr char kRename[] = "/v1/commands/RenameCustomer";

Request WithHeader(Request r, const std::string& name, const std::string& value) {
  r.headers.Set(name, value);
  return r;
}

TEST(CommandRoutesTest, CreatedWithResultLocationETagAndCorrelation) {
  ApiFixture f;
  Request r = Post(kRegister, R"({"id":"c1","name":"Acme","owner_id":"e1"})", f.admin());
  r.headers.Set("X-Correlation-Id", "corr-1");
  Response res = f.Call(r);
  ASSERT_EQ(res.status, 201) << res.body;
  auto body = BodyJson(res);
  EXPECT_EQ(body["id"], "c1");
  EXPECT_EQ(body["stream"], "customer-c1");
  EXPECT_EQ(body["version"], 1);
  EXPECT_EQ(body["event_ids"].size(), 1u);
  EXPECT_EQ(*res.headers.Get("Location"), "/v1/streams/customer-c1");
  EXPECT_EQ(*res.headers.Get("ETag"), "\"1\"");
  EXPECT_EQ(*res.headers.Get("X-Correlation-Id"), "corr-1");
  EXPECT_FALSE(res.headers.Get("Idempotent-Replayed"));
  auto events = f.log().ReadAll({body["position"].get<uint64_t>()}, 1, {});
  ASSERT_EQ(events->events.size(), 1u);
  EXPECT_EQ(events->events[0].metadata.correlation_id, "corr-1");
  EXPECT_EQ(events->events[0].metadata.actor, "root");
}

TEST(CommandRoutesTest, IdempotentRetryReplaysAndReusedKeyIs422) {
  ApiFixture f;
  const std::string body = R"({"id":"c2","name":"Acme","owner_id":"e1"})";
  Request r = WithHeader(Post(kRegister, body, f.admin()), "Idempotency-Key", "key-1");
  Response first = f.Call(r);
  Response again = f.Call(r);
  ASSERT_EQ(first.status, 201);
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(*again.headers.Get("Idempotent-Replayed"), "true");
  EXPECT_EQ(BodyJson(again), BodyJson(first));
  EXPECT_EQ(f.commands().appended(), 1u);
  Response reused = f.Call(WithHeader(Post(kRegister, R"({"id":"c3","name":"B","owner_id":"e1"})",
                                           f.admin()),
                                      "Idempotency-Key", "key-1"));
  EXPECT_TRUE(IsProblem(reused, 422));
  EXPECT_TRUE(IsProblem(f.Call(WithHeader(Post(kRegister, body, f.admin()), "Idempotency-Key",
                                          std::string(256, 'k'))),
                        400));
  EXPECT_TRUE(IsProblem(
      f.Call(WithHeader(Post(kRegister, body, f.admin()), "Idempotency-Key", "a key")), 400));
}

TEST(CommandRoutesTest, IfMatchCarriesTheExpectedVersion) {
  ApiFixture f;
  ASSERT_EQ(f.Call(Post(kRegister, R"({"id":"c4","name":"A","owner_id":"e1"})", f.admin())).status, 201);
  const std::string rename = R"({"customer_id":"c4","name":"B"})";
  Response conflict = f.Call(WithHeader(Post(kRename, rename, f.admin()), "If-Match", "\"7\""));
  EXPECT_TRUE(IsProblem(conflict, 409));
  EXPECT_EQ(BodyJson(conflict)["current_version"], 1);
  Response ok = f.Call(WithHeader(Post(kRename, rename, f.admin()), "If-Match", "\"1\""));
  EXPECT_EQ(ok.status, 201);
  EXPECT_EQ(*ok.headers.Get("ETag"), "\"2\"");
  for (const char* bad : {"1", "\"x\"", "W/\"1\"", "\"1\", \"2\"", "*", "\"\"", "\"-1\"",
                          "\"99999999999999999999\""}) {
    Response r = f.Call(WithHeader(Post(kRename, rename, f.admin()), "If-Match", bad));
    EXPECT_TRUE(IsProblem(r, 400)) << bad;
    EXPECT_EQ(BodyJson(r)["field"], "If-Match") << bad;
  }
  EXPECT_EQ(f.commands().appended(), 2u);
}

TEST(CommandRoutesTest, ErrorsMapToStatusCodes) {
  ApiFixture f;
  ASSERT_EQ(f.Call(Post(kRegister, R"({"id":"c5","name":"A","owner_id":"e1"})", f.admin())).status, 201);
  struct Case {
    std::string target, body, content_type;
    int status;
    std::string field;
  };
  const std::vector<Case> cases = {
      {kRegister, R"({"name":"A","owner_id":"e1"})", "text/plain", 415, "Content-Type"},
      {kRegister, R"({"name":"A","owner_id":"e1"})", "", 415, "Content-Type"},
      {"/v1/commands/NoSuchCommand", "{}", "application/json", 404, "type"},
      {kRegister, "{not json", "application/json", 400, ""},
      {kRegister, "[1,2]", "application/json", 400, ""},
      {kRegister, R"({"owner_id":"e1"})", "application/json", 400, "name"},
      {kRegister, R"({"name":"A","owner_id":"e1","extra":1})", "application/json", 400, "extra"},
      {kRegister, R"({"name":"Blocked","owner_id":"e1"})", "application/json", 422, "name"},
      {kRegister, R"({"id":"c5","name":"A","owner_id":"e1"})", "application/json", 409, "id"},
      {kRename, R"({"customer_id":"nope","name":"B"})", "application/json", 404, "customer_id"},
  };
  for (const Case& c : cases) {
    Response r = f.Call(Post(c.target, c.body, f.admin(), c.content_type));
    EXPECT_TRUE(IsProblem(r, c.status)) << c.body;
    if (!c.field.empty()) EXPECT_EQ(BodyJson(r)["field"], c.field) << c.body;
  }
  EXPECT_EQ(f.commands().appended(), 1u);
}

TEST(CommandRoutesTest, DataScopesApplyToCommands) {
  ApiFixture f;
  f.HireEmployee("ann");
  f.HireEmployee("cat");
  const std::string ann = f.Token(Role::kSales, "ann");
  const std::string cat = f.Token(Role::kSales, "cat");
  // Creating a record for someone else is forbidden; for oneself it works.
  EXPECT_TRUE(IsProblem(f.Call(Post(kRegister, R"({"id":"a1","name":"A","owner_id":"cat"})", ann)), 403));
  ASSERT_EQ(f.Call(Post(kRegister, R"({"id":"a1","name":"A","owner_id":"ann"})", ann)).status, 201);
  // Someone else's record answers exactly like a missing one.
  Response foreign = f.Call(Post(kRename, R"({"customer_id":"a1","name":"B"})", cat));
  Response missing = f.Call(Post(kRename, R"({"customer_id":"zz","name":"B"})", cat));
  EXPECT_TRUE(IsProblem(foreign, 404));
  EXPECT_TRUE(IsProblem(missing, 404));
  EXPECT_EQ(f.Call(Post(kRename, R"({"customer_id":"a1","name":"B"})", ann)).status, 201);
  // No owner at all (a department): not within a sales scope.
  EXPECT_TRUE(IsProblem(f.Call(Post("/v1/commands/RegisterDepartment", R"({"name":"D"})", ann)), 403));
  EXPECT_EQ(f.commands().appended(), 2u);
}

TEST(CommandRoutesTest, SixtyFourKeepAliveConnectionsShareGroupCommits) {
  FixtureOptions options = ApiFixture::DefaultOptions();
  ApiFixture f(options);
  constexpr int kConnections = 64, kEach = 20;
  const auto before = f.log().stats();
  std::atomic<int> created{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kConnections; ++c) {
    clients.emplace_back([&, c] {
      auto connection = TestConnection::Open(f.port());
      ASSERT_TRUE(connection.ok());
      for (int i = 0; i < kEach; ++i) {
        const std::string id = "g" + std::to_string(c) + "-" + std::to_string(i);
        auto r = (*connection)->Call(
            Post(kRegister, R"({"id":")" + id + R"(","name":"N","owner_id":"e"})", f.admin()));
        if (r.ok() && r->status == 201) ++created;
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(created.load(), kConnections * kEach);
  const auto after = f.log().stats();
  const uint64_t requests = after.requests - before.requests;
  const uint64_t batches = after.batches - before.batches;
  EXPECT_EQ(requests, static_cast<uint64_t>(kConnections * kEach));
  EXPECT_LT(batches, requests) << "no two commands shared a group commit";
  EXPECT_EQ(f.log().Head().position.value, f.log().Verify().events_checked);
}

}  // namespace
}  // namespace dealstream::api::testing
