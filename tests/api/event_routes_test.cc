// The event feed over loopback: pages by position with filters and scopes,
// single streams, and Server-Sent Events (catch-up then live, no gap, no
// duplicate, resume with Last-Event-ID, heartbeats).
#include <gtest/gtest.h>

#include <regex>

#include "api/json_util.h"
#include "api_fixture.h"

namespace dealstream::api::testing {
namespace {

void Register(ApiFixture& f, const std::string& id, const std::string& owner,
              const std::string& token = "") {
  Response r = f.Call(Post("/v1/commands/RegisterCustomer",
                           R"({"id":")" + id + R"(","name":"N","owner_id":")" + owner + R"("})",
                           token.empty() ? f.admin() : token));
  ASSERT_EQ(r.status, 201) << r.body;
}

// The "id:" lines of an SSE body, in order.
std::vector<uint64_t> SseIds(const std::string& body) {
  std::vector<uint64_t> ids;
  static const std::regex kId("(^|\n)id: ([0-9]+)\n");
  for (auto it = std::sregex_iterator(body.begin(), body.end(), kId); it != std::sregex_iterator(); ++it) {
    ids.push_back(std::stoull((*it)[2]));
  }
  return ids;
}

TEST(EventFeedTest, PagesByPositionWithNext) {
  ApiFixture f;
  for (int i = 0; i < 5; ++i) Register(f, "p" + std::to_string(i), "e1");
  const uint64_t head = f.log().Head().position.value;
  Response r = f.Call(Get("/v1/events?from=1&limit=2", f.admin()));
  ASSERT_EQ(r.status, 200);
  auto page = BodyJson(r);
  ASSERT_EQ(page["events"].size(), 2u);
  EXPECT_EQ(page["events"][0]["specversion"], "1.0");
  EXPECT_EQ(page["events"][0]["position"], "1");
  EXPECT_EQ(page["next"], 3);
  // Walk everything; positions are contiguous.
  uint64_t from = 1, expected = 1;
  while (from <= head) {
    auto body = BodyJson(f.Call(Get("/v1/events?from=" + std::to_string(from) + "&limit=3", f.admin())));
    for (const auto& e : body["events"]) EXPECT_EQ(e["position"], std::to_string(expected++));
    from = body["next"];
  }
  EXPECT_EQ(expected, head + 1);
  // Past the head: empty, next stays.
  page = BodyJson(f.Call(Get("/v1/events?from=" + std::to_string(head + 10), f.admin())));
  EXPECT_TRUE(page["events"].empty());
  EXPECT_EQ(page["next"], head + 10);
}

TEST(EventFeedTest, FiltersByCategoryAndType) {
  ApiFixture f;
  Register(f, "f1", "e1");
  ASSERT_EQ(f.Call(Post("/v1/commands/RegisterDepartment", R"({"id":"d1","name":"D"})", f.admin())).status, 201);
  auto page = BodyJson(f.Call(Get("/v1/events?category=department", f.admin())));
  ASSERT_EQ(page["events"].size(), 1u);
  EXPECT_EQ(page["events"][0]["stream"], "department-d1");
  page = BodyJson(f.Call(Get("/v1/events?type=crm.customer.registered.v1,crm.department.created.v1", f.admin())));
  EXPECT_EQ(page["events"].size(), 2u);
  page = BodyJson(f.Call(Get("/v1/events?category=customer,system", f.admin())));
  EXPECT_EQ(page["events"].size(), 2u);  // the admin's token grant and the customer
}

TEST(EventFeedTest, LimitIsCappedAt1000) {
  ApiFixture f;
  for (int batch = 0; batch < 11; ++batch) {
    eventstore::AppendRequest append = eventstore::testing::Request(
        "customer-bulk" + std::to_string(batch), eventstore::ExpectedVersion::Any(), 100);
    ASSERT_TRUE(f.log().Append(append).ok());
  }
  auto page = BodyJson(f.Call(Get("/v1/events?limit=5000", f.admin())));
  EXPECT_EQ(page["events"].size(), 1000u);
  EXPECT_EQ(page["next"], 1001);
}

TEST(EventFeedTest, BadParametersAre400NamingTheParameter) {
  ApiFixture f;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"from=-1", "from"},          {"from=abc", "from"},      {"from=1.5", "from"},
      {"from=99999999999999999999999", "from"},                {"limit=0", "limit"},
      {"limit=x", "limit"},         {"limit=", "limit"},       {"category=Bad!", "category"},
      {"category=a,,b", "category"}, {"type=", "type"},        {"unknown=1", "unknown"},
      {"from=1&from=2", "from"},
  };
  for (const auto& [query, field] : cases) {
    Response r = f.Call(Get("/v1/events?" + query, f.admin()));
    EXPECT_TRUE(IsProblem(r, 400)) << query;
    EXPECT_EQ(BodyJson(r)["field"], field) << query;
  }
}

TEST(EventFeedTest, ScopedCallersSeeOnlyTheirRecords) {
  ApiFixture f;
  f.HireEmployee("ann");
  const std::string ann = f.Token(Role::kSales, "ann");
  Register(f, "mine", "ann");
  Register(f, "theirs", "cat");
  f.scopes().SetOwnership("customer", "mine", {.owner_id = "ann"});
  f.scopes().SetOwnership("customer", "theirs", {.owner_id = "cat"});
  auto page = BodyJson(f.Call(Get("/v1/events", ann)));
  ASSERT_EQ(page["events"].size(), 1u);
  EXPECT_EQ(page["events"][0]["stream"], "customer-mine");
  EXPECT_EQ(page["next"], f.log().Head().position.value + 1);
  // The admin sees everything, the token grants included.
  page = BodyJson(f.Call(Get("/v1/events", f.admin())));
  EXPECT_EQ(page["events"].size(), f.log().Head().position.value);
}

TEST(StreamRoutesTest, ReadsOneStreamForwardAndBackward) {
  ApiFixture f;
  Register(f, "s1", "e1");
  for (int i = 0; i < 4; ++i) {
    ASSERT_EQ(f.Call(Post("/v1/commands/RenameCustomer", R"({"customer_id":"s1","name":"R"})", f.admin())).status, 201);
  }
  Response r = f.Call(Get("/v1/streams/customer-s1?limit=2", f.admin()));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(*r.headers.Get("ETag"), "\"5\"");
  auto body = BodyJson(r);
  EXPECT_EQ(body["version"], 5);
  ASSERT_EQ(body["events"].size(), 2u);
  EXPECT_EQ(body["events"][1]["streamversion"], "2");
  EXPECT_EQ(body["next"], 3);
  body = BodyJson(f.Call(Get("/v1/streams/customer-s1?direction=backward&limit=10", f.admin())));
  ASSERT_EQ(body["events"].size(), 5u);
  EXPECT_EQ(body["events"][0]["streamversion"], "5");
  EXPECT_TRUE(body["next"].is_null());
  EXPECT_TRUE(IsProblem(f.Call(Get("/v1/streams/customer-unknown", f.admin())), 404));
  Response bad = f.Call(Get("/v1/streams/NotAStream", f.admin()));
  EXPECT_TRUE(IsProblem(bad, 400));
  EXPECT_EQ(BodyJson(bad)["field"], "stream");
  EXPECT_TRUE(IsProblem(f.Call(Get("/v1/streams/customer-s1?direction=sideways", f.admin())), 400));
  EXPECT_TRUE(IsProblem(f.Call(Get("/v1/streams/customer-s1?limit=-3", f.admin())), 400));
}

TEST(StreamRoutesTest, OutOfScopeStreamsLookMissing) {
  ApiFixture f;
  f.HireEmployee("ann");
  const std::string ann = f.Token(Role::kSales, "ann");
  Register(f, "x1", "cat");
  f.scopes().SetOwnership("customer", "x1", {.owner_id = "cat"});
  Response hidden = f.Call(Get("/v1/streams/customer-x1", ann));
  Response missing = f.Call(Get("/v1/streams/customer-x2", ann));
  EXPECT_TRUE(IsProblem(hidden, 404));
  EXPECT_EQ(BodyJson(hidden)["detail"], "no stream 'customer-x1'");
  EXPECT_TRUE(IsProblem(missing, 404));
  EXPECT_TRUE(IsProblem(f.Call(Get("/v1/streams/system-tokens", ann)), 404));
  EXPECT_EQ(f.Call(Get("/v1/streams/system-tokens", f.admin())).status, 200);
}

TEST(LiveFeedTest, CatchesUpThenGoesLiveWithoutGapsAndResumes) {
  ApiFixture f;
  for (int i = 0; i < 3; ++i) Register(f, "l" + std::to_string(i), "e1");
  auto c = f.Connect();
  ASSERT_TRUE(c->Send(Get("/v1/events/live?from=1", f.admin())).ok());
  auto head = c->ReadHeader();
  ASSERT_TRUE(head.ok()) << head.error().ToString();
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(*head->headers.Get("Content-Type"), "text/event-stream");
  const uint64_t stored = f.log().Head().position.value;
  auto body = c->ReadBodyUntil("id: " + std::to_string(stored) + "\n");
  ASSERT_TRUE(body.ok()) << body.error().ToString();
  // Live: appended after the subscription caught up.
  for (int i = 3; i < 6; ++i) Register(f, "l" + std::to_string(i), "e1");
  const uint64_t last = f.log().Head().position.value;
  body = c->ReadBodyUntil("id: " + std::to_string(last) + "\n");
  ASSERT_TRUE(body.ok()) << body.error().ToString();
  std::vector<uint64_t> ids = SseIds(*body);
  ASSERT_EQ(ids.size(), last);
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], i + 1);
  EXPECT_NE(body->find("event: crm.customer.registered.v1\ndata: {\"specversion\":\"1.0\""),
            std::string::npos);

  // Resume after position 4 on a new connection: exactly 5.. follow.
  auto resumed = f.Connect();
  Request again = Get("/v1/events/live?from=1", f.admin());
  again.headers.Set("Last-Event-ID", "4");
  ASSERT_TRUE(resumed->Send(again).ok());
  ASSERT_TRUE(resumed->ReadHeader().ok());
  body = resumed->ReadBodyUntil("id: " + std::to_string(last) + "\n");
  ASSERT_TRUE(body.ok()) << body.error().ToString();
  ids = SseIds(*body);
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids.front(), 5u);
  EXPECT_EQ(ids.size(), last - 4);
}

TEST(LiveFeedTest, SendsHeartbeatsAndFiltersAndScopes) {
  ApiFixture f;
  f.HireEmployee("ann");
  const std::string ann = f.Token(Role::kSales, "ann");
  auto c = f.Connect();
  ASSERT_TRUE(c->Send(Get("/v1/events/live?category=customer", ann)).ok());
  ASSERT_TRUE(c->ReadHeader().ok());
  auto body = c->ReadBodyUntil(": heartbeat\n\n", std::chrono::seconds(3));
  ASSERT_TRUE(body.ok()) << body.error().ToString();
  f.scopes().SetOwnership("customer", "theirs", {.owner_id = "cat"});
  f.scopes().SetOwnership("customer", "mine", {.owner_id = "ann"});
  Register(f, "theirs", "cat");
  ASSERT_EQ(f.Call(Post("/v1/commands/RegisterDepartment", R"({"id":"d9","name":"D"})", f.admin())).status, 201);
  Register(f, "mine", "ann");
  body = c->ReadBodyUntil("customer-mine");
  ASSERT_TRUE(body.ok()) << body.error().ToString();
  EXPECT_EQ(body->find("customer-theirs"), std::string::npos);
  EXPECT_EQ(body->find("department-d9"), std::string::npos);
  EXPECT_EQ(SseIds(*body).size(), 1u);
}

TEST(LiveFeedTest, BadResumePointsAre400AndFeedsEndWithTheirClients) {
  FixtureOptions options = ApiFixture::DefaultOptions();
  options.feeds.max_feeds = 1;
  ApiFixture f(options);
  Request bad = Get("/v1/events/live", f.admin());
  bad.headers.Set("Last-Event-ID", "abc");
  EXPECT_TRUE(IsProblem(f.Call(bad), 400));
  EXPECT_TRUE(IsProblem(f.Call(Get("/v1/events/live?from=x", f.admin())), 400));
  {
    auto c = f.Connect();
    ASSERT_TRUE(c->Send(Get("/v1/events/live", f.admin())).ok());
    ASSERT_TRUE(c->ReadHeader().ok());
    EXPECT_EQ(f.feeds().open_feeds(), 1u);
    EXPECT_TRUE(IsProblem(f.Call(Get("/v1/events/live", f.admin())), 503));
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (f.feeds().open_feeds() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(f.feeds().open_feeds(), 0u);
  auto c = f.Connect();
  ASSERT_TRUE(c->Send(Get("/v1/events/live", f.admin())).ok());
  auto head = c->ReadHeader();
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->status, 200);
}

}  // namespace
}  // namespace dealstream::api::testing
