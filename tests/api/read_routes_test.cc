// The read routes against the real command service and read models:
// /v1/projections/… (figures as JSON, bad parameters are 400s naming the
// parameter, data scopes narrow the figures: sales their own, managers
// their department's subtree, a filter outside the scope is refused) and
// the record views and histories (/v1/{collection}/{id}[/history]).
#include <gtest/gtest.h>


#include "api/api.h"
#include "api/json_util.h"
#include "api/projection_routes.h"
#include "api/record_routes.h"
#include "api/token_issuer.h"
#include "commands/log_command_service.h"
#include "log_fixture.h"
#include "read_models_api.h"

namespace dealstream::api {
namespace {

class ReadRoutesTest : public testing::ReadModelsApiTest {
 protected:
  ReadRoutesTest() {
    Command("CreateDepartment", R"({"id":"hq","name":"HQ"})");
    Command("CreateDepartment", R"({"id":"east","name":"East","parent_id":"hq"})");
    Command("CreateDepartment", R"({"id":"west","name":"West","parent_id":"hq"})");
    Command("HireEmployee", R"({"id":"ann","name":"Ann","department_id":"east","role":"sales"})");
    Command("HireEmployee", R"({"id":"bob","name":"Bob","department_id":"east","role":"manager"})");
    Command("HireEmployee", R"({"id":"cat","name":"Cat","department_id":"west","role":"sales"})");
    Command("RegisterCustomer", R"({"id":"c1","name":"One","owner_id":"ann"})");
    Command("RegisterCustomer", R"({"id":"c2","name":"Two","owner_id":"cat"})");
    Command("OpenOpportunity", R"({"id":"o1","customer_id":"c1","title":"A","owner_id":"ann",
        "amount":{"amount":"1000.00","currency":"USD"},"expected_close_date":"2030-01-31"})");
    Command("OpenOpportunity", R"({"id":"o2","customer_id":"c2","title":"B","owner_id":"cat",
        "amount":{"amount":"5000.00","currency":"USD"},"expected_close_date":"2030-01-31"})");
    StartReadModels();
    api_->AddRoutes(RecordRoutes(*log_));
  }

  // Σ count over the funnel's stages.
  static int64_t OpenDeals(const Response& r) {
    int64_t count = 0;
    const nlohmann::json funnel = ParseJson(r.body);
    for (const auto& stage : funnel["stages"]) count += stage["count"].get<int64_t>();
    return count;
  }
};

TEST_F(ReadRoutesTest, EveryReadModelAnswersJson) {
  const std::string admin = Token(Role::kAdmin, "root");
  for (const char* name : {"funnel", "forecast", "pipeline", "employees", "lifecycle"}) {
    Response r = Get(std::string("/v1/projections/") + name, admin);
    EXPECT_EQ(r.status, 200) << name << " " << r.body;
    EXPECT_TRUE(ParseJson(r.body).is_object()) << name;
  }
  EXPECT_EQ(OpenDeals(Get("/v1/projections/funnel", admin)), 2);
  EXPECT_EQ(OpenDeals(Get("/v1/projections/funnel?department=east", admin)), 1);
  EXPECT_EQ(OpenDeals(Get("/v1/projections/funnel?as_of=2000-01-01", admin)), 0);
  EXPECT_EQ(Get("/v1/projections/forecast?granularity=month", admin).status, 200);
}

TEST_F(ReadRoutesTest, BadParametersAre400NamingThem) {
  const std::string admin = Token(Role::kAdmin, "root");
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"as_of=yesterday", "as_of"},
           {"known_at=2017-13-01", "known_at"},
           {"period=2017-Q5", "period"},
           {"granularity=week", "granularity"},
           {"colour=red", "colour"},
           {"=red", "query"}}) {  // a parameter without a name (found by query_fuzzer)
    const std::string target =
        std::string(field == "granularity" ? "/v1/projections/forecast?" : "/v1/projections/funnel?") + query;
    Response r = Get(target, admin);
    EXPECT_EQ(r.status, 400) << query << " " << r.body;
    EXPECT_EQ(ParseJson(r.body)["field"], field) << query << " " << r.body;
  }
}

TEST_F(ReadRoutesTest, DataScopesNarrowTheFigures) {
  const std::string ann = Token(Role::kSales, "ann");
  const std::string bob = Token(Role::kManager, "bob");
  const std::string analyst = Token(Role::kAnalyst, "cat");
  EXPECT_EQ(OpenDeals(Get("/v1/projections/funnel", ann)), 1);      // her own deal
  EXPECT_EQ(OpenDeals(Get("/v1/projections/funnel", bob)), 1);      // east only
  EXPECT_EQ(OpenDeals(Get("/v1/projections/funnel", analyst)), 2);  // headquarters view
  EXPECT_EQ(Get("/v1/projections/funnel?owner=cat", ann).status, 403);
  EXPECT_EQ(Get("/v1/projections/funnel?department=west", bob).status, 403);
  EXPECT_EQ(Get("/v1/projections/funnel?department=hq", bob).status, 403);
  EXPECT_EQ(OpenDeals(Get("/v1/projections/funnel?owner=ann", bob)), 1);
  EXPECT_EQ(Get("/v1/projections/funnel?owner=cat", bob).status, 403);
  const nlohmann::json employees = ParseJson(Get("/v1/projections/employees", bob).body);
  for (const auto& e : employees["employees"]) EXPECT_NE(e["employee_id"], "cat");
}

TEST_F(ReadRoutesTest, RecordViewsAsOfAnyInstant) {
  const std::string admin = Token(Role::kAdmin, "root");
  Response r = Get("/v1/customers/c1", admin);
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json view = ParseJson(r.body);
  EXPECT_EQ(view["stream"], "customer-c1");
  EXPECT_EQ(view["exists"], true);
  EXPECT_EQ(*r.headers.Get("ETag"), "\"" + std::to_string(view["version"].get<uint64_t>()) + "\"");
  EXPECT_NE(r.body.find("One"), std::string::npos);
  EXPECT_EQ(Get("/v1/opportunities/o1", admin).status, 200);
  EXPECT_EQ(Get("/v1/departments/east", admin).status, 200);
  // Before it existed; unknown; malformed; bad time.
  EXPECT_EQ(Get("/v1/customers/c1?as_of=2000-01-01", admin).status, 404);
  EXPECT_EQ(Get("/v1/customers/nope", admin).status, 404);
  EXPECT_EQ(Get("/v1/customers/bad%20id", admin).status, 400);
  Response bad = Get("/v1/customers/c1?as_of=soon", admin);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(ParseJson(bad.body)["field"], "as_of");
}

TEST_F(ReadRoutesTest, HistoriesPageAndRefuseBadParameters) {
  const std::string admin = Token(Role::kAdmin, "root");
  Command("ReviseOpportunityAmount",
          R"({"opportunity_id":"o1","amount":{"amount":"1500.00","currency":"USD"}})");
  Response r = Get("/v1/opportunities/o1/history", admin);
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json history = ParseJson(r.body);
  ASSERT_EQ(history["steps"].size(), 2u);
  EXPECT_EQ(history["steps"][0]["actor"], "setup");
  const nlohmann::json page = ParseJson(Get("/v1/opportunities/o1/history?limit=1", admin).body);
  EXPECT_EQ(page["steps"].size(), 1u);
  EXPECT_EQ(page["next_version"], 2);
  EXPECT_EQ(Get("/v1/opportunities/o1/history?include_states=yes", admin).status, 400);
  EXPECT_EQ(Get("/v1/opportunities/o1/history?limit=0", admin).status, 400);
  EXPECT_EQ(Get("/v1/opportunities/none/history", admin).status, 404);
}

TEST_F(ReadRoutesTest, RecordsOutsideTheScopeLookMissing) {
  const std::string ann = Token(Role::kSales, "ann");
  const std::string bob = Token(Role::kManager, "bob");
  EXPECT_EQ(Get("/v1/customers/c1", ann).status, 200);
  Response hidden = Get("/v1/customers/c2", ann);
  Response missing = Get("/v1/customers/c9", ann);
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(ParseJson(hidden.body)["detail"], "no customer with id 'c2'");
  EXPECT_EQ(ParseJson(missing.body)["detail"], "no customer with id 'c9'");
  EXPECT_EQ(Get("/v1/opportunities/o2/history", ann).status, 404);
  EXPECT_EQ(Get("/v1/opportunities/o1/history", bob).status, 200);   // east
  EXPECT_EQ(Get("/v1/opportunities/o2", bob).status, 404);           // west
  EXPECT_EQ(Get("/v1/departments/west", ann).status, 200);           // reference data
  const std::string integrator = Token(Role::kIntegrator, "cat");
  EXPECT_EQ(Get("/v1/customers/c2", integrator).status, 403);
}

}  // namespace
}  // namespace dealstream::api
