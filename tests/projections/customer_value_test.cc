// Customer value (docs/projections.md#customer-value), told through the real
// command service: revenue per customer in 2017 against 2016, ABC segments
// with a tie across the 80 % line, and the three problem signals.
#include "projections/customer_value.h"

#include <gtest/gtest.h>

#include "command_fixture.h"

namespace dealstream::projections {
namespace {

class CustomerValueTest : public testing::CommandFixture {
 protected:
  void SetUp() override {
    CommandFixture::SetUp();
    const std::string start = R"(,"occurred_at":"2016-01-01T00:00:00Z"})";
    Run("CreateDepartment", R"({"id":"hq","name":"HQ")" + start);
    Run("CreateDepartment", R"({"id":"east","name":"East","parent_id":"hq")" + start);
    Run("CreateDepartment", R"({"id":"west","name":"West","parent_id":"hq")" + start);
    Run("HireEmployee", R"({"id":"mgr","name":"Max","department_id":"hq","role":"manager")" + start);
    Run("HireEmployee", R"({"id":"ann","name":"Ann","department_id":"east","role":"sales")" + start);
    Run("HireEmployee", R"({"id":"bob","name":"Bob","department_id":"west","role":"sales")" + start);
    for (const char* c : {"c1", "c2", "c5"}) {
      Run("RegisterCustomer", std::string(R"({"id":")") + c +
                                  R"(","name":"Customer","owner_id":"ann","region":"north")" + start);
    }
    for (const char* c : {"c3", "c4"}) {
      Run("RegisterCustomer", std::string(R"({"id":")") + c +
                                  R"(","name":"Customer","owner_id":"bob","region":"south")" + start);
    }
    // 2016 (the previous period): c1 10,000, c2 20,000, c4 4,500.
    Won("w1", "c1", "ann", "10000.00", "2016-06-01");
    Won("w2", "c2", "ann", "20000.00", "2016-07-01");
    Won("w4", "c4", "bob", "4500.00", "2016-08-01");
    // 2017: c1 80,000 (two deals), c2 10,000, c3 10,000, c4 5,000; c5 loses one.
    Won("o1", "c1", "ann", "50000.00", "2017-02-01");
    Won("o2", "c1", "ann", "30000.00", "2017-03-01");
    Won("o3", "c2", "ann", "10000.00", "2017-04-01");
    Won("o4", "c3", "bob", "10000.00", "2017-05-01");
    Won("o5", "c4", "bob", "5000.00", "2017-06-01");
    Open("o6", "c5", "ann", "5000.00", "2017-01-02");
    Run("LoseOpportunity", R"({"opportunity_id":"o6","reason":"price",
        "occurred_at":"2017-07-01T00:00:00Z"})");
    // Complaints: c2's in 2017 counts; c3's in 2016 and c1's inquiry do not.
    Request("s1", "c2", "complaint", "2017-03-10");
    Request("s2", "c3", "complaint", "2016-11-10");
    Request("s3", "c1", "inquiry", "2017-03-11");
    // c4 never pays its instalment due 2017-02-01; c1 pays its own.
    Contract("k1", "c4", "bob", "5000.00", "2017-01-05", "2017-02-01");
    Contract("k2", "c1", "ann", "8000.00", "2017-02-05", "2017-03-01");
    Run("RecordPayment", R"({"contract_id":"k2","instalment_id":"i1",
        "amount":{"amount":"8000.00","currency":"USD"},"occurred_at":"2017-02-20T00:00:00Z"})");
  }

  void Open(const std::string& id, const std::string& customer, const std::string& owner,
            const std::string& amount, const std::string& day) {
    Run("OpenOpportunity", R"({"id":")" + id + R"(","customer_id":")" + customer +
                               R"(","title":"Deal","owner_id":")" + owner +
                               R"(","amount":{"amount":")" + amount +
                               R"(","currency":"USD"},"expected_close_date":"2017-12-31",
                               "occurred_at":")" + day + R"(T00:00:00Z"})");
  }
  void Won(const std::string& id, const std::string& customer, const std::string& owner,
           const std::string& amount, const std::string& day) {
    Open(id, customer, owner, amount, day.substr(0, 4) + "-01-02");
    Run("WinOpportunity",
        R"({"opportunity_id":")" + id + R"(","occurred_at":")" + day + R"(T00:00:00Z"})");
  }
  void Request(const std::string& id, const std::string& customer, const std::string& type,
               const std::string& day) {
    Run("OpenServiceRequest", R"({"id":")" + id + R"(","customer_id":")" + customer +
                                  R"(","type":")" + type +
                                  R"(","priority":"normal","queue":"support","subject":"help",
                                  "occurred_at":")" + day + R"(T00:00:00Z"})");
  }
  void Contract(const std::string& id, const std::string& customer, const std::string& owner,
                const std::string& total, const std::string& day, const std::string& due) {
    const std::string at = R"(,"occurred_at":")" + day + R"(T00:00:00Z"})";
    Run("DraftContract", R"({"id":")" + id + R"(","customer_id":")" + customer +
                             R"(","owner_id":")" + owner + R"(","total":{"amount":")" + total +
                             R"(","currency":"USD"})" + at);
    Run("RequestContractApproval", R"({"contract_id":")" + id + R"(")" + at, owner);
    Run("ApproveContract", R"({"contract_id":")" + id + R"(")" + at, "mgr");
    Run("SignContract", R"({"contract_id":")" + id + R"(")" + at, owner);
    Run("ScheduleContractInstalments",
        R"({"contract_id":")" + id + R"(","instalments":[{"instalment_id":"i1","due_date":")" +
            due + R"(","amount":{"amount":")" + total + R"(","currency":"USD"}}])" + at);
  }

  CustomerValueView Query(const AsOf& at, const Filters& filters = {}) {
    auto v = Models().CustomerValue(at, filters, domain::Date::Of(EndOfDay("2026-01-01")));
    EXPECT_TRUE(v.ok()) << v.error().ToString();
    return v.ok() ? *v : CustomerValueView{};
  }
  static const CustomerValueRow& Row(const CustomerValueView& v, std::string_view id) {
    for (const CustomerValueRow& r : v.customers) {
      if (r.customer_id == id) return r;
    }
    ADD_FAILURE() << id;
    static const CustomerValueRow kNone;
    return kNone;
  }
  static std::vector<std::string> Ids(const CustomerValueView& v) {
    std::vector<std::string> ids;
    for (const CustomerValueRow& r : v.customers) ids.push_back(r.customer_id);
    return ids;
  }
};

TEST_F(CustomerValueTest, RevenueAndTrendAgainstThePrecedingPeriod) {
  const CustomerValueView v = Query({}, {.period = "2017"});
  EXPECT_EQ(v.currency, "USD");
  EXPECT_EQ(v.period_start, "2017-01");
  EXPECT_EQ(v.period_end, "2017-12");
  EXPECT_EQ(v.previous_start, "2016-01");
  EXPECT_EQ(v.previous_end, "2016-12");
  EXPECT_EQ(v.total_revenue, Usd(10500000));          // 80,000 + 10,000 + 10,000 + 5,000
  EXPECT_EQ(v.previous_total_revenue, Usd(3450000));  // 10,000 + 20,000 + 4,500
  // Revenue descending; the c2 / c3 tie is broken by id.
  EXPECT_EQ(Ids(v), (std::vector<std::string>{"c1", "c2", "c3", "c4", "c5"}));

  const CustomerValueRow& c1 = Row(v, "c1");
  EXPECT_EQ(c1.rank, 1);
  EXPECT_EQ(c1.revenue, Usd(8000000));
  EXPECT_EQ(c1.won_count, 2);
  EXPECT_EQ(c1.previous_revenue, Usd(1000000));
  EXPECT_EQ(c1.change, Usd(7000000));
  EXPECT_DOUBLE_EQ(*c1.change_ratio, 7.0);
  EXPECT_EQ(c1.trend, "up");
  EXPECT_TRUE(c1.changing_value);
  EXPECT_DOUBLE_EQ(c1.share, 80000.0 / 105000.0);

  const CustomerValueRow& c2 = Row(v, "c2");  // 20,000 → 10,000: −50 %
  EXPECT_EQ(c2.trend, "down");
  EXPECT_DOUBLE_EQ(*c2.change_ratio, -0.5);
  EXPECT_TRUE(c2.changing_value);
  const CustomerValueRow& c3 = Row(v, "c3");  // nothing in 2016
  EXPECT_EQ(c3.trend, "new");
  EXPECT_FALSE(c3.change_ratio.has_value());
  EXPECT_TRUE(c3.changing_value);
  const CustomerValueRow& c4 = Row(v, "c4");  // 4,500 → 5,000: +11.1 %, under 25 %
  EXPECT_EQ(c4.trend, "up");
  EXPECT_FALSE(c4.changing_value);
  const CustomerValueRow& c5 = Row(v, "c5");
  EXPECT_EQ(c5.trend, "none");
  EXPECT_FALSE(c5.changing_value);
  EXPECT_EQ(c5.revenue, Usd(0));
}

TEST_F(CustomerValueTest, AbcSegmentsKeepTiesTogether) {
  const CustomerValueView v = Query({}, {.period = "2017"});
  // Share ranked above: c1 0 % → A; the c2/c3 group starts at 80/105 =
  // 76.2 % → A for both (c3 alone would start at 85.7 %); c4 starts at
  // 100/105 = 95.2 % → C; c5 has no revenue → C. No customer is B.
  EXPECT_EQ(Row(v, "c1").segment, "A");
  EXPECT_EQ(Row(v, "c2").segment, "A");
  EXPECT_EQ(Row(v, "c3").segment, "A");
  EXPECT_EQ(Row(v, "c4").segment, "C");
  EXPECT_EQ(Row(v, "c5").segment, "C");
  EXPECT_TRUE(Row(v, "c3").value_customer);
  EXPECT_FALSE(Row(v, "c4").value_customer);
  EXPECT_DOUBLE_EQ(Row(v, "c3").cumulative_share, 100000.0 / 105000.0);
  ASSERT_EQ(v.segments.size(), 3u);
  EXPECT_EQ(v.segments[0].segment, "A");
  EXPECT_EQ(v.segments[0].customers, 3);
  EXPECT_EQ(v.segments[0].revenue, Usd(10000000));
  EXPECT_EQ(v.segments[1].customers, 0);
  EXPECT_EQ(v.segments[2].customers, 2);
  EXPECT_EQ(v.segments[2].revenue, Usd(500000));
}

TEST_F(CustomerValueTest, ProblemCustomersFromLostDealsComplaintsAndOverduePayments) {
  const CustomerValueView v = Query({.as_of = EndOfDay("2017-12-31")}, {.period = "2017"});
  EXPECT_EQ(v.reference_date, "2017-12-31");
  EXPECT_FALSE(Row(v, "c1").problem_customer);  // its inquiry is no complaint, k2 is paid
  EXPECT_EQ(Row(v, "c2").complaints, 1);
  EXPECT_EQ(Row(v, "c2").problems, std::vector<std::string>{"complaints"});
  EXPECT_EQ(Row(v, "c3").complaints, 0);  // its complaint was in 2016
  EXPECT_FALSE(Row(v, "c3").problem_customer);
  EXPECT_EQ(Row(v, "c4").overdue_instalments, 1);
  EXPECT_EQ(Row(v, "c4").problems, std::vector<std::string>{"overdue_payments"});
  EXPECT_EQ(Row(v, "c5").lost_count, 1);
  EXPECT_EQ(Row(v, "c5").lost_amount, Usd(500000));
  EXPECT_EQ(Row(v, "c5").problems, std::vector<std::string>{"lost_deals"});
  EXPECT_TRUE(Row(v, "c5").problem_customer);
}

TEST_F(CustomerValueTest, AsOfAnEarlierDayAndTheDefaultPeriod) {
  // On 2017-03-15 only o1 and o2 are won; k1's instalment is already overdue;
  // without a period filter the period is the 12 months to March 2017.
  const CustomerValueView v = Query({.as_of = EndOfDay("2017-03-15")});
  EXPECT_EQ(v.period_start, "2016-04");
  EXPECT_EQ(v.period_end, "2017-03");
  EXPECT_EQ(v.previous_start, "2015-04");
  // c1: w1 (2016-06) + o1 + o2 = 90,000; c2: w2 20,000; c4: w4 4,500.
  EXPECT_EQ(Row(v, "c1").revenue, Usd(9000000));
  EXPECT_EQ(Row(v, "c2").revenue, Usd(2000000));
  EXPECT_EQ(Row(v, "c3").revenue, Usd(0));
  EXPECT_EQ(Row(v, "c4").revenue, Usd(450000));
  EXPECT_EQ(Row(v, "c4").overdue_instalments, 1);
  EXPECT_EQ(Row(v, "c5").lost_count, 0);  // lost in July
  EXPECT_EQ(Row(v, "c2").complaints, 1);
  EXPECT_EQ(Row(v, "c3").complaints, 1);  // 2016-11 is in this period
}

TEST_F(CustomerValueTest, OwnerFilterAndAReopenedWinMovesToItsNewCloseTime) {
  Run("ReopenOpportunity", R"({"opportunity_id":"o4","reason":"scope change",
      "occurred_at":"2017-08-01T00:00:00Z"})");
  const CustomerValueView open = Query({}, {.owner = "bob", .period = "2017"});
  EXPECT_EQ(Ids(open), (std::vector<std::string>{"c4", "c3"}));
  EXPECT_EQ(Row(open, "c3").revenue, Usd(0));  // reopened: not won as of now
  Run("WinOpportunity", R"({"opportunity_id":"o4","amount":{"amount":"12000.00","currency":"USD"},
      "occurred_at":"2018-01-15T00:00:00Z"})");
  EXPECT_EQ(Row(Query({}, {.owner = "bob", .period = "2018"}), "c3").revenue, Usd(1200000));
  EXPECT_EQ(Row(Query({}, {.owner = "bob", .period = "2017"}), "c3").revenue, Usd(0));
  // As of July 2017 the first win still counts.
  EXPECT_EQ(Row(Query({.as_of = EndOfDay("2017-07-31")}, {.owner = "bob", .period = "2017"}), "c3")
                .revenue,
            Usd(1000000));
}

}  // namespace
}  // namespace dealstream::projections
