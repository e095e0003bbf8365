// The API under test, served over real loopback HTTP: a RocksEventLog in a
// temp dir, the fake command service and scope resolver, the token table,
// every route group of the module, and a Server on a free port.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "api/api.h"
#include "api/live_feeds.h"
#include "api/metrics.h"
#include "api/route_groups.h"
#include "api/server.h"
#include "api/token_issuer.h"
#include "api/token_table.h"
#include "eventstore/rocks_event_log.h"
#include "fake_command_service.h"
#include "fake_scope_resolver.h"
#include "log_fixture.h"
#include "test_client.h"

namespace dealstream::api::testing {

struct FixtureOptions {
  ServerOptions server;
  LiveFeedOptions feeds;
  bool with_resolver = true;
  // Where /openapi.json looks for command JSON Schemas; "" for none.
  std::string command_schema_dir;
};

class ApiFixture {
 public:
  explicit ApiFixture(FixtureOptions options = DefaultOptions());
  ~ApiFixture();

  static FixtureOptions DefaultOptions();

  // A fresh token for `employee_id` with `role`, granted through the log.
  std::string Token(Role role, const std::string& employee_id);
  // Creates the employee stream the issuer checks for non-admin tokens.
  void HireEmployee(const std::string& employee_id);

  // One request on a new connection.
  Response Call(const Request& request);
  std::unique_ptr<TestConnection> Connect();

  uint16_t port() const { return server_->port(); }
  eventstore::RocksEventLog& log() { return *log_; }
  FakeCommandService& commands() { return *commands_; }
  FakeScopeResolver& scopes() { return scopes_; }
  TokenTable& tokens() { return *tokens_; }
  LiveFeeds& feeds() { return *feeds_; }
  Metrics& metrics() { return metrics_; }
  Server& server() { return *server_; }
  const std::string& admin() const { return admin_token_; }

 private:
  eventstore::testing::TempDir dir_;
  std::unique_ptr<eventstore::RocksEventLog> log_;
  std::unique_ptr<FakeCommandService> commands_;
  FakeScopeResolver scopes_;
  Metrics metrics_;
  std::unique_ptr<TokenTable> tokens_;
  std::unique_ptr<TokenIssuer> issuer_;
  std::unique_ptr<LiveFeeds> feeds_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<Server> server_;
  std::string admin_token_;
};

// The body parsed as JSON (discarded value when it is not JSON).
nlohmann::json BodyJson(const Response& response);
// True if the response is a well-formed problem+json with this status.
::testing::AssertionResult IsProblem(const Response& response, int status);

}  // namespace dealstream::api::testing
