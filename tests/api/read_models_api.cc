#include "read_models_api.h"

#include <chrono>
#include <future>

#include "api/json_util.h"
#include "api/projection_routes.h"

namespace dealstream::api::testing {

ReadModelsApiTest::ReadModelsApiTest() {
  log_ = eventstore::testing::OpenRocks(dir_.path(), eventstore::Durability::kOs);
  service_ = std::make_unique<commands::LogCommandService>(*log_);
}

void ReadModelsApiTest::Command(const std::string& type, const std::string& body,
                                const std::string& actor) {
  auto outcome = service_->Execute({.type = type, .body = body, .actor = actor});
  ASSERT_TRUE(outcome.ok()) << type << ": " << outcome.error().message;
}

void ReadModelsApiTest::StartReadModels() {
  auto store = projections::SnapshotStore::Open({.path = dir_.path() + "/projections"});
  EXPECT_TRUE(store.ok());
  store_ = std::move(*store);
  auto models = projections::ReadModels::Start(*log_, *store_);
  EXPECT_TRUE(models.ok());
  models_ = std::move(*models);
  EXPECT_TRUE(models_->WaitForPosition(log_->Head().position, std::chrono::seconds(30)));
  tokens_ = std::make_unique<TokenTable>(*log_);
  issuer_ = std::make_unique<TokenIssuer>(*log_, tokens_.get());
  api_ = std::make_unique<Api>(*tokens_, &models_->scope_resolver(), metrics_);
  api_->AddRoutes(ProjectionRoutes(*models_));
}

std::string ReadModelsApiTest::Token(Role role, const std::string& employee) {
  return issuer_->Grant({.employee_id = employee, .role = role, .granted_by = "t"})->token;
}

Response ReadModelsApiTest::Get(const std::string& target, const std::string& token) {
  Request r{.method = "GET", .target = target};
  r.headers.Set("Authorization", "Bearer " + token);
  std::promise<Response> promise;
  api_->Handle(std::move(r), [&](Response response) { promise.set_value(std::move(response)); });
  return promise.get_future().get();
}

nlohmann::json ReadModelsApiTest::GetJson(const std::string& target, const std::string& token) {
  Response r = Get(target, token);
  EXPECT_EQ(r.status, 200) << target << " " << r.body;
  return ParseJson(r.body);
}

}  // namespace dealstream::api::testing
