// The business read models over HTTP (/v1/projections/competition, …)
// against the real command service and read models: figures as JSON, as_of
// and known_at, filters, and data scopes (sales their own, managers their
// department's subtree, a filter outside the scope refused with 403).
#include <gtest/gtest.h>

#include <thread>

#include "api/api.h"
#include "api/json_util.h"
#include "api/projection_routes.h"
#include "api/token_issuer.h"
#include "commands/log_command_service.h"
#include "log_fixture.h"
#include "read_models_api.h"

namespace dealstream::api {
namespace {

class BusinessRoutesTest : public testing::ReadModelsApiTest {
 protected:
  BusinessRoutesTest() {
    const std::string jan1 = R"(,"occurred_at":"2017-01-01T00:00:00Z"})";
    Command("CreateDepartment", R"({"id":"hq","name":"HQ")" + jan1);
    Command("CreateDepartment", R"({"id":"east","name":"East","parent_id":"hq")" + jan1);
    Command("CreateDepartment", R"({"id":"west","name":"West","parent_id":"hq")" + jan1);
    Command("HireEmployee", R"({"id":"ann","name":"Ann","department_id":"east","role":"sales")" + jan1);
    Command("HireEmployee", R"({"id":"bob","name":"Bob","department_id":"east","role":"manager")" + jan1);
    Command("HireEmployee", R"({"id":"cat","name":"Cat","department_id":"west","role":"sales")" + jan1);
    Command("RegisterCustomer", R"({"id":"c1","name":"One","owner_id":"ann")" + jan1);
    Command("RegisterCustomer", R"({"id":"c2","name":"Two","owner_id":"cat")" + jan1);
    Command("RegisterCompetitor", R"({"id":"k1","name":"Kappa")" + jan1);
    Command("OpenOpportunity", R"({"id":"o1","customer_id":"c1","title":"A","owner_id":"ann",
        "amount":{"amount":"1000.00","currency":"USD"},"expected_close_date":"2017-03-31",
        "occurred_at":"2017-02-01T00:00:00Z"})");
    Command("OpenOpportunity", R"({"id":"o2","customer_id":"c2","title":"B","owner_id":"cat",
        "amount":{"amount":"5000.00","currency":"USD"},"expected_close_date":"2017-03-31",
        "occurred_at":"2017-02-01T00:00:00Z"})");
    Command("RecordCompetitor", R"({"opportunity_id":"o1","competitor_id":"k1",
        "occurred_at":"2017-02-02T00:00:00Z"})");
    Command("RecordCompetitor", R"({"opportunity_id":"o2","competitor_id":"k1",
        "occurred_at":"2017-02-02T00:00:00Z"})");
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    before_loss_ = Now();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    Command("LoseOpportunity", R"({"opportunity_id":"o2","reason":"price","competitor_id":"k1",
        "occurred_at":"2017-03-01T00:00:00Z"})");
    // Receivables: Ann's contract, approved by her manager Bob, one
    // instalment due 2017-04-30, half paid.
    const std::string mar1 = R"(,"occurred_at":"2017-03-01T00:00:00Z"})";
    Command("DraftContract", R"({"id":"k1","customer_id":"c1","owner_id":"ann",
        "total":{"amount":"1000.00","currency":"USD"})" + mar1);
    Command("RequestContractApproval", R"({"contract_id":"k1")" + mar1, "ann");
    Command("ApproveContract", R"({"contract_id":"k1")" + mar1, "bob");
    Command("SignContract", R"({"contract_id":"k1")" + mar1, "ann");
    Command("ScheduleContractInstalments", R"({"contract_id":"k1","instalments":[
        {"instalment_id":"i1","due_date":"2017-04-30","amount":{"amount":"1000.00","currency":"USD"}}])" + mar1);
    Command("RecordPayment", R"({"contract_id":"k1","amount":{"amount":"400.00","currency":"USD"},
        "occurred_at":"2017-05-10T00:00:00Z"})");
    // Expenses: Ann's approved claim against her budget, Cat's pending one.
    Command("SetBudget", R"({"id":"b1","scope":"employee","scope_id":"ann","period":"2017-03",
        "amount":{"amount":"100.00","currency":"USD"})" + mar1);
    Command("ClaimExpense", R"({"id":"x1","employee_id":"ann","category":"travel",
        "amount":{"amount":"80.00","currency":"USD"},"incurred_on":"2017-03-01",
        "description":"taxi")" + mar1, "ann");
    Command("ApproveExpense", R"({"expense_id":"x1")" + mar1, "bob");
    Command("ClaimExpense", R"({"id":"x2","employee_id":"cat","category":"meals",
        "amount":{"amount":"30.00","currency":"USD"},"incurred_on":"2017-03-01",
        "description":"lunch")" + mar1, "cat");
    // Service: one request each for Ann and Cat.
    Command("OpenServiceRequest", R"({"id":"s1","customer_id":"c1","type":"repair",
        "priority":"high","queue":"field","subject":"broken")" + mar1);
    Command("AssignServiceRequest", R"({"service_request_id":"s1","assignee_id":"ann")" + mar1);
    Command("OpenServiceRequest", R"({"id":"s2","customer_id":"c2","type":"inquiry",
        "priority":"low","queue":"desk","subject":"question")" + mar1);
    Command("AssignServiceRequest", R"({"service_request_id":"s2","assignee_id":"cat")" + mar1);
    StartReadModels();
  }

  Timestamp before_loss_;
};

TEST_F(BusinessRoutesTest, CompetitionAsJsonAsOfAndKnownAt) {
  const std::string admin = Token(Role::kAdmin, "root");
  const nlohmann::json now = GetJson("/v1/projections/competition", admin);
  ASSERT_EQ(now["competitors"].size(), 1u);
  const nlohmann::json& k1 = now["competitors"][0];
  EXPECT_EQ(k1["competitor_id"], "k1");
  EXPECT_EQ(k1["name"], "Kappa");
  EXPECT_EQ(k1["deals"], 2);
  EXPECT_EQ(k1["lost_count"], 1);
  EXPECT_EQ(k1["lost_amount"], (nlohmann::json{{"amount", "5000.00"}, {"currency", "USD"}}));
  EXPECT_DOUBLE_EQ(k1["win_rate"].get<double>(), 0.0);
  EXPECT_EQ(now["loss_reasons"][0]["reason"], "price");

  const nlohmann::json before = GetJson("/v1/projections/competition?as_of=2017-02-28", admin);
  EXPECT_EQ(before["competitors"][0]["lost_count"], 0);
  EXPECT_TRUE(before["competitors"][0]["win_rate"].is_null());
  const nlohmann::json known = GetJson(
      "/v1/projections/competition?known_at=" + FormatTimestamp(before_loss_), admin);
  EXPECT_EQ(known["competitors"][0]["lost_count"], 0);
  EXPECT_TRUE(GetJson("/v1/projections/competition?as_of=2016-12-31", admin)["competitors"].empty());
  EXPECT_EQ(GetJson("/v1/projections/competition?period=2017-Q2", admin)["competitors"].size(), 0u);

  Response bad = Get("/v1/projections/competition?period=2017-Q5", admin);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(ParseJson(bad.body)["field"], "period");
}

TEST_F(BusinessRoutesTest, CompetitionWithinTheDataScope) {
  const std::string ann = Token(Role::kSales, "ann");
  const std::string bob = Token(Role::kManager, "bob");
  const std::string cat = Token(Role::kSales, "cat");
  EXPECT_EQ(GetJson("/v1/projections/competition", ann)["competitors"][0]["deals"], 1);  // o1
  EXPECT_EQ(GetJson("/v1/projections/competition", ann)["competitors"][0]["lost_count"], 0);
  EXPECT_EQ(GetJson("/v1/projections/competition", cat)["competitors"][0]["lost_count"], 1);
  EXPECT_EQ(GetJson("/v1/projections/competition", bob)["deals"], 1);  // east: o1
  EXPECT_EQ(GetJson("/v1/projections/competition?owner=ann", bob)["deals"], 1);
  EXPECT_EQ(Get("/v1/projections/competition?owner=cat", ann).status, 403);
  EXPECT_EQ(Get("/v1/projections/competition?department=west", bob).status, 403);
}

TEST_F(BusinessRoutesTest, ReceivablesWithAgingOnTheAsOfDay) {
  const std::string admin = Token(Role::kAdmin, "root");
  const nlohmann::json may = GetJson("/v1/projections/receivables?as_of=2017-05-20", admin);
  EXPECT_EQ(may["aging_date"], "2017-05-20");
  EXPECT_EQ(may["totals"]["contracts"], 1);
  EXPECT_EQ(may["totals"]["outstanding"]["amount"], "600.00");
  EXPECT_EQ(may["totals"]["aging"]["days_1_30"]["amount"], "600.00");  // 20 days late
  EXPECT_EQ(may["contracts"][0]["instalments"][0]["days_past_due"], 20);
  EXPECT_EQ(may["customers"][0]["customer_id"], "c1");
  const nlohmann::json april = GetJson("/v1/projections/receivables?as_of=2017-04-15", admin);
  EXPECT_EQ(april["totals"]["aging"]["current"]["amount"], "1000.00");
  EXPECT_EQ(GetJson("/v1/projections/receivables?as_of=2017-02-01", admin)["totals"]["contracts"], 0);
  EXPECT_EQ(GetJson("/v1/projections/receivables", Token(Role::kSales, "cat"))["totals"]["contracts"], 0);
  EXPECT_EQ(GetJson("/v1/projections/receivables", Token(Role::kSales, "ann"))["totals"]["contracts"], 1);
  EXPECT_EQ(Get("/v1/projections/receivables?as_of=someday", admin).status, 400);
}

TEST_F(BusinessRoutesTest, ExpensesBudgetVersusActualWithinTheScope) {
  const std::string admin = Token(Role::kAdmin, "root");
  const nlohmann::json all = GetJson("/v1/projections/expenses", admin);
  EXPECT_EQ(all["totals"]["claims"], 2);
  EXPECT_EQ(all["totals"]["actual"]["amount"], "80.00");
  EXPECT_EQ(all["totals"]["pending"]["amount"], "30.00");
  ASSERT_EQ(all["budgets"].size(), 1u);
  EXPECT_EQ(all["budgets"][0]["remaining"]["amount"], "20.00");
  EXPECT_DOUBLE_EQ(all["budgets"][0]["utilisation"].get<double>(), 0.8);
  const std::string bob = Token(Role::kManager, "bob");
  EXPECT_EQ(GetJson("/v1/projections/expenses", bob)["totals"]["claims"], 1);  // east: Ann's
  EXPECT_EQ(GetJson("/v1/projections/expenses", Token(Role::kSales, "cat"))["budgets"].size(), 0u);
  EXPECT_EQ(Get("/v1/projections/expenses?department=west", bob).status, 403);
  EXPECT_EQ(GetJson("/v1/projections/expenses?as_of=2017-02-28", admin)["totals"]["claims"], 0);
}

TEST_F(BusinessRoutesTest, ServiceWithinTheScope) {
  const std::string admin = Token(Role::kAdmin, "root");
  const nlohmann::json all = GetJson("/v1/projections/service", admin);
  EXPECT_EQ(all["open"], 2);
  EXPECT_EQ(all["open_by_priority"]["high"], 1);
  EXPECT_EQ(all["open_by_queue"]["desk"], 1);
  EXPECT_EQ(GetJson("/v1/projections/service", Token(Role::kSales, "ann"))["open"], 1);
  EXPECT_EQ(GetJson("/v1/projections/service?department=west", admin)["open"], 1);
  EXPECT_EQ(GetJson("/v1/projections/service?as_of=2017-02-01", admin)["open"], 0);
  EXPECT_EQ(Get("/v1/projections/service?owner=cat", Token(Role::kSales, "ann")).status, 403);
}

}  // namespace
}  // namespace dealstream::api
