#include <gtest/gtest.h>

#include "domain/config/activity_types.h"
#include "domain/config/loss_reasons.h"
#include "domain/config/sales_process.h"
#include "tests/domain/decision_expect.h"
#include "tests/domain/fake_directory.h"

namespace dealstream::domain {
namespace {

using testing::Emits;
using testing::FakeDirectory;
using testing::GivenWhen;
using testing::IsRefused;
using C = ForecastCategory;

// DESIGN §2.3, verbatim: "Prospecting 10, Qualification 10, Needs Analysis
// 20, Value Proposition 50, Identify Decision Makers 60, Perception Analysis
// 70, Proposal/Price Quote 75, Negotiation/Review 90, Closed Won 100,
// Closed Lost 0."
TEST(DefaultSalesProcessTest, MatchesTheDesignExactly) {
  const std::vector<std::pair<std::string, int32_t>> design = {{"Prospecting", 10},
                                                               {"Qualification", 10},
                                                               {"Needs Analysis", 20},
                                                               {"Value Proposition", 50},
                                                               {"Identify Decision Makers", 60},
                                                               {"Perception Analysis", 70},
                                                               {"Proposal/Price Quote", 75},
                                                               {"Negotiation/Review", 90},
                                                               {"Closed Won", 100},
                                                               {"Closed Lost", 0}};
  SalesProcessFacts facts = DefaultSalesProcess();
  ASSERT_EQ(facts.stages.size(), design.size());
  for (size_t i = 0; i < design.size(); ++i) {
    EXPECT_EQ(facts.stages[i].name, design[i].first) << i;
    EXPECT_EQ(facts.stages[i].probability, design[i].second) << i;
    EXPECT_EQ(facts.stages[i].closed, i >= 8) << i;
  }
  EXPECT_EQ(facts.stages[0].forecast_category, "pipeline");
  EXPECT_EQ(facts.stages[6].forecast_category, "best_case");
  EXPECT_EQ(facts.stages[7].forecast_category, "commit");
  EXPECT_EQ(facts.stages[8].forecast_category, "closed");
  EXPECT_EQ(facts.stages[9].forecast_category, "omitted");
  EXPECT_EQ(facts.activity_types, (std::vector<std::string>{"call", "visit", "demo", "proposal",
                                                            "bid", "negotiation", "care"}));
  EXPECT_FALSE(facts.loss_reasons.empty());
}

TEST(DefaultSalesProcessTest, IsValidAndInForceUntilConfigured) {
  FakeDirectory directory;
  DecideContext ctx{testing::TestNow(), Id{"admin"}, directory};
  // Configuring exactly the defaults changes nothing, so the rules accept
  // every default stage and then report that it is in force.
  EXPECT_TRUE(IsRefused(
      GivenWhen<SalesProcessAggregate>({}, ConfigureSalesProcess{DefaultSalesStages()}, ctx),
      "sales_process_unchanged", "stages"));
  EXPECT_EQ(FactsOf(SalesProcessState{}).size(), 10u);
}

class SalesProcessTest : public ::testing::Test {
 protected:
  Decision<SalesProcessAggregate::Event> When(std::vector<SalesStage> stages) {
    return GivenWhen<SalesProcessAggregate>(
        {}, ConfigureSalesProcess{std::move(stages)},
        DecideContext{testing::TestNow(), Id{"admin"}, directory_});
  }
  static std::vector<SalesStage> Short() {
    return {{"Qualify", 20, C::kPipeline, false},
            {"Propose", 60, C::kBestCase, false},
            {"Won", 100, C::kClosed, true},
            {"Lost", 0, C::kOmitted, true}};
  }
  FakeDirectory directory_;
};

TEST_F(SalesProcessTest, ConfiguresAndThenServesTheNewStages) {
  EXPECT_TRUE(Emits(When(Short()), {SalesProcessConfigured{Short()}}));
  SalesProcessState state =
      testing::StateAfter<SalesProcessAggregate>({SalesProcessConfigured{Short()}});
  std::vector<StageFacts> facts = FactsOf(state);
  ASSERT_EQ(facts.size(), 4u);
  EXPECT_EQ(facts[1].name, "Propose");
  EXPECT_EQ(facts[1].probability, 60);
  EXPECT_EQ(facts[1].forecast_category, "best_case");
  // Going back to the defaults is a change once something else is in force.
  EXPECT_TRUE(Emits(
      GivenWhen<SalesProcessAggregate>({SalesProcessConfigured{Short()}},
                                       ConfigureSalesProcess{DefaultSalesStages()},
                                       DecideContext{testing::TestNow(), Id{"admin"}, directory_}),
      {SalesProcessConfigured{DefaultSalesStages()}}));
}

TEST_F(SalesProcessTest, StageRules) {
  auto with = [](size_t index, auto change) {
    std::vector<SalesStage> stages = Short();
    change(stages[index]);
    return stages;
  };
  EXPECT_TRUE(IsRefused(When(with(0, [](SalesStage& s) { s.name = " "; })), "stage_name_blank",
                        "stages[0].name"));
  EXPECT_TRUE(IsRefused(When(with(1, [](SalesStage& s) { s.name = "QUALIFY"; })),
                        "stage_name_duplicate", "stages[1].name"));
  EXPECT_TRUE(IsRefused(When(with(0, [](SalesStage& s) { s.probability = 101; })),
                        "probability_out_of_range", "stages[0].probability"));
  EXPECT_TRUE(IsRefused(When(with(0, [](SalesStage& s) { s.probability = -1; })),
                        "probability_out_of_range", "stages[0].probability"));
  EXPECT_TRUE(IsRefused(When(with(0, [](SalesStage& s) { s.forecast_category = C::kClosed; })),
                        "open_stage_category", "stages[0].forecast_category"));
  EXPECT_TRUE(IsRefused(When(with(2, [](SalesStage& s) { s.forecast_category = C::kCommit; })),
                        "closed_stage_category", "stages[2].forecast_category"));
  EXPECT_TRUE(IsRefused(When(with(2, [](SalesStage& s) { s.probability = 90; })),
                        "won_stage_probability", "stages[2].probability"));
  EXPECT_TRUE(IsRefused(When(with(3, [](SalesStage& s) { s.probability = 5; })),
                        "lost_stage_probability", "stages[3].probability"));
}

TEST_F(SalesProcessTest, ProcessShapeRules) {
  std::vector<SalesStage> stages = Short();
  std::swap(stages[1], stages[2]);
  EXPECT_TRUE(IsRefused(When(stages), "closed_stage_not_last", "stages[2].closed"));
  EXPECT_TRUE(IsRefused(When({Short()[2], Short()[3]}), "open_stage_required", "stages"));
  EXPECT_TRUE(IsRefused(When({Short()[0], Short()[3]}), "won_stage_required", "stages"));
  EXPECT_TRUE(IsRefused(When({Short()[0], Short()[2]}), "lost_stage_required", "stages"));
  stages = Short();
  stages.push_back({"Lost again", 0, C::kOmitted, true});
  EXPECT_TRUE(IsRefused(When(stages), "lost_stage_required", "stages"));
  EXPECT_TRUE(IsRefused(When({}), "open_stage_required", "stages"));
  stages.clear();
  for (size_t i = 0; i < kMaxStages; ++i) {
    stages.push_back({"S" + std::to_string(i), 10, C::kPipeline, false});
  }
  stages.push_back(Short()[2]);
  stages.push_back(Short()[3]);
  EXPECT_TRUE(IsRefused(When(stages), "too_many_stages", "stages"));
}

TEST_F(SalesProcessTest, CurrentProcessCombinesTheThreeRecords) {
  SalesProcessState process =
      testing::StateAfter<SalesProcessAggregate>({SalesProcessConfigured{Short()}});
  LossReasonsState reasons =
      testing::StateAfter<LossReasonsAggregate>({LossReasonsDefined{{"price"}, {}}});
  SalesProcessFacts facts = CurrentSalesProcess(process, reasons, ActivityTypesState{});
  ASSERT_EQ(facts.stages.size(), 4u);
  EXPECT_EQ(facts.stages[2].name, "Won");
  EXPECT_EQ(facts.loss_reasons, std::vector<std::string>{"price"});
  EXPECT_EQ(facts.activity_types, DefaultActivityTypes());
  SalesProcessFacts fresh = CurrentSalesProcess({}, {}, {});
  EXPECT_EQ(fresh.stages.size(), DefaultSalesProcess().stages.size());
  EXPECT_EQ(fresh.loss_reasons, DefaultSalesProcess().loss_reasons);
}

class PickListTest : public ::testing::Test {
 protected:
  DecideContext Ctx() { return DecideContext{testing::TestNow(), Id{"admin"}, directory_}; }
  FakeDirectory directory_;
};

TEST_F(PickListTest, DefinesLossReasonsWithThePreviousList) {
  std::vector<std::string> reasons = {"price", "lost to incumbent", "no budget"};
  EXPECT_TRUE(Emits(GivenWhen<LossReasonsAggregate>({}, DefineLossReasons{reasons}, Ctx()),
                    {LossReasonsDefined{reasons, DefaultLossReasons()}}));
  std::vector<LossReasonsAggregate::Event> given = {
      LossReasonsDefined{reasons, DefaultLossReasons()}};
  EXPECT_EQ(FactsOf(testing::StateAfter<LossReasonsAggregate>(given)), reasons);
  EXPECT_TRUE(Emits(GivenWhen<LossReasonsAggregate>(given, DefineLossReasons{{"price"}}, Ctx()),
                    {LossReasonsDefined{{"price"}, reasons}}));
}

TEST_F(PickListTest, LossReasonRules) {
  auto when = [&](std::vector<std::string> reasons) {
    return GivenWhen<LossReasonsAggregate>({}, DefineLossReasons{std::move(reasons)}, Ctx());
  };
  EXPECT_TRUE(IsRefused(when({}), "loss_reasons_required", "reasons"));
  EXPECT_TRUE(IsRefused(when({"price", ""}), "loss_reason_blank", "reasons[1]"));
  EXPECT_TRUE(IsRefused(when({"price", "Price"}), "loss_reason_duplicate", "reasons[1]"));
  EXPECT_TRUE(IsRefused(when(std::vector<std::string>(kMaxLossReasons + 1, "x")),
                        "too_many_loss_reasons", "reasons"));
  EXPECT_TRUE(IsRefused(when(DefaultLossReasons()), "loss_reasons_unchanged", "reasons"));
}

TEST_F(PickListTest, DefinesActivityTypes) {
  std::vector<std::string> types = {"call", "visit", "webinar"};
  EXPECT_TRUE(Emits(GivenWhen<ActivityTypesAggregate>({}, DefineActivityTypes{types}, Ctx()),
                    {ActivityTypesDefined{types, DefaultActivityTypes()}}));
  EXPECT_EQ(FactsOf(testing::StateAfter<ActivityTypesAggregate>({ActivityTypesDefined{types, {}}})),
            types);
  EXPECT_EQ(FactsOf(ActivityTypesState{}), DefaultActivityTypes());
}

TEST_F(PickListTest, ActivityTypeRules) {
  auto when = [&](std::vector<std::string> types) {
    return GivenWhen<ActivityTypesAggregate>({}, DefineActivityTypes{std::move(types)}, Ctx());
  };
  EXPECT_TRUE(IsRefused(when({}), "activity_types_required", "types"));
  EXPECT_TRUE(IsRefused(when({"  "}), "activity_type_blank", "types[0]"));
  EXPECT_TRUE(IsRefused(when({"Demo", "demo"}), "activity_type_duplicate", "types[1]"));
  EXPECT_TRUE(IsRefused(when(std::vector<std::string>(kMaxActivityTypes + 1, "x")),
                        "too_many_activity_types", "types"));
  EXPECT_TRUE(IsRefused(when(DefaultActivityTypes()), "activity_types_unchanged", "types"));
}

}  // namespace
}  // namespace dealstream::domain
