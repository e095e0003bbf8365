// Customer 360 (docs/projections.md#customer-360), told through the real
// command service: one customer's contacts, deals, contracts, service
// requests and activities, now and as of an earlier day.
#include "projections/customer_360.h"

#include <gtest/gtest.h>

#include "command_fixture.h"

namespace dealstream::projections {
namespace {

class Customer360Test : public testing::CommandFixture {
 protected:
  void SetUp() override {
    CommandFixture::SetUp();
    const std::string jan1 = R"(,"occurred_at":"2017-01-01T00:00:00Z"})";
    Run("CreateDepartment", R"({"id":"hq","name":"HQ")" + jan1);
    Run("HireEmployee", R"({"id":"mgr","name":"Max","department_id":"hq","role":"manager")" + jan1);
    Run("HireEmployee", R"({"id":"ann","name":"Ann","department_id":"hq","role":"sales")" + jan1);
    Run("RegisterCustomer", R"({"id":"c1","name":"One","owner_id":"ann","region":"north",
        "industry":"retail")" + jan1);
    Run("RegisterCustomer", R"({"id":"c2","name":"Two","owner_id":"ann")" + jan1);
    Run("RegisterProduct", R"({"id":"p1","sku":"S1","name":"Server",
        "list_price":{"amount":"1000.00","currency":"USD"})" + jan1);
    At("AddContact", R"("id":"t1","customer_id":"c1","name":"Tia","title":"CTO")", "2017-01-03");
    At("AddContact", R"("id":"t2","customer_id":"c1","name":"Tom","title":"Buyer",
        "department":"Purchasing")", "2017-01-04");
    At("AddContact", R"("id":"t3","customer_id":"c2","name":"Tess")", "2017-01-05");
    for (const char* id : {"o1", "o2"}) {
      At("OpenOpportunity", std::string(R"("id":")") + id + R"(","customer_id":"c1","title":"Deal",
          "owner_id":"ann","amount":{"amount":"8000.00","currency":"USD"},
          "expected_close_date":"2017-06-30","product_ids":["p1"])", "2017-01-06");
    }
    At("PlanOpportunityActivity", R"("opportunity_id":"o1","activity_id":"a1","type":"visit",
        "assignee_id":"ann","planned_date":"2017-02-10","subject":"First visit")", "2017-01-10");
    At("PlanOpportunityActivity", R"("opportunity_id":"o1","activity_id":"a2","type":"call",
        "assignee_id":"ann","planned_date":"2017-03-01","subject":"Follow-up")", "2017-02-20");
    At("CompleteOpportunityActivity", R"("opportunity_id":"o1","activity_id":"a2",
        "completed_date":"2017-03-02","outcome":"good","decision_maker_met":true)", "2017-03-02");
    At("WinOpportunity", R"("opportunity_id":"o2")", "2017-03-01");
    At("DraftContract", R"("id":"k1","customer_id":"c1","owner_id":"ann","opportunity_id":"o2",
        "total":{"amount":"8000.00","currency":"USD"})", "2017-03-05");
    Run("RequestContractApproval", R"({"contract_id":"k1","occurred_at":"2017-03-05T00:00:00Z"})", "ann");
    Run("ApproveContract", R"({"contract_id":"k1","occurred_at":"2017-03-05T00:00:00Z"})", "mgr");
    Run("SignContract", R"({"contract_id":"k1","occurred_at":"2017-03-05T00:00:00Z"})", "ann");
    At("RecordPayment", R"("contract_id":"k1","amount":{"amount":"3000.00","currency":"USD"})",
       "2017-04-01");
    At("OpenServiceRequest", R"("id":"s1","customer_id":"c1","type":"complaint","priority":"high",
        "queue":"support","subject":"Broken")", "2017-04-10");
    At("RecordContactJobChange", R"("contact_id":"t2","new_company":"Elsewhere")", "2017-05-01");
    At("PlanOpportunityActivity", R"("opportunity_id":"o1","activity_id":"a3","type":"demo",
        "assignee_id":"ann","planned_date":"2017-06-01","subject":"Demo")", "2017-05-20");
  }

  void At(const std::string& type, const std::string& fields, const std::string& day) {
    Run(type, "{" + fields + R"(,"occurred_at":")" + day + R"(T00:00:00Z"})");
  }

  std::optional<Customer360View> Query(const AsOf& at, const std::string& id) {
    auto v = Models().Customer360(at, id);
    EXPECT_TRUE(v.ok()) << v.error().ToString();
    return v.ok() ? *v : std::nullopt;
  }
};

TEST_F(Customer360Test, EverySectionNow) {
  const std::optional<Customer360View> v = Query({}, "c1");
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->name, "One");
  EXPECT_EQ(v->owner_id, "ann");
  EXPECT_EQ(v->region, "north");
  EXPECT_EQ(v->industry, "retail");
  EXPECT_EQ(v->status, "active");

  ASSERT_EQ(v->contacts.size(), 2u);  // t3 belongs to c2
  EXPECT_EQ(v->contacts[0].contact_id, "t1");
  EXPECT_EQ(v->contacts[0].title, "CTO");
  EXPECT_EQ(v->contacts[0].status, "active");
  EXPECT_EQ(v->contacts[1].contact_id, "t2");
  EXPECT_EQ(v->contacts[1].department, "Purchasing");
  EXPECT_EQ(v->contacts[1].status, "left_company");
  EXPECT_EQ(v->contacts[1].added_date, "2017-01-04");

  ASSERT_EQ(v->opportunities.size(), 2u);
  EXPECT_EQ(v->opportunities[0].opportunity_id, "o1");
  EXPECT_EQ(v->opportunities[0].status, "open");
  EXPECT_FALSE(v->opportunities[0].closed_date.has_value());
  EXPECT_EQ(v->opportunities[1].status, "won");
  EXPECT_EQ(v->opportunities[1].closed_date, "2017-03-01");
  EXPECT_EQ(v->opportunities[1].amount, Usd(800000));
  EXPECT_EQ(v->opportunities[1].product_ids, std::vector<std::string>{"p1"});

  ASSERT_EQ(v->contracts.size(), 1u);
  EXPECT_EQ(v->contracts[0].contract_id, "k1");
  EXPECT_EQ(v->contracts[0].status, "signed");
  EXPECT_EQ(v->contracts[0].signed_date, "2017-03-05");
  EXPECT_EQ(v->contracts[0].total, Usd(800000));
  EXPECT_EQ(v->contracts[0].received, Usd(300000));

  ASSERT_EQ(v->service_requests.size(), 1u);
  EXPECT_EQ(v->service_requests[0].type, "complaint");
  EXPECT_EQ(v->service_requests[0].status, "open");
  EXPECT_EQ(v->service_requests[0].priority, "high");

  // Most recent date first: a3 planned 06-01, a2 completed 03-02, a1 planned 02-10.
  EXPECT_EQ(v->activities_total, 3);
  ASSERT_EQ(v->activities.size(), 3u);
  EXPECT_EQ(v->activities[0].activity_id, "a3");
  EXPECT_EQ(v->activities[0].state, "planned");
  EXPECT_EQ(v->activities[1].activity_id, "a2");
  EXPECT_EQ(v->activities[1].state, "completed");
  EXPECT_EQ(v->activities[1].date, "2017-03-02");
  EXPECT_EQ(v->activities[2].activity_id, "a1");
  EXPECT_EQ(v->activities[2].type, "visit");
}

TEST_F(Customer360Test, AsOfAnEarlierDay) {
  const std::optional<Customer360View> v = Query({.as_of = EndOfDay("2017-02-15")}, "c1");
  ASSERT_TRUE(v.has_value());
  ASSERT_EQ(v->contacts.size(), 2u);
  EXPECT_EQ(v->contacts[1].status, "active");  // t2 leaves on 05-01
  ASSERT_EQ(v->opportunities.size(), 2u);
  EXPECT_EQ(v->opportunities[1].status, "open");  // won on 03-01
  EXPECT_TRUE(v->contracts.empty());
  EXPECT_TRUE(v->service_requests.empty());
  ASSERT_EQ(v->activities.size(), 1u);
  EXPECT_EQ(v->activities[0].activity_id, "a1");

  // The day the contract was drafted and signed, before its payment.
  const std::optional<Customer360View> drafted = Query({.as_of = EndOfDay("2017-03-05")}, "c1");
  ASSERT_TRUE(drafted.has_value());
  ASSERT_EQ(drafted->contracts.size(), 1u);
  EXPECT_EQ(drafted->contracts[0].received, Usd(0));  // paid on 04-01
}

TEST_F(Customer360Test, UnknownOrNotYetRegisteredIsNone) {
  EXPECT_FALSE(Query({}, "nobody").has_value());
  EXPECT_FALSE(Query({.as_of = EndOfDay("2016-12-31")}, "c1").has_value());
  EXPECT_TRUE(Query({}, "c2").has_value());
}

}  // namespace
}  // namespace dealstream::projections
