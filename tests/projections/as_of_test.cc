// Time travel across stage changes, reassignments, reopenings, backdated
// facts and late knowledge (DESIGN §4; docs/projections.md#as-of).
#include <gtest/gtest.h>

#include "pipeline_scenario.h"
#include "projections/funnel.h"
#include "projections/pipeline_analysis.h"

namespace dealstream::projections {
namespace {

using testing::AsOfTime;
using testing::EndOf;
using testing::KnownAtPosition;
using testing::Story;
using testing::Usd;

class AsOfTest : public ::testing::Test {
 protected:
  void SetUp() override { testing::TellPipelineScenario(story_); }
  FunnelView Funnel(const Visibility& vis, const Filters& f = {}) {
    return BuildFunnel(story_.books(), story_.ScopeOf(vis, f));
  }
  DealState Deal(std::string_view id, const Visibility& vis) {
    auto index = story_.books().opportunities.Find(id);
    EXPECT_TRUE(index.has_value()) << id;
    return story_.books().opportunities.StateOf(*index, vis);
  }
  std::string_view StageOf(std::string_view id, const Visibility& vis) {
    return story_.books().opportunities.StageName(Deal(id, vis).stage);
  }
  Story story_;
};

TEST_F(AsOfTest, ADealDoesNotExistBeforeItsOpening) {
  EXPECT_FALSE(Deal("d5", AsOfTime(EndOf("2017-01-31"))).exists);
  EXPECT_TRUE(Deal("d5", AsOfTime(testing::At("2017-02-01"))).exists);
  EXPECT_EQ(Funnel(AsOfTime(EndOf("2017-01-04"))).open.count, 0);
}

TEST_F(AsOfTest, StageChangesShowInTheStageRowsOfTheirDay) {
  EXPECT_EQ(StageOf("d3", AsOfTime(EndOf("2017-02-09"))), "Prospecting");
  EXPECT_EQ(StageOf("d3", AsOfTime(EndOf("2017-02-10"))), "Negotiation/Review");
  EXPECT_EQ(StageOf("d3", AsOfTime(EndOf("2017-03-15"))), "Closed Won");
}

TEST_F(AsOfTest, ReassignmentMovesTheDealBetweenOwnersAndDepartmentsOnItsDay) {
  EXPECT_EQ(Funnel(AsOfTime(EndOf("2017-02-14")), {.owner = "alice"}).open.count, 2);
  EXPECT_EQ(Funnel(AsOfTime(EndOf("2017-02-15")), {.owner = "alice"}).open.count, 3);
  EXPECT_EQ(Funnel(AsOfTime(EndOf("2017-02-14")), {.department = "west"}).open.count, 3);
  EXPECT_EQ(Funnel(AsOfTime(EndOf("2017-02-15")), {.department = "west"}).open.count, 2);
}

TEST_F(AsOfTest, AReopenedDealIsWonAsOfThePastAndOpenNow) {
  story_.Reopen("2017-04-02", "d3", "Negotiation/Review", Usd(180000));
  const FunnelView march = Funnel(AsOfTime(EndOf("2017-03-31")), {.period = "2017-Q1"});
  EXPECT_EQ(march.won.count, 1);
  EXPECT_EQ(march.won.amount, Usd(180000));
  const FunnelView now = Funnel(Visibility::Now());
  EXPECT_EQ(now.won.count, 0);  // no longer won: it counts where it stands now
  EXPECT_EQ(now.open.count, 4);
  EXPECT_EQ(StageOf("d3", Visibility::Now()), "Negotiation/Review");
  // Now, Q1 no longer holds the win; the open deal is expected to close 03-31.
  const FunnelView q1 = Funnel(Visibility::Now(), {.period = "2017-Q1"});
  EXPECT_EQ(q1.won.count, 0);
  EXPECT_EQ(q1.open.count, 3);
  // Won again later: it counts in the period of the new win.
  story_.Win("2017-05-10", "d3", Usd(175000));
  EXPECT_EQ(Funnel(Visibility::Now(), {.period = "2017-Q2"}).won.amount, Usd(175000));
  EXPECT_EQ(Funnel(Visibility::Now(), {.period = "2017-Q1"}).won.count, 0);
}

TEST_F(AsOfTest, BackdatedFactsCountFromTheirBusinessTimeButOnlyOnceKnown) {
  const uint64_t before = story_.position();
  story_.Revise("2017-01-06", "d1", Usd(120000));  // recorded now, happened in January
  const Visibility feb7 = AsOfTime(EndOf("2017-02-07"));
  EXPECT_EQ(Deal("d1", feb7).amount, 12000000);
  // What the system showed for 02-07 before the correction was recorded.
  Visibility then = feb7;
  then.max_position = before;
  EXPECT_EQ(Deal("d1", then).amount, 10000000);
  EXPECT_EQ(Funnel(then).open.amount, Usd(460000));
  EXPECT_EQ(Funnel(feb7).open.amount, Usd(480000));
  // Before the corrected day the opening amount still holds.
  EXPECT_EQ(Deal("d1", AsOfTime(EndOf("2017-01-05"))).amount, 10000000);
}

TEST_F(AsOfTest, OutOfOrderFactsFoldInRecordingOrder) {
  story_.Open("2017-03-01", "d6", "alice", "east", Usd(10000), "2017-06-30");
  story_.Advance("2017-03-10", "d6", "Value Proposition", Usd(10000));
  const uint64_t before_correction = story_.position();
  story_.MoveBack("2017-03-05", "d6", "Qualification", Usd(10000));

  EXPECT_EQ(StageOf("d6", AsOfTime(EndOf("2017-03-02"))), "Prospecting");
  EXPECT_EQ(StageOf("d6", AsOfTime(EndOf("2017-03-07"))), "Qualification");
  // Both facts have happened by 03-20; the one recorded last wins, exactly
  // as the write side's state does.
  EXPECT_EQ(StageOf("d6", AsOfTime(EndOf("2017-03-20"))), "Qualification");
  EXPECT_EQ(StageOf("d6", Visibility::Now()), "Qualification");
  Visibility earlier_knowledge = AsOfTime(EndOf("2017-03-20"));
  earlier_knowledge.max_position = before_correction;
  EXPECT_EQ(StageOf("d6", earlier_knowledge), "Value Proposition");
  EXPECT_EQ(StageOf("d6", KnownAtPosition(before_correction)), "Value Proposition");
}

TEST_F(AsOfTest, TheFoldAtTheEndOfTimeEqualsTheIncrementalNowView) {
  story_.Reopen("2017-04-02", "d3", "Negotiation/Review", Usd(180000));
  story_.Revise("2017-01-06", "d1", Usd(120000));
  const Visibility end_of_time{.max_time = Timestamp::Max(), .max_position = UINT64_MAX - 1};
  EXPECT_TRUE(SameCells(story_.books().opportunities.BuildCells(end_of_time),
                        story_.books().opportunities.now_cells()));
}

TEST_F(AsOfTest, PipelineAnalysisConversionDaysInStageAndCycleLength) {
  const PipelineAnalysisView v =
      BuildPipelineAnalysis(story_.books(), story_.ScopeOf(Visibility::Now()));
  ASSERT_EQ(v.conversions.size(), 8u);
  EXPECT_EQ(v.conversions[0].stage, "Prospecting");
  EXPECT_EQ(v.conversions[0].reached, 5);
  EXPECT_EQ(v.conversions[0].advanced, 3);  // d2, d3 (won), d5
  EXPECT_DOUBLE_EQ(*v.conversions[0].rate, 0.6);
  EXPECT_EQ(v.conversions[6].stage, "Proposal/Price Quote");
  EXPECT_EQ(v.conversions[6].reached, 2);   // d3, d5
  EXPECT_EQ(v.conversions[6].advanced, 1);  // d3
  EXPECT_EQ(v.conversions[7].reached, 1);
  EXPECT_DOUBLE_EQ(*v.conversions[7].rate, 1.0);  // won
  EXPECT_EQ(v.won, 1);
  EXPECT_EQ(v.lost, 1);
  EXPECT_DOUBLE_EQ(*v.win_rate, 0.5);

  // Completed stays in Prospecting: d2 22 d, d3 26 d, d4 31 d, d5 4 d.
  EXPECT_EQ(v.days_in_stage[0].stays, 4);
  EXPECT_DOUBLE_EQ(*v.days_in_stage[0].average_days, 20.75);
  EXPECT_EQ(v.days_in_stage[7].stays, 1);  // d3 in Negotiation/Review 02-10 → 03-15
  EXPECT_DOUBLE_EQ(*v.days_in_stage[7].average_days, 33.0);
  EXPECT_FALSE(v.days_in_stage[2].average_days.has_value());  // d2 is still there
  EXPECT_DOUBLE_EQ(*v.won_cycle_days, 59.0);
  EXPECT_DOUBLE_EQ(*v.lost_cycle_days, 31.0);

  // As of 02-07 nothing has closed and d3 has not left Prospecting.
  const PipelineAnalysisView early =
      BuildPipelineAnalysis(story_.books(), story_.ScopeOf(AsOfTime(EndOf("2017-02-07"))));
  EXPECT_EQ(early.won + early.lost, 0);
  EXPECT_FALSE(early.win_rate.has_value());
  EXPECT_EQ(early.days_in_stage[0].stays, 2);  // d2 22 d, d5 4 d
  EXPECT_DOUBLE_EQ(*early.days_in_stage[0].average_days, 13.0);
}

}  // namespace
}  // namespace dealstream::projections
