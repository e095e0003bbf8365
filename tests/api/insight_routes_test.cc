// Customer value, product performance and customer 360 over HTTP against the
// real command service and read models: JSON shapes, as_of, data scopes
// (sales their own customers, managers their department's subtree, a 360
// outside the scope answers 404 like an unknown customer), and their place
// in /openapi.json.
#include <gtest/gtest.h>


#include "api/api.h"
#include "api/json_util.h"
#include "api/projection_routes.h"
#include "api/route_groups.h"
#include "api/token_issuer.h"
#include "commands/log_command_service.h"
#include "log_fixture.h"
#include "read_models_api.h"

namespace dealstream::api {
namespace {

class InsightRoutesTest : public testing::ReadModelsApiTest {
 protected:
  InsightRoutesTest() {
    const std::string jan1 = R"(,"occurred_at":"2017-01-01T00:00:00Z"})";
    Command("CreateDepartment", R"({"id":"hq","name":"HQ")" + jan1);
    Command("CreateDepartment", R"({"id":"east","name":"East","parent_id":"hq")" + jan1);
    Command("CreateDepartment", R"({"id":"west","name":"West","parent_id":"hq")" + jan1);
    Command("HireEmployee", R"({"id":"ann","name":"Ann","department_id":"east","role":"sales")" + jan1);
    Command("HireEmployee", R"({"id":"bob","name":"Bob","department_id":"east","role":"manager")" + jan1);
    Command("HireEmployee", R"({"id":"cat","name":"Cat","department_id":"west","role":"sales")" + jan1);
    Command("RegisterCustomer", R"({"id":"c1","name":"One","owner_id":"ann")" + jan1);
    Command("RegisterCustomer", R"({"id":"c2","name":"Two","owner_id":"cat")" + jan1);
    Command("RegisterProduct", R"({"id":"p1","sku":"S1","name":"Server","product_line":"hardware",
        "list_price":{"amount":"1000.00","currency":"USD"})" + jan1);
    Command("AddContact", R"({"id":"t1","customer_id":"c1","name":"Tia","title":"CTO")" + jan1);
    Command("OpenOpportunity", R"({"id":"o1","customer_id":"c1","title":"A","owner_id":"ann",
        "amount":{"amount":"3000.00","currency":"USD"},"expected_close_date":"2017-03-31",
        "product_ids":["p1"],"occurred_at":"2017-02-01T00:00:00Z"})");
    Command("OpenOpportunity", R"({"id":"o2","customer_id":"c2","title":"B","owner_id":"cat",
        "amount":{"amount":"1000.00","currency":"USD"},"expected_close_date":"2017-03-31",
        "product_ids":["p1"],"occurred_at":"2017-02-01T00:00:00Z"})");
    Command("WinOpportunity", R"({"opportunity_id":"o1","occurred_at":"2017-03-01T00:00:00Z"})");
    Command("WinOpportunity", R"({"opportunity_id":"o2","occurred_at":"2017-03-02T00:00:00Z"})");
    StartReadModels();
    api_->AddRoutes(OpenApiRoutes(*api_, {}));
  }
};

TEST_F(InsightRoutesTest, CustomerValueAsJsonWithinTheScope) {
  const std::string admin = Token(Role::kAdmin, "root");
  const nlohmann::json all = GetJson("/v1/projections/customer-value?period=2017", admin);
  EXPECT_EQ(all["total_revenue"], (nlohmann::json{{"amount", "4000.00"}, {"currency", "USD"}}));
  EXPECT_EQ(all["period"]["start"], "2017-01");
  ASSERT_EQ(all["customers"].size(), 2u);
  EXPECT_EQ(all["customers"][0]["customer_id"], "c1");  // 3,000 of 4,000: A
  EXPECT_EQ(all["customers"][0]["segment"], "A");
  EXPECT_EQ(all["customers"][0]["trend"], "new");
  EXPECT_EQ(all["customers"][1]["segment"], "A");  // ranked above it: 75 %
  EXPECT_EQ(GetJson("/v1/projections/customer-value?period=2017&as_of=2017-02-28", admin)
                ["total_revenue"]["amount"],
            "0.00");
  const nlohmann::json ann = GetJson("/v1/projections/customer-value?period=2017",
                                     Token(Role::kSales, "ann"));
  ASSERT_EQ(ann["customers"].size(), 1u);
  EXPECT_EQ(ann["customers"][0]["customer_id"], "c1");
  const std::string bob = Token(Role::kManager, "bob");
  EXPECT_EQ(Get("/v1/projections/customer-value?department=west", bob).status, 403);
  Response bad = Get("/v1/projections/customer-value?period=2017-13", admin);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(ParseJson(bad.body)["field"], "period");
}

TEST_F(InsightRoutesTest, ProductPerformanceAsJson) {
  const std::string admin = Token(Role::kAdmin, "root");
  const nlohmann::json v = GetJson("/v1/projections/products", admin);
  ASSERT_EQ(v["products"].size(), 1u);
  EXPECT_EQ(v["products"][0]["product_id"], "p1");
  EXPECT_EQ(v["products"][0]["product_line"], "hardware");
  EXPECT_EQ(v["products"][0]["won_count"], 2);
  EXPECT_EQ(v["products"][0]["won_revenue"]["amount"], "4000.00");
  EXPECT_DOUBLE_EQ(v["products"][0]["win_rate"].get<double>(), 1.0);
  EXPECT_TRUE(v["products"][0]["discount_depth"].is_null());
  EXPECT_EQ(v["product_lines"][0]["product_line"], "hardware");
  const nlohmann::json cat = GetJson("/v1/projections/products", Token(Role::kSales, "cat"));
  EXPECT_EQ(cat["products"][0]["won_revenue"]["amount"], "1000.00");  // o2 only
  EXPECT_EQ(Get("/v1/projections/products?owner=ann", Token(Role::kSales, "cat")).status, 403);
}

TEST_F(InsightRoutesTest, Customer360WithTheRecordScope) {
  const std::string admin = Token(Role::kAdmin, "root");
  const nlohmann::json v = GetJson("/v1/customers/c1/360", admin);
  EXPECT_EQ(v["customer_id"], "c1");
  EXPECT_EQ(v["contacts"][0]["contact_id"], "t1");
  EXPECT_EQ(v["contacts"][0]["title"], "CTO");
  EXPECT_FALSE(v["contacts"][0].contains("name"));  // personal data stays out
  EXPECT_EQ(v["opportunities"][0]["status"], "won");
  EXPECT_EQ(GetJson("/v1/customers/c1/360?as_of=2017-02-15", admin)["opportunities"][0]["status"],
            "open");
  EXPECT_EQ(Get("/v1/customers/c1/360?as_of=2016-12-31", admin).status, 404);
  EXPECT_EQ(Get("/v1/customers/nobody/360", admin).status, 404);
  EXPECT_EQ(Get("/v1/customers/bad%20id/360", admin).status, 400);
  EXPECT_EQ(Get("/v1/customers/c1/360?as_of=soon", admin).status, 400);
  // Scope: Ann sees her customer; Cat's is "not found" for her, as the record routes answer.
  const std::string ann = Token(Role::kSales, "ann");
  EXPECT_EQ(Get("/v1/customers/c1/360", ann).status, 200);
  Response hidden = Get("/v1/customers/c2/360", ann);
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(ParseJson(hidden.body)["detail"], "no customer with id 'c2'");
  EXPECT_EQ(Get("/v1/customers/c1/360", Token(Role::kManager, "bob")).status, 200);
  EXPECT_EQ(Get("/v1/customers/c2/360", Token(Role::kManager, "bob")).status, 404);
}

TEST_F(InsightRoutesTest, ListedInOpenApi) {
  const nlohmann::json doc = GetJson("/openapi.json", Token(Role::kAdmin, "root"));
  for (const char* path : {"/v1/projections/customer-value", "/v1/projections/products",
                           "/v1/customers/{id}/360"}) {
    ASSERT_TRUE(doc["paths"].contains(path)) << path;
    EXPECT_TRUE(doc["paths"][path].contains("get")) << path;
  }
}

}  // namespace
}  // namespace dealstream::api
