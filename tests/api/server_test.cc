// The server over real loopback HTTP: operations endpoints, authentication,
// keep-alive, pipelining, limits, timeouts, and graceful stop.
#include <gtest/gtest.h>

#include <thread>

#include "api/json_util.h"
#include "api_fixture.h"
#include "eventstore/memory_event_log.h"

namespace dealstream::api::testing {
namespace {

TEST(ServerTest, HealthzNeedsNoTokenAndEverythingElseDoes) {
  ApiFixture f;
  Response r = f.Call(Get("/healthz"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(BodyJson(r), nlohmann::json({{"status", "ok"}}));
  EXPECT_TRUE(r.headers.Get("X-Correlation-Id"));
  for (const char* target : {"/readyz", "/metrics", "/openapi.json", "/v1/events",
                             "/v1/streams/customer-1", "/v1/admin/tokens"}) {
    Response denied = f.Call(Get(target));
    EXPECT_TRUE(IsProblem(denied, 401)) << target;
    EXPECT_EQ(*denied.headers.Get("WWW-Authenticate"), "Bearer realm=\"dealstream\"") << target;
    denied = f.Call(Get(target, "ds_wrong"));
    EXPECT_TRUE(IsProblem(denied, 401)) << target;
  }
  EXPECT_TRUE(IsProblem(f.Call(Post("/v1/commands/RegisterCustomer", "{}")), 401));
}

TEST(ServerTest, ReadyzReportsItsChecks) {
  ApiFixture f;
  Response r = f.Call(Get("/readyz", f.admin()));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(BodyJson(r)["checks"]["token table caught up"], true);
}

TEST(ServerTest, RolesOutsideTheirRouteGroupsGet403) {
  ApiFixture f;
  f.HireEmployee("e1");
  const std::string integrator = f.Token(Role::kIntegrator, "e1");
  const std::string analyst = f.Token(Role::kAnalyst, "e1");
  const std::string sales = f.Token(Role::kSales, "e1");
  EXPECT_TRUE(IsProblem(f.Call(Get("/v1/streams/customer-1", integrator)), 403));
  EXPECT_TRUE(IsProblem(f.Call(Get("/metrics", sales)), 403));
  EXPECT_TRUE(IsProblem(f.Call(Get("/v1/admin/tokens", analyst)), 403));
  EXPECT_TRUE(IsProblem(
      f.Call(Post("/v1/commands/RegisterCustomer", R"({"name":"A","owner_id":"e1"})", analyst)), 403));
  EXPECT_EQ(f.Call(Get("/v1/events", integrator)).status, 200);
  EXPECT_EQ(f.Call(Get("/metrics", analyst)).status, 200);
  EXPECT_EQ(f.Call(Get("/openapi.json", integrator)).status, 200);
  EXPECT_EQ(f.commands().appended(), 0u);
}

TEST(ServerTest, UnknownRoutesAndMethodsAreProblems) {
  ApiFixture f;
  Response r = f.Call(Get("/v1/nothing-here", f.admin()));
  EXPECT_TRUE(IsProblem(r, 404));
  Request del = Get("/v1/events", f.admin());
  del.method = "DELETE";
  r = f.Call(del);
  EXPECT_TRUE(IsProblem(r, 405));
  EXPECT_EQ(*r.headers.Get("Allow"), "GET");
  Request weird = Get("/healthz");
  weird.method = "BREW";
  EXPECT_TRUE(IsProblem(f.Call(weird), 405));
}

TEST(ServerTest, MetricsAreInPrometheusTextFormat) {
  ApiFixture f;
  f.Call(Get("/healthz"));
  Response r = f.Call(Get("/metrics", f.admin()));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(*r.headers.Get("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_NE(r.body.find("# TYPE dealstream_http_requests_total counter"), std::string::npos);
  EXPECT_NE(r.body.find("dealstream_http_requests_total{method=\"GET\",route=\"/healthz\",status_class=\"2xx\"} 1"),
            std::string::npos)
      << r.body;
}

TEST(ServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  ApiFixture f;
  auto c = f.Connect();
  for (int i = 0; i < 20; ++i) {
    auto r = c->Call(Get("/healthz"));
    ASSERT_TRUE(r.ok()) << r.error().ToString();
    EXPECT_EQ(r->status, 200);
  }
  EXPECT_EQ(f.server().connections(), 1u);
}

TEST(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  ApiFixture f;
  auto c = f.Connect();
  // A command (answered later, after its group commit) between two reads.
  ASSERT_TRUE(c->Send(Get("/healthz")).ok());
  ASSERT_TRUE(c->Send(Post("/v1/commands/RegisterCustomer", R"({"id":"p1","name":"A","owner_id":"x"})",
                           f.admin()))
                  .ok());
  ASSERT_TRUE(c->Send(Get("/v1/streams/customer-p1", f.admin())).ok());
  auto first = c->Read();
  auto second = c->Read();
  auto third = c->Read();
  ASSERT_TRUE(first.ok() && second.ok() && third.ok());
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(BodyJson(*first)["status"], "ok");
  EXPECT_EQ(second->status, 201);
  EXPECT_EQ(third->status, 200);
  EXPECT_EQ(BodyJson(*third)["version"], 1);
}

TEST(ServerTest, MalformedHttpIs400AndCloses) {
  ApiFixture f;
  auto c = f.Connect();
  ASSERT_TRUE(c->SendRaw("GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n").ok());
  auto r = c->Read();
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_TRUE(IsProblem(*r, 400));
  EXPECT_TRUE(c->WaitClosed());
  EXPECT_EQ(f.Call(Get("/healthz")).status, 200);
}

TEST(ServerTest, OversizedBodyIs413WithoutReadingIt) {
  ApiFixture f;
  auto c = f.Connect();
  // Announce 100 MiB and send none of it: the answer must not wait for it.
  ASSERT_TRUE(c->SendRaw("POST /v1/commands/RegisterCustomer HTTP/1.1\r\nHost: x\r\n"
                         "Content-Type: application/json\r\nAuthorization: Bearer " +
                         f.admin() + "\r\nContent-Length: 104857600\r\n\r\n")
                  .ok());
  auto r = c->Read(std::chrono::seconds(5));
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_TRUE(IsProblem(*r, 413));
  EXPECT_EQ(BodyJson(*r)["code"], "body_too_large");

  // Chunked bodies have no length up front: refused once past the limit.
  auto chunked = f.Connect();
  std::string request = "POST /v1/commands/RegisterCustomer HTTP/1.1\r\nHost: x\r\n"
                        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  const std::string piece(64 * 1024, 'a');
  char size[16];
  std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
  for (int i = 0; i < 17; ++i) request += size + piece + "\r\n";
  ASSERT_TRUE(chunked->SendRaw(request).ok());
  r = chunked->Read(std::chrono::seconds(5));
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_TRUE(IsProblem(*r, 413));
  EXPECT_EQ(f.commands().appended(), 0u);
  EXPECT_EQ(f.Call(Get("/healthz")).status, 200);
}

TEST(ServerTest, OversizedHeaderIs431) {
  ApiFixture f;
  auto c = f.Connect();
  ASSERT_TRUE(c->SendRaw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(32 * 1024, 'b') +
                         "\r\n\r\n")
                  .ok());
  auto r = c->Read();
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_TRUE(IsProblem(*r, 431));
}

TEST(ServerTest, ExpectContinueGets100BeforeTheBody) {
  ApiFixture f;
  auto c = f.Connect();
  const std::string body = R"({"id":"c100","name":"A","owner_id":"x"})";
  ASSERT_TRUE(c->SendRaw("POST /v1/commands/RegisterCustomer HTTP/1.1\r\nHost: x\r\n"
                         "Content-Type: application/json\r\nAuthorization: Bearer " + f.admin() +
                         "\r\nExpect: 100-continue\r\nContent-Length: " + std::to_string(body.size()) +
                         "\r\n\r\n")
                  .ok());
  auto interim = c->Read(std::chrono::seconds(5));
  ASSERT_TRUE(interim.ok()) << interim.error().ToString();
  EXPECT_EQ(interim->status, 100);
  ASSERT_TRUE(c->SendRaw(body).ok());
  auto r = c->Read();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 201);
}

TEST(ServerTest, IdleAndSlowHeaderConnectionsTimeOut) {
  FixtureOptions options = ApiFixture::DefaultOptions();
  options.server.idle_timeout = std::chrono::milliseconds(300);
  options.server.header_timeout = std::chrono::milliseconds(300);
  ApiFixture f(options);
  auto idle = f.Connect();
  ASSERT_TRUE(idle->Call(Get("/healthz")).ok());
  auto slow = f.Connect();
  ASSERT_TRUE(slow->SendRaw("GET /healthz HTTP/1.1\r\nHost:").ok());
  EXPECT_TRUE(idle->WaitClosed(std::chrono::seconds(3)));
  EXPECT_TRUE(slow->WaitClosed(std::chrono::seconds(3)));
  EXPECT_EQ(f.Call(Get("/healthz")).status, 200);
}

TEST(ServerTest, GracefulStopClosesIdleConnectionsAndLiveStreams) {
  ApiFixture f;
  auto idle = f.Connect();
  ASSERT_TRUE(idle->Call(Get("/healthz")).ok());
  auto live = f.Connect();
  ASSERT_TRUE(live->Send(Get("/v1/events/live", f.admin())).ok());
  ASSERT_TRUE(live->ReadHeader().ok());
  ASSERT_TRUE(live->ReadBodyUntil("retry:").ok());
  const auto start = std::chrono::steady_clock::now();
  f.server().Stop();
  f.server().Wait(std::chrono::seconds(5));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
  EXPECT_TRUE(idle->WaitClosed());
  EXPECT_TRUE(live->WaitClosed());
  EXPECT_EQ(f.server().connections(), 0u);
  EXPECT_FALSE(TestConnection::Open(f.port()).ok() &&
               (*TestConnection::Open(f.port()))->Call(Get("/healthz")).ok());
}

// A command service that holds every command until told to answer.
class HeldCommands final : public commands::CommandService {
 public:
  commands::CommandOutcome Execute(const commands::CommandRequest&) override {
    return commands::CommandOk{};
  }
  void ExecuteAsync(commands::CommandRequest,
                    std::function<void(commands::CommandOutcome)> done) override {
    std::lock_guard lock(mu_);
    held_.push_back(std::move(done));
  }
  std::vector<std::string> CommandTypes() const override { return {"Hold"}; }
  size_t held() {
    std::lock_guard lock(mu_);
    return held_.size();
  }
  void AnswerAll() {
    std::vector<std::function<void(commands::CommandOutcome)>> held;
    {
      std::lock_guard lock(mu_);
      held.swap(held_);
    }
    for (auto& done : held) done(commands::CommandOk{.id = "x", .stream = "x-x", .version = 1});
  }

 private:
  std::mutex mu_;
  std::vector<std::function<void(commands::CommandOutcome)>> held_;
};

TEST(ServerTest, AnswersOfCommandsThatOutliveTheServerAreDropped) {
  eventstore::MemoryEventLog log;
  TokenTable tokens(log);
  TokenIssuer issuer(log, &tokens);
  Metrics metrics;
  Api api(tokens, nullptr, metrics);
  HeldCommands commands;
  api.AddRoutes(CommandRoutes(commands, metrics));
  const std::string admin = issuer.Grant({.employee_id = "root", .role = Role::kAdmin})->token;
  auto server = Server::Start(api, {.port = 0, .threads = 2});
  ASSERT_TRUE(server.ok());
  auto c = TestConnection::Open((*server)->port());
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE((*c)->Send(Post("/v1/commands/Hold", "{}", admin)).ok());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (commands.held() == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_EQ(commands.held(), 1u);
  (*server)->Stop();
  (*server)->Wait(std::chrono::milliseconds(100));  // the command is still pending
  server->reset();
  commands.AnswerAll();  // late: dropped, not posted to a destroyed io_context
  EXPECT_TRUE((*c)->WaitClosed());
}

}  // namespace
}  // namespace dealstream::api::testing
