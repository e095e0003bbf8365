// Competition read model (docs/projections.md#competition), told through the
// real command service: competitors on deals, wins against them, losses to
// them with reasons and prices, and our prices beside theirs per product.
#include "projections/competition.h"

#include <gtest/gtest.h>

#include "command_fixture.h"

namespace dealstream::projections {
namespace {

class CompetitionTest : public testing::CommandFixture {
 protected:
  void SetUp() override {
    CommandFixture::SetUp();
    const std::string jan1 = R"(,"occurred_at":"2017-01-01T00:00:00Z"})";
    Run("CreateDepartment", R"({"id":"hq","name":"HQ")" + jan1);
    Run("CreateDepartment", R"({"id":"east","name":"East","parent_id":"hq")" + jan1);
    Run("CreateDepartment", R"({"id":"west","name":"West","parent_id":"hq")" + jan1);
    Run("HireEmployee", R"({"id":"ann","name":"Ann","department_id":"east","role":"sales")" + jan1);
    Run("HireEmployee", R"({"id":"bob","name":"Bob","department_id":"west","role":"sales")" + jan1);
    Run("RegisterCustomer", R"({"id":"c1","name":"One","owner_id":"ann","region":"north")" + jan1);
    Run("RegisterCustomer", R"({"id":"c2","name":"Two","owner_id":"bob","region":"south")" + jan1);
    Run("RegisterCompetitor", R"({"id":"k1","name":"Kappa")" + jan1);
    Run("RegisterCompetitor", R"({"id":"k2","name":"Lambda")" + jan1);
    Run("RegisterProduct", R"({"id":"p1","sku":"S1","name":"Server",
        "list_price":{"amount":"1000.00","currency":"USD"})" + jan1);
    Run("RegisterProduct", R"({"id":"p2","sku":"S2","name":"Storage",
        "list_price":{"amount":"500.00","currency":"USD"})" + jan1);
    Run("RegisterCompetingProduct", R"({"id":"cp1","competitor_id":"k1","name":"KappaServer",
        "price":{"amount":"900.00","currency":"USD"},"compared_to_product_id":"p1")" + jan1);
    Run("ChangeProductPrice", R"({"product_id":"p1","list_price":{"amount":"1100.00","currency":"USD"},
        "occurred_at":"2017-03-01T00:00:00Z"})");

    Open("o1", "ann", "c1", "10000.00", "2017-03-31", R"(["p1"])", "2017-01-05");
    Open("o2", "ann", "c1", "20000.00", "2017-03-31", R"(["p1","p2"])", "2017-01-06");
    Open("o3", "bob", "c2", "5000.00", "2017-03-31", R"(["p2"])", "2017-01-07");
    Open("o4", "bob", "c2", "8000.00", "2017-06-30", R"(["p2"])", "2017-01-25");
    Open("o5", "ann", "c1", "3000.00", "2017-03-31", "[]", "2017-01-08");

    Compete("o1", "k1", R"("quoted_price":{"amount":"9000.00","currency":"USD"},"product":"KappaServer")", "2017-01-10");
    Compete("o1", "k2", R"("quoted_price":{"amount":"9500.00","currency":"USD"})", "2017-01-11");
    Run("DraftOpportunityQuote", R"({"opportunity_id":"o1","valid_until":"2017-12-31",
        "lines":[{"product_id":"p1","quantity":10,"unit_price":{"amount":"1000.00","currency":"USD"},
                  "discount_percent":10}],"occurred_at":"2017-01-12T00:00:00Z"})");
    Compete("o2", "k1", R"("quoted_price":{"amount":"18000.00","currency":"USD"},"product":"KappaServer")", "2017-01-15");
    Compete("o3", "k2", R"("quoted_price":{"amount":"4000.00","currency":"USD"})", "2017-01-20");
    Run("WinOpportunity", R"({"opportunity_id":"o1","occurred_at":"2017-02-01T00:00:00Z"})");
    Compete("o4", "k1", R"("quoted_price":{"amount":"7000.00","currency":"USD"})", "2017-02-01");
    Run("DraftOpportunityQuote", R"({"opportunity_id":"o4","valid_until":"2017-12-31",
        "lines":[{"product_id":"p2","quantity":2,"unit_price":{"amount":"500.00","currency":"USD"}}],
        "occurred_at":"2017-02-02T00:00:00Z"})");
    before_losses_ = Head();
    Run("LoseOpportunity", R"({"opportunity_id":"o2","reason":"price","competitor_id":"k1",
        "competitor_price":{"amount":"17000.00","currency":"USD"},"occurred_at":"2017-02-15T00:00:00Z"})");
    Run("LoseOpportunity", R"({"opportunity_id":"o3","reason":"product_fit","competitor_id":"k2",
        "occurred_at":"2017-03-10T00:00:00Z"})");
    Run("LoseOpportunity", R"({"opportunity_id":"o5","reason":"price","occurred_at":"2017-03-20T00:00:00Z"})");
  }

  void Open(const std::string& id, const std::string& owner, const std::string& customer,
            const std::string& amount, const std::string& close, const std::string& products,
            const std::string& when) {
    Run("OpenOpportunity", R"({"id":")" + id + R"(","customer_id":")" + customer +
                               R"(","title":"Deal","owner_id":")" + owner +
                               R"(","amount":{"amount":")" + amount +
                               R"(","currency":"USD"},"expected_close_date":")" + close +
                               R"(","product_ids":)" + products + R"(,"occurred_at":")" + when +
                               R"(T00:00:00Z"})");
  }
  void Compete(const std::string& deal, const std::string& competitor, const std::string& intel,
               const std::string& when) {
    Run("RecordCompetitor", R"({"opportunity_id":")" + deal + R"(","competitor_id":")" +
                                competitor + R"(",)" + intel + R"(,"occurred_at":")" + when +
                                R"(T00:00:00Z"})");
  }

  uint64_t before_losses_ = 0;

  CompetitionView Query(const AsOf& at, const Filters& filters = {}) {
    auto v = Models().Competition(at, filters);
    EXPECT_TRUE(v.ok()) << v.error().ToString();
    return v.ok() ? *v : CompetitionView{};
  }
  static const CompetitorRow* Competitor(const CompetitionView& v, std::string_view id) {
    for (const CompetitorRow& c : v.competitors) {
      if (c.competitor_id == id) return &c;
    }
    return nullptr;
  }
  static const ProductPriceRow* Product(const CompetitionView& v, std::string_view id) {
    for (const ProductPriceRow& p : v.products) {
      if (p.product_id == id) return &p;
    }
    return nullptr;
  }
};

TEST_F(CompetitionTest, PerCompetitorWonLostWinRateAndAmounts) {
  const CompetitionView v = Query({});
  EXPECT_EQ(v.currency, "USD");
  EXPECT_EQ(v.deals, 4);  // o1–o4 had a competitor; o5 had none
  ASSERT_EQ(v.competitors.size(), 2u);
  const CompetitorRow& k1 = v.competitors[0];  // most deals first
  EXPECT_EQ(k1.competitor_id, "k1");
  EXPECT_EQ(k1.name, "Kappa");
  EXPECT_EQ(k1.deals, 3);  // o1 won, o2 lost to it, o4 open
  EXPECT_EQ(k1.won_count, 1);
  EXPECT_EQ(k1.won_amount, Usd(1000000));
  EXPECT_EQ(k1.lost_count, 1);
  EXPECT_EQ(k1.lost_amount, Usd(2000000));
  EXPECT_EQ(k1.open_count, 1);
  EXPECT_EQ(k1.open_amount, Usd(800000));
  EXPECT_DOUBLE_EQ(*k1.win_rate, 0.5);
  ASSERT_EQ(k1.loss_reasons.size(), 1u);
  EXPECT_EQ(k1.loss_reasons[0].reason, "price");
  // (9000 + 18000 + 7000) / 3 = 11333.333… → 11333.33
  EXPECT_EQ(*k1.average_quoted_price, Usd(1133333));

  const CompetitorRow& k2 = v.competitors[1];
  EXPECT_EQ(k2.competitor_id, "k2");
  EXPECT_EQ(k2.deals, 2);  // o1 won, o3 lost to it
  EXPECT_EQ(k2.won_count, 1);
  EXPECT_EQ(k2.lost_count, 1);
  EXPECT_EQ(k2.lost_amount, Usd(500000));
  EXPECT_EQ(k2.open_count, 0);
  EXPECT_EQ(k2.loss_reasons[0].reason, "product_fit");
  EXPECT_EQ(*k2.average_quoted_price, Usd(675000));  // (9500 + 4000) / 2
}

TEST_F(CompetitionTest, PerLossReasonCountsAndAmounts) {
  const CompetitionView v = Query({});
  ASSERT_EQ(v.loss_reasons.size(), 2u);
  EXPECT_EQ(v.loss_reasons[0].reason, "price");  // o2 to k1, o5 to nobody named
  EXPECT_EQ(v.loss_reasons[0].count, 2);
  EXPECT_EQ(v.loss_reasons[0].amount, Usd(2300000));
  EXPECT_EQ(v.loss_reasons[0].to_competitor, 1);
  EXPECT_EQ(v.loss_reasons[1].reason, "product_fit");
  EXPECT_EQ(v.loss_reasons[1].count, 1);
  EXPECT_EQ(v.loss_reasons[1].amount, Usd(500000));
  EXPECT_EQ(v.loss_reasons[1].to_competitor, 1);
}

TEST_F(CompetitionTest, PriceComparisonPerProduct) {
  const CompetitionView v = Query({});
  ASSERT_EQ(v.products.size(), 2u);
  const ProductPriceRow& p1 = *Product(v, "p1");
  EXPECT_EQ(p1.name, "Server");
  EXPECT_EQ(*p1.list_price, Usd(110000));  // changed on 03-01
  EXPECT_EQ(p1.quoted.count, 1);           // o1's quote: 1000.00 less 10 %
  EXPECT_EQ(*p1.quoted.average, Usd(90000));
  ASSERT_EQ(p1.competitors.size(), 2u);
  // k1's KappaServer is compared to p1 in the catalog: o1 and o2 name it.
  EXPECT_EQ(p1.competitors[0].competitor_id, "k1");
  EXPECT_EQ(p1.competitors[0].product, "KappaServer");
  EXPECT_EQ(*p1.competitors[0].competing_product_id, "cp1");
  EXPECT_EQ(*p1.competitors[0].catalog_price, Usd(90000));
  EXPECT_EQ(p1.competitors[0].deal_prices.count, 2);
  EXPECT_EQ(*p1.competitors[0].deal_prices.average, Usd(1350000));
  EXPECT_EQ(*p1.competitors[0].deal_prices.min, Usd(900000));
  EXPECT_EQ(*p1.competitors[0].deal_prices.max, Usd(1800000));
  // k2 named no product on o1, whose only product is p1.
  EXPECT_EQ(p1.competitors[1].competitor_id, "k2");
  EXPECT_EQ(p1.competitors[1].product, "");
  EXPECT_FALSE(p1.competitors[1].competing_product_id.has_value());
  EXPECT_EQ(*p1.competitors[1].deal_prices.average, Usd(950000));

  const ProductPriceRow& p2 = *Product(v, "p2");
  EXPECT_EQ(*p2.list_price, Usd(50000));
  EXPECT_EQ(*p2.quoted.average, Usd(50000));  // o4's quote
  ASSERT_EQ(p2.competitors.size(), 2u);       // o4 (k1) and o3 (k2), single-product deals
  EXPECT_EQ(p2.competitors[0].competitor_id, "k1");
  EXPECT_EQ(*p2.competitors[0].deal_prices.average, Usd(700000));
  EXPECT_EQ(p2.competitors[1].competitor_id, "k2");
  EXPECT_EQ(*p2.competitors[1].deal_prices.average, Usd(400000));
}

TEST_F(CompetitionTest, AsOfAnEarlierDayAndKnownAtAPosition) {
  const CompetitionView jan = Query({.as_of = EndOfDay("2017-01-31")});
  // o1, o2, o3 still open; k1 not yet on o4; nothing lost yet.
  EXPECT_EQ(jan.deals, 3);
  const CompetitorRow& k1 = *Competitor(jan, "k1");
  EXPECT_EQ(k1.deals, 2);
  EXPECT_EQ(k1.open_count, 2);
  EXPECT_EQ(k1.open_amount, Usd(3000000));
  EXPECT_EQ(k1.won_count, 0);
  EXPECT_FALSE(k1.win_rate.has_value());
  EXPECT_TRUE(jan.loss_reasons.empty());
  EXPECT_EQ(*Product(jan, "p1")->list_price, Usd(100000));  // before the price change

  // As of the day o2 was lost: k1 has one win (o1) and one loss (o2).
  const CompetitionView feb = Query({.as_of = EndOfDay("2017-02-15")});
  EXPECT_EQ(Competitor(feb, "k1")->lost_count, 1);
  EXPECT_EQ(Competitor(feb, "k2")->lost_count, 0);
  // What the log held before the losses were recorded.
  const CompetitionView known = Query({.position = before_losses_});
  EXPECT_TRUE(known.loss_reasons.empty());
  EXPECT_EQ(Competitor(known, "k1")->open_count, 2);  // o2, o4
}

TEST_F(CompetitionTest, DepartmentSubtreeOwnerPeriodAndProductFilters) {
  const CompetitionView east = Query({}, {.department = "east"});  // Ann's deals o1, o2, o5
  EXPECT_EQ(east.deals, 2);
  EXPECT_EQ(Competitor(east, "k1")->deals, 2);
  EXPECT_EQ(Competitor(east, "k2")->deals, 1);
  EXPECT_EQ(east.loss_reasons[0].count, 2);
  const CompetitionView hq = Query({}, {.department = "hq"});  // the whole subtree
  EXPECT_EQ(hq.deals, 4);

  const CompetitionView bob = Query({}, {.owner = "bob"});  // o3, o4
  EXPECT_EQ(Competitor(bob, "k1")->open_count, 1);
  EXPECT_EQ(Competitor(bob, "k1")->won_count, 0);
  EXPECT_EQ(Competitor(bob, "k2")->lost_count, 1);

  // Q1: closings in Q1; o4 is expected to close in Q2.
  const CompetitionView q1 = Query({}, {.period = "2017-Q1"});
  EXPECT_EQ(Competitor(q1, "k1")->deals, 2);
  EXPECT_EQ(Competitor(q1, "k1")->open_count, 0);

  const CompetitionView p2 = Query({}, {.product = "p2"});  // o2, o3, o4
  EXPECT_EQ(p2.deals, 3);
  ASSERT_EQ(p2.products.size(), 1u);
  EXPECT_EQ(p2.products[0].product_id, "p2");
  EXPECT_EQ(Query({}, {.region = "south"}).deals, 2);  // c2's deals
  EXPECT_EQ(Query({}, {.owner = "nobody"}).deals, 0);
}

TEST_F(CompetitionTest, RestartResumesFromTheSnapshotAndRebuildAgrees) {
  ExpectRestartResumesAndRebuildAgrees(
      [](const ReadModels& m) { return m.Competition({}, {}); },
      "LoseOpportunity", R"({"opportunity_id":"o4","reason":"price","competitor_id":"k1","occurred_at":"2017-04-01T00:00:00Z"})");
}

// Employee performance counts the quotes drafted on each employee's deals.
TEST_F(CompetitionTest, QuotesCountInEmployeePerformance) {
  EXPECT_EQ(EmployeeFigures("ann").quotes, 1);  // o1's, drafted 01-12
  EXPECT_EQ(EmployeeFigures("bob").quotes, 1);  // o4's, drafted 02-02
  EXPECT_EQ(EmployeeFigures("ann", {.as_of = EndOfDay("2017-01-11")}).quotes, 0);
  EXPECT_EQ(EmployeeFigures("bob", {}, {.period = "2017-01"}).quotes, 0);
  EXPECT_EQ(EmployeeFigures("bob", {}, {.product = "p1"}).quotes, 0);  // o4 sells p2
}

}  // namespace
}  // namespace dealstream::projections
