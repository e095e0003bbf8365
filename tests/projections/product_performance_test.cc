// Product performance (docs/projections.md#product-performance), told
// through the real command service: a two-product win split equally with
// the odd cent to the first product, discount depth against the list price
// in force when quoted, and competitor pressure, per product and per line.
#include "projections/product_performance.h"

#include <gtest/gtest.h>

#include "command_fixture.h"

namespace dealstream::projections {
namespace {

class ProductPerformanceTest : public testing::CommandFixture {
 protected:
  void SetUp() override {
    CommandFixture::SetUp();
    const std::string jan1 = R"(,"occurred_at":"2017-01-01T00:00:00Z"})";
    Run("CreateDepartment", R"({"id":"hq","name":"HQ")" + jan1);
    Run("HireEmployee", R"({"id":"ann","name":"Ann","department_id":"hq","role":"sales")" + jan1);
    Run("RegisterCustomer", R"({"id":"c1","name":"One","owner_id":"ann","region":"north")" + jan1);
    Run("RegisterCompetitor", R"({"id":"k1","name":"Kappa")" + jan1);
    Run("RegisterCompetitor", R"({"id":"k2","name":"Lambda")" + jan1);
    Product("p1", "Server", "1000.00", "hardware");
    Product("p2", "Storage", "500.00", "hardware");
    Product("p3", "Support", "200.00", "services");
    Run("ChangeProductPrice", R"({"product_id":"p1","list_price":{"amount":"1100.00","currency":"USD"},
        "occurred_at":"2017-03-01T00:00:00Z"})");

    Open("d1", "10000.01", R"(["p1","p2"])");
    Open("d2", "5000.00", R"(["p1"])");
    Open("d3", "2000.00", R"(["p3"])");
    Open("d4", "3000.00", R"(["p1","p3"])");
    Open("d5", "1000.00", "[]");
    Compete("d1", "k1", "2017-01-15");
    Run("DraftOpportunityQuote", R"({"opportunity_id":"d1","valid_until":"2017-12-31","lines":[
        {"product_id":"p1","quantity":2,"unit_price":{"amount":"1000.00","currency":"USD"},"discount_percent":10},
        {"product_id":"p2","quantity":1,"unit_price":{"amount":"450.00","currency":"USD"}}],
        "occurred_at":"2017-01-20T00:00:00Z"})");
    Run("WinOpportunity", R"({"opportunity_id":"d1","occurred_at":"2017-02-01T00:00:00Z"})");
    Compete("d4", "k2", "2017-02-15");
    Run("DraftOpportunityQuote", R"({"opportunity_id":"d2","valid_until":"2017-12-31","lines":[
        {"product_id":"p1","quantity":1,"unit_price":{"amount":"1000.00","currency":"USD"}}],
        "occurred_at":"2017-03-10T00:00:00Z"})");
    Compete("d2", "k1", "2017-03-20");
    Run("LoseOpportunity", R"({"opportunity_id":"d2","reason":"price","competitor_id":"k1",
        "occurred_at":"2017-04-01T00:00:00Z"})");
    Run("RemoveOpportunityCompetitor", R"({"opportunity_id":"d4","competitor_id":"k2",
        "occurred_at":"2017-04-15T00:00:00Z"})");
    Run("WinOpportunity", R"({"opportunity_id":"d3","occurred_at":"2017-05-01T00:00:00Z"})");
    Run("WinOpportunity", R"({"opportunity_id":"d5","occurred_at":"2017-06-01T00:00:00Z"})");
  }

  void Product(const std::string& id, const std::string& name, const std::string& price,
               const std::string& line) {
    Run("RegisterProduct", R"({"id":")" + id + R"(","sku":")" + id + R"(","name":")" + name +
                               R"(","list_price":{"amount":")" + price +
                               R"(","currency":"USD"},"product_line":")" + line +
                               R"(","occurred_at":"2017-01-01T00:00:00Z"})");
  }
  void Open(const std::string& id, const std::string& amount, const std::string& products) {
    Run("OpenOpportunity", R"({"id":")" + id + R"(","customer_id":"c1","title":"Deal",
        "owner_id":"ann","amount":{"amount":")" + amount +
                               R"(","currency":"USD"},"expected_close_date":"2017-09-30",
        "product_ids":)" + products + R"(,"occurred_at":"2017-01-02T00:00:00Z"})");
  }
  void Compete(const std::string& deal, const std::string& competitor, const std::string& day) {
    Run("RecordCompetitor", R"({"opportunity_id":")" + deal + R"(","competitor_id":")" +
                                competitor + R"(","occurred_at":")" + day + R"(T00:00:00Z"})");
  }

  ProductPerformanceView Query(const AsOf& at, const Filters& filters = {}) {
    auto v = Models().ProductPerformance(at, filters);
    EXPECT_TRUE(v.ok()) << v.error().ToString();
    return v.ok() ? *v : ProductPerformanceView{};
  }
  static const ProductFigures& Of(const ProductPerformanceView& v, std::string_view id) {
    for (const ProductRow& p : v.products) {
      if (p.product_id == id) return p.figures;
    }
    ADD_FAILURE() << id;
    static const ProductFigures kNone;
    return kNone;
  }
  static const ProductFigures& Line(const ProductPerformanceView& v, std::string_view line) {
    for (const ProductLineRow& l : v.product_lines) {
      if (l.product_line == line) return l.figures;
    }
    ADD_FAILURE() << line;
    static const ProductFigures kNone;
    return kNone;
  }
};

TEST_F(ProductPerformanceTest, PerProduct) {
  const ProductPerformanceView v = Query({}, {.period = "2017"});
  EXPECT_EQ(v.currency, "USD");
  ASSERT_EQ(v.products.size(), 3u);
  // By won revenue: p1 5,000.01, p2 5,000.00, p3 2,000.00.
  EXPECT_EQ(v.products[0].product_id, "p1");
  EXPECT_EQ(v.products[0].name, "Server");
  EXPECT_EQ(v.products[0].product_line, "hardware");
  EXPECT_EQ(v.products[1].product_id, "p2");
  EXPECT_EQ(v.products[2].product_id, "p3");

  const ProductFigures& p1 = Of(v, "p1");  // d1 won, d2 lost, d4 open
  EXPECT_EQ(p1.deals, 3);
  EXPECT_EQ(p1.won_count, 1);
  EXPECT_EQ(p1.lost_count, 1);
  EXPECT_EQ(p1.open_count, 1);
  EXPECT_DOUBLE_EQ(*p1.win_rate, 0.5);
  EXPECT_EQ(p1.won_revenue, Usd(500001));  // half of 10,000.01, the odd cent first
  // d1: 900.00 net against 1,000.00 list; d2: 1,000.00 against 1,100.00
  // (the price of 03-01 was in force when d2 was quoted on 03-10).
  EXPECT_EQ(p1.quoted_lines, 2);
  EXPECT_EQ(p1.quoted_net, Usd(190000));
  EXPECT_EQ(p1.quoted_list, Usd(210000));
  EXPECT_DOUBLE_EQ(*p1.discount_depth, 1.0 - 1900.0 / 2100.0);
  EXPECT_EQ(p1.competed_deals, 3);  // d4's competitor was removed, but it was recorded
  EXPECT_DOUBLE_EQ(*p1.competitor_pressure, 1.0);

  const ProductFigures& p2 = Of(v, "p2");
  EXPECT_EQ(p2.deals, 1);
  EXPECT_DOUBLE_EQ(*p2.win_rate, 1.0);
  EXPECT_EQ(p2.won_revenue, Usd(500000));
  EXPECT_DOUBLE_EQ(*p2.discount_depth, 0.1);  // 450 against 500
  EXPECT_DOUBLE_EQ(*p2.competitor_pressure, 1.0);

  const ProductFigures& p3 = Of(v, "p3");  // d3 won alone, d4 open
  EXPECT_EQ(p3.deals, 2);
  EXPECT_EQ(p3.won_revenue, Usd(200000));
  EXPECT_DOUBLE_EQ(*p3.win_rate, 1.0);
  EXPECT_FALSE(p3.discount_depth.has_value());  // never quoted
  EXPECT_DOUBLE_EQ(*p3.competitor_pressure, 0.5);

  EXPECT_EQ(v.unattributed_won_count, 1);  // d5 has no products
  EXPECT_EQ(v.unattributed_won_revenue, Usd(100000));
}

TEST_F(ProductPerformanceTest, PerProductLineEachDealCountsOnce) {
  const ProductPerformanceView v = Query({}, {.period = "2017"});
  ASSERT_EQ(v.product_lines.size(), 2u);
  EXPECT_EQ(v.product_lines[0].product_line, "hardware");
  EXPECT_EQ(v.product_lines[0].products, 2);
  const ProductFigures& hw = Line(v, "hardware");  // d1 (both products), d2, d4
  EXPECT_EQ(hw.deals, 3);
  EXPECT_EQ(hw.won_count, 1);
  EXPECT_EQ(hw.lost_count, 1);
  EXPECT_EQ(hw.won_revenue, Usd(1000001));
  EXPECT_EQ(hw.quoted_lines, 3);
  EXPECT_DOUBLE_EQ(*hw.discount_depth, 1.0 - 2350.0 / 2600.0);
  EXPECT_DOUBLE_EQ(*hw.competitor_pressure, 1.0);
  const ProductFigures& services = Line(v, "services");  // d3, d4
  EXPECT_EQ(services.deals, 2);
  EXPECT_EQ(services.won_revenue, Usd(200000));
  EXPECT_DOUBLE_EQ(*services.competitor_pressure, 0.5);
}

TEST_F(ProductPerformanceTest, AsOfBeforeTheLossAndTheSecondQuote) {
  const ProductPerformanceView v = Query({.as_of = EndOfDay("2017-03-05")});
  const ProductFigures& p1 = Of(v, "p1");  // d1 won; d2 and d4 open
  EXPECT_EQ(p1.won_count, 1);
  EXPECT_EQ(p1.lost_count, 0);
  EXPECT_EQ(p1.open_count, 2);
  EXPECT_DOUBLE_EQ(*p1.win_rate, 1.0);
  EXPECT_EQ(p1.quoted_lines, 1);  // d2's quote comes on 03-10
  EXPECT_DOUBLE_EQ(*p1.discount_depth, 0.1);
  EXPECT_EQ(p1.competed_deals, 2);  // d1 and d4; d2's competitor comes on 03-20
  EXPECT_EQ(Of(v, "p3").won_count, 0);
}

TEST_F(ProductPerformanceTest, ProductFilterAndALineChangeAsOfAnyInstant) {
  Run("UpdateProduct", R"({"product_id":"p3","product_line":"support",
      "occurred_at":"2017-07-01T00:00:00Z"})");
  const ProductPerformanceView now = Query({}, {.product = "p3"});
  ASSERT_EQ(now.products.size(), 1u);
  EXPECT_EQ(now.products[0].product_id, "p3");
  EXPECT_EQ(now.products[0].product_line, "support");
  ASSERT_EQ(now.product_lines.size(), 1u);
  EXPECT_EQ(now.product_lines[0].product_line, "support");
  EXPECT_EQ(now.product_lines[0].figures.deals, 2);
  const ProductPerformanceView june = Query({.as_of = EndOfDay("2017-06-30")}, {.product = "p3"});
  ASSERT_EQ(june.product_lines.size(), 1u);
  EXPECT_EQ(june.product_lines[0].product_line, "services");
}

}  // namespace
}  // namespace dealstream::projections
