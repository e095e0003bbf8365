#include "projections/funnel.h"

#include <gtest/gtest.h>

#include "pipeline_scenario.h"
#include "projections/forecast.h"

namespace dealstream::projections {
namespace {

using testing::EndOf;
using testing::Story;
using testing::Usd;

const FunnelStageRow& Row(const FunnelView& v, std::string_view stage) {
  for (const FunnelStageRow& r : v.stages) {
    if (r.stage == stage) return r;
  }
  static const FunnelStageRow kNone;
  ADD_FAILURE() << "no row for " << stage;
  return kNone;
}

class FunnelTest : public ::testing::Test {
 protected:
  void SetUp() override { testing::TellPipelineScenario(story_); }
  FunnelView Funnel(const Visibility& vis, const Filters& f = {}) {
    return BuildFunnel(story_.books(), story_.ScopeOf(vis, f));
  }
  Story story_;
};

TEST_F(FunnelTest, NowCountsEachOpenDealInItsStageWithWeightedAmounts) {
  const FunnelView v = Funnel(Visibility::Now());
  EXPECT_EQ(v.currency, "USD");
  // Process order: 8 open stages, then Closed Won and Closed Lost.
  ASSERT_EQ(v.stages.size(), 10u);
  EXPECT_EQ(v.stages.front().stage, "Prospecting");
  EXPECT_EQ(v.stages[8].stage, "Closed Won");

  EXPECT_EQ(Row(v, "Prospecting").count, 1);  // d1
  EXPECT_EQ(Row(v, "Prospecting").amount, Usd(100000));
  EXPECT_EQ(Row(v, "Prospecting").weighted_amount, Usd(10000));
  EXPECT_EQ(Row(v, "Prospecting").probability, 10);
  EXPECT_EQ(Row(v, "Qualification").count, 0);
  EXPECT_EQ(Row(v, "Qualification").amount, Usd(0));
  EXPECT_EQ(Row(v, "Needs Analysis").count, 1);  // d2
  EXPECT_EQ(Row(v, "Needs Analysis").weighted_amount, Usd(10000));
  EXPECT_EQ(Row(v, "Proposal/Price Quote").count, 1);  // d5
  EXPECT_EQ(Row(v, "Proposal/Price Quote").weighted_amount, Usd(22500));
  EXPECT_EQ(Row(v, "Closed Won").count, 1);
  EXPECT_EQ(Row(v, "Closed Won").amount, Usd(180000));
  EXPECT_EQ(Row(v, "Closed Won").weighted_amount, Usd(180000));
  EXPECT_EQ(Row(v, "Closed Lost").count, 1);
  EXPECT_EQ(Row(v, "Closed Lost").weighted_amount, Usd(0));

  EXPECT_EQ(v.open.count, 3);
  EXPECT_EQ(v.open.amount, Usd(180000));
  EXPECT_EQ(v.open.weighted_amount, Usd(42500));
  EXPECT_EQ(v.won.count, 1);
  EXPECT_EQ(v.won.amount, Usd(180000));
  EXPECT_EQ(v.lost.count, 1);
  EXPECT_EQ(v.lost.amount, Usd(80000));
  EXPECT_TRUE(v.other_currencies.empty());
}

TEST_F(FunnelTest, AsOfAPastDayShowsThePipelineAsItStoodThen) {
  // End of 2017-02-07: d1 Prospecting 100k, d2 Needs Analysis 50k,
  // d3 Prospecting 200k, d4 Prospecting 80k, d5 Proposal 30k (still bob's).
  const FunnelView v = Funnel(testing::AsOfTime(EndOf("2017-02-07")));
  EXPECT_EQ(v.open.count, 5);
  EXPECT_EQ(v.open.amount, Usd(460000));
  // 10% of 380k + 20% of 50k + 75% of 30k = 38k + 10k + 22.5k
  EXPECT_EQ(v.open.weighted_amount, Usd(70500));
  EXPECT_EQ(Row(v, "Prospecting").count, 3);
  EXPECT_EQ(v.won.count, 0);
  EXPECT_EQ(v.lost.count, 0);

  // The same instant, West only: d3, d4 and d5 (reassigned to East on 02-15).
  const FunnelView west = Funnel(testing::AsOfTime(EndOf("2017-02-07")), {.department = "west"});
  EXPECT_EQ(west.open.count, 3);
  EXPECT_EQ(west.open.amount, Usd(310000));
}

TEST_F(FunnelTest, DepartmentSubtreeAndOwnerFilters) {
  const FunnelView east = Funnel(Visibility::Now(), {.department = "east"});
  EXPECT_EQ(east.open.count, 3);  // d1, d2, d5
  EXPECT_EQ(east.won.count, 0);
  const FunnelView hq = Funnel(Visibility::Now(), {.department = "hq"});
  EXPECT_EQ(hq.open.count, 3);
  EXPECT_EQ(hq.won.count, 1);
  EXPECT_EQ(hq.lost.count, 1);
  const FunnelView bob = Funnel(Visibility::Now(), {.owner = "bob"});
  EXPECT_EQ(bob.open.count, 0);
  EXPECT_EQ(bob.won.amount, Usd(180000));
  const FunnelView nobody = Funnel(Visibility::Now(), {.owner = "nobody"});
  EXPECT_EQ(nobody.open.count + nobody.won.count + nobody.lost.count, 0);
}

TEST_F(FunnelTest, PeriodSelectsByExpectedCloseWhileOpenAndByClosingDateOnceClosed) {
  const FunnelView q1 = Funnel(Visibility::Now(), {.period = "2017-Q1"});
  EXPECT_EQ(q1.open.count, 2);  // d1 (03-31), d5 (03-15); d2 closes 04-30
  EXPECT_EQ(q1.open.amount, Usd(130000));
  EXPECT_EQ(q1.won.count, 1);   // d3 won 03-15
  EXPECT_EQ(q1.lost.count, 1);  // d4 lost 02-20
  const FunnelView feb = Funnel(Visibility::Now(), {.period = "2017-02"});
  EXPECT_EQ(feb.open.count, 0);
  EXPECT_EQ(feb.lost.count, 1);
  const FunnelView april = Funnel(Visibility::Now(), {.period = "2017-04"});
  EXPECT_EQ(april.open.count, 1);  // d2
  EXPECT_FALSE(ResolveScope(story_.books(), Visibility::Now(), {.period = "2017-Q5"}).ok());
}

TEST_F(FunnelTest, ProductFilterAndOtherCurrencies) {
  story_.Open("2017-03-01", "d6", "alice", "east", domain::Money{500000, "EUR"}, "2017-06-30",
              "Prospecting", "c2", {"p1"});
  story_.Open("2017-03-02", "d7", "alice", "east", Usd(1000), "2017-06-30", "Prospecting", "c2",
              {"p1", "p2"});
  const FunnelView all = Funnel(Visibility::Now());
  EXPECT_EQ(all.currency, "USD");
  ASSERT_EQ(all.other_currencies.size(), 1u);
  EXPECT_EQ(all.other_currencies[0].currency, "EUR");
  EXPECT_EQ(all.other_currencies[0].count, 1);
  const FunnelView eur = Funnel(Visibility::Now(), {.currency = "EUR"});
  EXPECT_EQ(eur.open.count, 1);
  EXPECT_EQ(eur.open.amount, (domain::Money{500000, "EUR"}));
  const FunnelView p2 = Funnel(Visibility::Now(), {.product = "p2"});
  EXPECT_EQ(p2.open.count, 1);
  EXPECT_EQ(p2.open.amount, Usd(1000));
}

TEST_F(FunnelTest, ForecastGroupsOpenDealsByCloseQuarterAndCategoryBesideWonDeals) {
  const ForecastView f = BuildForecast(story_.books(), story_.ScopeOf(Visibility::Now()),
                                       Granularity::kQuarter);
  // Q1: d1 pipeline 100k (w 10k), d5 best_case 30k (w 22.5k), won d3 180k.
  // Q2: d2 pipeline 50k (w 10k).
  ASSERT_EQ(f.rows.size(), 4u);
  auto find = [&](std::string_view period, std::string_view category) -> const ForecastRow* {
    for (const ForecastRow& r : f.rows) {
      if (r.period == period && r.category == category) return &r;
    }
    return nullptr;
  };
  ASSERT_NE(find("2017-Q1", "pipeline"), nullptr);
  EXPECT_EQ(find("2017-Q1", "pipeline")->amount, Usd(100000));
  EXPECT_EQ(find("2017-Q1", "pipeline")->weighted_amount, Usd(10000));
  ASSERT_NE(find("2017-Q1", "best_case"), nullptr);
  EXPECT_EQ(find("2017-Q1", "best_case")->weighted_amount, Usd(22500));
  ASSERT_NE(find("2017-Q1", "closed"), nullptr);
  EXPECT_EQ(find("2017-Q1", "closed")->amount, Usd(180000));
  ASSERT_NE(find("2017-Q2", "pipeline"), nullptr);
  EXPECT_EQ(find("2017-Q2", "pipeline")->count, 1);

  ASSERT_EQ(f.won_lost.size(), 1u);  // only Q1 has closings
  EXPECT_EQ(f.won_lost[0].period, "2017-Q1");
  EXPECT_EQ(f.won_lost[0].won_count, 1);
  EXPECT_EQ(f.won_lost[0].won_amount, Usd(180000));
  EXPECT_EQ(f.won_lost[0].lost_count, 1);
  EXPECT_EQ(f.won_lost[0].lost_amount, Usd(80000));

  const ForecastView monthly = BuildForecast(
      story_.books(), story_.ScopeOf(Visibility::Now(), {.period = "2017-Q1"}), Granularity::kMonth);
  ASSERT_EQ(monthly.won_lost.size(), 2u);
  EXPECT_EQ(monthly.won_lost[0].period, "2017-02");
  EXPECT_EQ(monthly.won_lost[1].period, "2017-03");
}

}  // namespace
}  // namespace dealstream::projections
