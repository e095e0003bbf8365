#include "api_fixture.h"

#include <gtest/gtest.h>

#include "api/json_util.h"

namespace dealstream::api::testing {

FixtureOptions ApiFixture::DefaultOptions() {
  FixtureOptions options;
  options.server.port = 0;
  options.server.threads = 2;
  options.feeds.heartbeat = std::chrono::milliseconds(200);
  return options;
}

ApiFixture::ApiFixture(FixtureOptions options) {
  log_ = eventstore::testing::OpenRocks(dir_.path(), eventstore::Durability::kOs);
  commands_ = std::make_unique<FakeCommandService>(*log_);
  tokens_ = std::make_unique<TokenTable>(*log_);
  issuer_ = std::make_unique<TokenIssuer>(*log_, tokens_.get());
  feeds_ = std::make_unique<LiveFeeds>(*log_, options.feeds);
  api_ = std::make_unique<Api>(*tokens_, options.with_resolver ? &scopes_ : nullptr, metrics_);
  api_->AddRoutes(OpsRoutes({{"token table caught up", [this] { return tokens_->caught_up(); }}},
                            metrics_));
  api_->AddRoutes(CommandRoutes(*commands_, metrics_));
  api_->AddRoutes(EventRoutes(*log_, *feeds_));
  api_->AddRoutes(StreamRoutes(*log_));
  api_->AddRoutes(AdminRoutes(*tokens_, *issuer_));
  OpenApiOptions openapi;
  openapi.command_types = commands_->CommandTypes();
  openapi.command_schema_dir = options.command_schema_dir.empty() ? dir_.path() + "/no-schemas"
                                                                  : options.command_schema_dir;
  api_->AddRoutes(OpenApiRoutes(*api_, openapi));
  auto server = Server::Start(*api_, options.server);
  EXPECT_TRUE(server.ok()) << server.error().ToString();
  server_ = std::move(*server);
  EXPECT_TRUE(tokens_->WaitCaughtUp(std::chrono::seconds(5)));
  admin_token_ = Token(Role::kAdmin, "root");
}

ApiFixture::~ApiFixture() {
  server_->Stop();
  server_->Wait(std::chrono::seconds(5));
  server_.reset();
  feeds_->Shutdown();
}

std::string ApiFixture::Token(Role role, const std::string& employee_id) {
  auto issued = issuer_->Grant({.employee_id = employee_id, .role = role, .granted_by = "test"});
  EXPECT_TRUE(issued.ok()) << issued.error().ToString();
  return issued.ok() ? issued->token : "";
}

void ApiFixture::HireEmployee(const std::string& employee_id) {
  eventstore::AppendRequest append = eventstore::testing::Request(
      "employee-" + employee_id, eventstore::ExpectedVersion::Any(), 1, "crm.employee.hired.v1");
  ASSERT_TRUE(log_->Append(append).ok());
}

Response ApiFixture::Call(const Request& request) {
  auto connection = Connect();
  if (!connection) return Response{.status = 0};
  auto response = connection->Call(request);
  EXPECT_TRUE(response.ok()) << response.error().ToString();
  return response.ok() ? *response : Response{.status = 0};
}

std::unique_ptr<TestConnection> ApiFixture::Connect() {
  auto connection = TestConnection::Open(port());
  EXPECT_TRUE(connection.ok()) << connection.error().ToString();
  return connection.ok() ? std::move(*connection) : nullptr;
}

nlohmann::json BodyJson(const Response& response) { return ParseJson(response.body); }

::testing::AssertionResult IsProblem(const Response& response, int status) {
  if (response.status != status) {
    return ::testing::AssertionFailure()
           << "status " << response.status << " != " << status << "; body: " << response.body;
  }
  auto type = response.headers.Get("Content-Type");
  if (!type || *type != "application/problem+json") {
    return ::testing::AssertionFailure() << "content type " << type.value_or("(none)");
  }
  const nlohmann::json body = BodyJson(response);
  for (const char* key : {"type", "title", "status", "detail", "instance", "code"}) {
    if (!body.contains(key)) return ::testing::AssertionFailure() << "no '" << key << "' in " << response.body;
  }
  if (body["status"] != status) return ::testing::AssertionFailure() << "status member " << body["status"];
  if (body["detail"].get<std::string>().empty()) return ::testing::AssertionFailure() << "empty detail";
  return ::testing::AssertionSuccess();
}

}  // namespace dealstream::api::testing
