#include "fuzz/api_world.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <vector>

#include "api/api.h"
#include "api/json_util.h"
#include "api/live_feeds.h"
#include "api/metrics.h"
#include "api/projection_routes.h"
#include "api/record_routes.h"
#include "api/response_stream.h"
#include "api/route_groups.h"
#include "api/token_issuer.h"
#include "api/token_table.h"
#include "commands/log_command_service.h"
#include "eventstore/memory_event_log.h"
#include "fuzz/defect.h"
#include "projections/read_models.h"
#include "projections/snapshot_store.h"

namespace dealstream::fuzz {

struct ApiWorld::Parts {
  std::string dir;
  eventstore::MemoryEventLog log;
  std::unique_ptr<commands::LogCommandService> service;
  std::unique_ptr<projections::SnapshotStore> store;
  std::unique_ptr<projections::ReadModels> models;
  api::Metrics metrics;
  std::unique_ptr<api::TokenTable> tokens;
  std::unique_ptr<api::TokenIssuer> issuer;
  std::unique_ptr<api::LiveFeeds> feeds;
  std::unique_ptr<api::Api> api;
  std::vector<std::string> callers;  // tokens; [0] is empty
};

namespace {

// The company of tests/api/read_routes_test.cc.
constexpr std::pair<const char*, const char*> kCompany[] = {
    {"CreateDepartment", R"({"id":"hq","name":"HQ"})"},
    {"CreateDepartment", R"({"id":"east","name":"East","parent_id":"hq"})"},
    {"HireEmployee", R"({"id":"ann","name":"Ann","department_id":"east","role":"sales"})"},
    {"HireEmployee", R"({"id":"bob","name":"Bob","department_id":"east","role":"manager"})"},
    {"RegisterCustomer", R"({"id":"c1","name":"One","owner_id":"ann"})"},
    {"OpenOpportunity", R"({"id":"o1","customer_id":"c1","title":"A","owner_id":"ann",)"
                        R"("amount":{"amount":"1000.00","currency":"USD"},)"
                        R"("expected_close_date":"2030-01-31"})"},
};

[[noreturn]] void SetUpFailed(const std::string& what) { Defect("the API world cannot start", what); }

}  // namespace

ApiWorld& ApiWorld::Get() {
  static ApiWorld* world = new ApiWorld();  // lives until the process exits
  return *world;
}

ApiWorld::ApiWorld() : parts_(std::make_unique<Parts>()) {
  Parts& p = *parts_;
  std::string pattern = (std::filesystem::temp_directory_path() / "ds-fuzz-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) SetUpFailed("mkdtemp");
  p.dir = pattern;
  p.service = std::make_unique<commands::LogCommandService>(p.log);
  for (const auto& [type, body] : kCompany) {
    auto outcome = p.service->Execute({.type = type, .body = body, .actor = "setup"});
    if (!outcome.ok()) SetUpFailed(std::string(type) + ": " + outcome.error().message);
  }
  auto store = projections::SnapshotStore::Open({.path = p.dir + "/projections"});
  if (!store.ok()) SetUpFailed(store.error().ToString());
  p.store = std::move(*store);
  auto models = projections::ReadModels::Start(p.log, *p.store);
  if (!models.ok()) SetUpFailed(models.error().ToString());
  p.models = std::move(*models);
  if (!p.models->WaitForPosition(p.log.Head().position, std::chrono::seconds(60))) {
    SetUpFailed("the read models do not catch up");
  }
  p.tokens = std::make_unique<api::TokenTable>(p.log);
  p.issuer = std::make_unique<api::TokenIssuer>(p.log, p.tokens.get());
  p.feeds = std::make_unique<api::LiveFeeds>(p.log, api::LiveFeedOptions{});
  p.api = std::make_unique<api::Api>(*p.tokens, &p.models->scope_resolver(), p.metrics);
  p.api->AddRoutes(api::OpsRoutes({{"token table caught up", [&p] { return p.tokens->caught_up(); }}},
                                  p.metrics));
  p.api->AddRoutes(api::CommandRoutes(*p.service, p.metrics));
  p.api->AddRoutes(api::EventRoutes(p.log, *p.feeds));
  p.api->AddRoutes(api::StreamRoutes(p.log));
  p.api->AddRoutes(api::AdminRoutes(*p.tokens, *p.issuer));
  p.api->AddRoutes(api::ProjectionRoutes(*p.models));
  p.api->AddRoutes(api::RecordRoutes(p.log));
  p.api->AddRoutes(api::OpenApiRoutes(*p.api, {.command_schema_dir = DS_SOURCE_DIR "/schemas/commands",
                                               .command_types = p.service->CommandTypes()}));
  const std::pair<api::Role, const char*> callers[] = {
      {api::Role::kAdmin, "root"},    {api::Role::kManager, "bob"}, {api::Role::kSales, "ann"},
      {api::Role::kAuditor, "bob"},   {api::Role::kAnalyst, "ann"}, {api::Role::kIntegrator, "ann"}};
  p.callers.emplace_back();
  for (const auto& [role, employee] : callers) {
    auto issued = p.issuer->Grant({.employee_id = employee, .role = role, .granted_by = "fuzz"});
    if (!issued.ok()) SetUpFailed(issued.error().ToString());
    p.callers.push_back(issued->token);
  }
  if (!p.tokens->WaitCaughtUp(std::chrono::seconds(60))) SetUpFailed("the token table lags");
  // The side store goes when the process does; libFuzzer ends with exit().
  static const std::string dir = p.dir;
  std::atexit([] {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  });
}

ApiWorld::~ApiWorld() = default;

void ApiWorld::Authorize(api::Request* request, size_t caller) const {
  const std::string& token = parts_->callers[caller % kCallers];
  if (token.empty() || request->headers.Count("Authorization") > 0) return;
  request->headers.Set("Authorization", "Bearer " + token);
}

api::Response ApiWorld::Call(api::Request request) {
  auto promise = std::make_shared<std::promise<api::Response>>();
  std::future<api::Response> answer = promise->get_future();
  const api::Request copy = request;
  parts_->api->Handle(std::move(request),
                      [promise](api::Response response) { promise->set_value(std::move(response)); });
  if (answer.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
    Defect("no answer within 30 s", copy.method + " " + copy.target);
  }
  api::Response response = answer.get();
  // A live feed: this caller hangs up before the stream starts.
  if (response.stream) response.stream->Cancel();
  return response;
}

void ApiWorld::CheckAnswer(const api::Request& request, const api::Response& response) {
  const std::string what = request.method + " " + request.target + "\n" + request.body + "\n-> " +
                           std::to_string(response.status) + " " + response.body;
  if (response.status >= 500 || response.status < 100) Defect("a server error on bad input", what);
  if (response.status >= 400) {
    auto type = response.headers.Get("Content-Type");
    if (!type || *type != "application/problem+json") Defect("an error that is not a problem", what);
    if (!api::ParseJson(response.body).is_object()) Defect("a problem body that is not JSON", what);
  }
}

bool IsWireTarget(std::string_view target) {
  for (char c : target) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) return false;
  }
  return true;
}

}  // namespace dealstream::fuzz
