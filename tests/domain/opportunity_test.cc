// Opening, scoring, stages, revisions, closing and reopening.
#include "domain/opportunity/opportunity.h"

#include <gtest/gtest.h>

#include "tests/domain/opportunity_fixture.h"

namespace dealstream::domain::testing {
namespace {

TEST_F(OpportunityTest, OpensInTheFirstStageWithTheOwnersDepartment) {
  EXPECT_TRUE(Emits(When({}, Open()), {Opened()}));

  OpenOpportunity in_west = Open();
  in_west.department_id = Id{"west"};
  in_west.product_ids.reset();
  OpportunityOpened expected = Opened();
  expected.department_id = Id{"west"};
  expected.product_ids.clear();
  EXPECT_TRUE(Emits(When({}, in_west), {expected}));
}

TEST_F(OpportunityTest, OpeningRules) {
  auto open = [&](auto change) {
    OpenOpportunity c = Open();
    change(c);
    return When({}, c);
  };
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.id.reset(); }), "id_required", "id"));
  EXPECT_TRUE(IsRefused(When({Opened()}, Open()), "opportunity_exists", ""));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.title = "  "; }), "title_required", "title"));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.amount = Usd(-1); }), "negative_amount", "amount"));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.expected_close_date = Day(2017, 3, 14); }),
                        "close_date_in_past", "expected_close_date"));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.customer_id = Id{"nobody"}; }), "customer_not_found",
                        "customer_id"));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.customer_id = Id{"old"}; }), "customer_archived",
                        "customer_id"));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.customer_id = Id{"dup"}; }), "customer_merged",
                        "customer_id"));
  EXPECT_TRUE(
      IsRefused(open([](auto& c) { c.owner_id = Id{"nobody"}; }), "owner_not_found", "owner_id"));
  EXPECT_TRUE(
      IsRefused(open([](auto& c) { c.owner_id = Id{"gone"}; }), "owner_inactive", "owner_id"));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.department_id = Id{"nowhere"}; }),
                        "department_not_found", "department_id"));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.department_id = Id{"shut"}; }), "department_closed",
                        "department_id"));
  EXPECT_TRUE(IsRefused(open([](auto& c) {
                          c.product_ids = std::vector<Id>{Id{"p1"}, Id{"p9"}};
                        }),
                        "product_not_found", "product_ids[1]"));
  EXPECT_TRUE(IsRefused(open([](auto& c) {
                          c.product_ids = std::vector<Id>{Id{"p1"}, Id{"p1"}};
                        }),
                        "duplicate_product", "product_ids[1]"));
  directory_.sales_process.stages = {{"Closed Won", 100, "closed", true}};
  EXPECT_TRUE(IsRefused(When({}, Open()), "sales_process_not_configured", ""));
}

TEST_F(OpportunityTest, EvaluatesWithTheDefaultQuestionnaireAndRecordsWeights) {
  EvaluateOpportunity c{Id{"o1"},
                        {{"expected_amount", 8},
                         {"urgency", 6},
                         {"budget_secured", 10},
                         {"competition", 4},
                         {"relationship", 7}}};
  // 10 × (25·8 + 20·6 + 25·10 + 15·4 + 15·7) / 100 = 73.5, rounded half up.
  EXPECT_TRUE(Emits(When({Opened()}, c), {OpportunityEvaluated{Id{"o1"},
                                                               {{"expected_amount", 8, 25},
                                                                {"urgency", 6, 20},
                                                                {"budget_secured", 10, 25},
                                                                {"competition", 4, 15},
                                                                {"relationship", 7, 15}},
                                                               74,
                                                               std::nullopt,
                                                               Id{"li"}}}));
}

TEST_F(OpportunityTest, EvaluatesWithTheConfiguredQuestionnaireAndKeepsThePreviousScore) {
  directory_.sales_process.scoring_criteria = {{"fit", 3}, {"budget", 1}};
  OpportunityEvaluated before{Id{"o1"}, {}, 40, std::nullopt, Id{"li"}};
  EXPECT_TRUE(Emits(
      When({Opened(), before}, EvaluateOpportunity{Id{"o1"}, {{"budget", 2}, {"fit", 10}}}),
      {OpportunityEvaluated{Id{"o1"}, {{"budget", 2, 1}, {"fit", 10, 3}}, 80, 40, Id{"li"}}}));
}

TEST_F(OpportunityTest, EvaluationRules) {
  directory_.sales_process.scoring_criteria = {{"fit", 3}, {"budget", 1}};
  auto evaluate = [&](std::vector<ScoringAnswer> answers) {
    return When({Opened()}, EvaluateOpportunity{Id{"o1"}, std::move(answers)});
  };
  EXPECT_TRUE(
      IsRefused(evaluate({{"fit", 1}, {"luck", 1}}), "unknown_criterion", "answers[1].criterion"));
  EXPECT_TRUE(
      IsRefused(evaluate({{"fit", 1}, {"fit", 2}}), "duplicate_criterion", "answers[1].criterion"));
  EXPECT_TRUE(
      IsRefused(evaluate({{"fit", 11}, {"budget", 2}}), "answer_out_of_range", "answers[0].value"));
  EXPECT_TRUE(IsRefused(evaluate({{"fit", 1}}), "criterion_unanswered", "answers"));
  EXPECT_TRUE(IsRefused(When({}, EvaluateOpportunity{Id{"o1"}, {}}), "opportunity_not_found",
                        "opportunity_id"));
  EXPECT_TRUE(IsRefused(When({Opened(), Won()}, EvaluateOpportunity{Id{"o1"}, {}}),
                        "opportunity_closed", "opportunity_id"));
}

TEST_F(OpportunityTest, AdvancingRecordsTheProbabilityInForceAndThePlannedDate) {
  OpportunityStagesPlanned plan{Id{"o1"}, {{"Needs Analysis", Day(2017, 4, 1)}}, {}};
  OpportunityStageAdvanced expected =
      AdvancedTo("Needs Analysis", "Prospecting", 20, 10, "pipeline");
  expected.planned_date = Day(2017, 4, 1);
  EXPECT_TRUE(Emits(When({Opened(), plan}, AdvanceOpportunityStage{Id{"o1"}, "Needs Analysis"}),
                    {expected}));

  // A reconfigured probability is what the next change records.
  directory_.sales_process.stages[3].probability = 55;
  EXPECT_TRUE(Emits(When({Opened()}, AdvanceOpportunityStage{Id{"o1"}, "Value Proposition"}),
                    {AdvancedTo("Value Proposition", "Prospecting", 55, 10, "best_case")}));
}

TEST_F(OpportunityTest, MovingBackIsAllowedAndRecordedAsSuch) {
  auto at_proposal = AdvancedTo("Proposal/Price Quote", "Prospecting", 75, 10, "commit");
  OpportunityStageMovedBack expected;
  expected.opportunity_id = Id{"o1"};
  expected.stage = "Needs Analysis";
  expected.previous_stage = "Proposal/Price Quote";
  expected.probability = 20;
  expected.previous_probability = 75;
  expected.forecast_category = "pipeline";
  expected.amount = Usd(10000000);
  expected.reached_on = Day(2017, 3, 15);
  EXPECT_TRUE(
      Emits(When({Opened(), at_proposal}, AdvanceOpportunityStage{Id{"o1"}, "Needs Analysis"}),
            {expected}));
}

TEST_F(OpportunityTest, StageRules) {
  auto advance = [&](std::string stage) {
    return When({Opened()}, AdvanceOpportunityStage{Id{"o1"}, std::move(stage)});
  };
  EXPECT_TRUE(IsRefused(advance("Dreaming"), "unknown_stage", "stage"));
  EXPECT_TRUE(IsRefused(advance("Closed Won"), "closed_stage_requires_closing_command", "stage"));
  EXPECT_TRUE(IsRefused(advance("Closed Lost"), "closed_stage_requires_closing_command", "stage"));
  EXPECT_TRUE(IsRefused(advance("Prospecting"), "stage_unchanged", "stage"));
  EXPECT_TRUE(IsRefused(When({}, AdvanceOpportunityStage{Id{"o1"}, "Qualification"}),
                        "opportunity_not_found", "opportunity_id"));
  EXPECT_TRUE(IsRefused(When({Opened(), Won()}, AdvanceOpportunityStage{Id{"o1"}, "Qualification"}),
                        "opportunity_closed", "opportunity_id"));
}

TEST_F(OpportunityTest, StagePlanIsKeptInProcessOrderWithThePreviousPlan) {
  OpportunityStagesPlanned first{Id{"o1"}, {{"Qualification", Day(2017, 3, 20)}}, {}};
  PlanOpportunityStages c{Id{"o1"},
                          {{"Negotiation/Review", Day(2017, 6, 1)},
                           {"Qualification", Day(2017, 3, 20)},
                           {"Closed Won", Day(2017, 6, 30)}}};
  EXPECT_TRUE(Emits(When({Opened(), first}, c),
                    {OpportunityStagesPlanned{Id{"o1"},
                                              {{"Qualification", Day(2017, 3, 20)},
                                               {"Negotiation/Review", Day(2017, 6, 1)},
                                               {"Closed Won", Day(2017, 6, 30)}},
                                              first.plan}}));
}

TEST_F(OpportunityTest, StagePlanRules) {
  auto plan = [&](std::vector<StagePlanEntry> entries) {
    return When({Opened()}, PlanOpportunityStages{Id{"o1"}, std::move(entries)});
  };
  EXPECT_TRUE(IsRefused(plan({{"Dreaming", Day(2017, 4, 1)}}), "unknown_stage", "plan[0].stage"));
  EXPECT_TRUE(
      IsRefused(plan({{"Qualification", Day(2017, 4, 1)}, {"Qualification", Day(2017, 4, 2)}}),
                "duplicate_stage", "plan[1].stage"));
  EXPECT_TRUE(
      IsRefused(plan({{"Negotiation/Review", Day(2017, 4, 1)}, {"Qualification", Day(2017, 5, 1)}}),
                "stage_plan_out_of_order", "plan[0].planned_date"));
  EXPECT_TRUE(IsRefused(When({Opened(), Won()}, PlanOpportunityStages{Id{"o1"}, {}}),
                        "opportunity_closed", "opportunity_id"));
}

TEST_F(OpportunityTest, AmountRevisionCarriesThePreviousAmountAndTheStageInForce) {
  EXPECT_TRUE(
      Emits(When({Opened()}, ReviseOpportunityAmount{Id{"o1"}, Usd(12000000), "scope grew"}),
            {OpportunityAmountRevised{Id{"o1"}, Usd(12000000), Usd(10000000), "Prospecting", 10,
                                      "scope grew"}}));
  auto revise = [&](Money amount) {
    return When({Opened()}, ReviseOpportunityAmount{Id{"o1"}, amount, std::nullopt});
  };
  EXPECT_TRUE(IsRefused(revise(Usd(-1)), "negative_amount", "amount"));
  EXPECT_TRUE(IsRefused(revise(Money{100, "EUR"}), "currency_mismatch", "amount"));
  EXPECT_TRUE(IsRefused(revise(Usd(10000000)), "amount_unchanged", "amount"));
  EXPECT_TRUE(IsRefused(When({Opened(), Won()}, ReviseOpportunityAmount{Id{"o1"}, Usd(1), {}}),
                        "opportunity_closed", "opportunity_id"));
}

TEST_F(OpportunityTest, CloseDateRevisionCarriesThePreviousDate) {
  EXPECT_TRUE(
      Emits(When({Opened()}, ReviseOpportunityCloseDate{Id{"o1"}, Day(2017, 9, 30), "budget"}),
            {OpportunityCloseDateRevised{Id{"o1"}, Day(2017, 9, 30), Day(2017, 6, 30), "budget"}}));
  auto revise = [&](Date date) {
    return When({Opened()}, ReviseOpportunityCloseDate{Id{"o1"}, date, std::nullopt});
  };
  EXPECT_TRUE(IsRefused(revise(Day(2017, 3, 1)), "close_date_in_past", "expected_close_date"));
  EXPECT_TRUE(IsRefused(revise(Day(2017, 6, 30)), "close_date_unchanged", "expected_close_date"));
  EXPECT_TRUE(
      IsRefused(When({Opened(), Won()}, ReviseOpportunityCloseDate{Id{"o1"}, Day(2018, 1, 1), {}}),
                "opportunity_closed", "opportunity_id"));
}

TEST_F(OpportunityTest, WinningDefaultsToTheCurrentAmountAndNamesCompetitors) {
  OpportunityCompetitorRecorded rival;
  rival.opportunity_id = Id{"o1"};
  rival.competitor_id = Id{"rival"};
  OpportunityWon expected = Won();
  expected.competitor_ids = {Id{"rival"}};
  EXPECT_TRUE(Emits(When({Opened(), rival}, WinOpportunity{Id{"o1"}, std::nullopt, std::nullopt}),
                    {expected}));

  expected = Won();
  expected.amount = Usd(9500000);
  expected.note = "discount for multi-year";
  EXPECT_TRUE(
      Emits(When({Opened()}, WinOpportunity{Id{"o1"}, Usd(9500000), "discount for multi-year"}),
            {expected}));
}

TEST_F(OpportunityTest, WinningRules) {
  EXPECT_TRUE(
      IsRefused(When({}, WinOpportunity{Id{"o1"}}), "opportunity_not_found", "opportunity_id"));
  EXPECT_TRUE(IsRefused(When({Opened(), Won()}, WinOpportunity{Id{"o1"}}), "opportunity_closed",
                        "opportunity_id"));
  EXPECT_TRUE(
      IsRefused(When({Opened()}, WinOpportunity{Id{"o1"}, Usd(-5)}), "negative_amount", "amount"));
  EXPECT_TRUE(IsRefused(When({Opened()}, WinOpportunity{Id{"o1"}, Money{5, "EUR"}}),
                        "currency_mismatch", "amount"));
}

TEST_F(OpportunityTest, LosingRecordsReasonCompetitorAndTheAmountLost) {
  OpportunityLost expected;
  expected.opportunity_id = Id{"o1"};
  expected.customer_id = Id{"acme"};
  expected.owner_id = Id{"li"};
  expected.department_id = Id{"east"};
  expected.amount = Usd(10000000);
  expected.reason = "price";
  expected.competitor_id = Id{"rival"};
  expected.competitor_price = Usd(8000000);
  expected.note = "they bundled support";
  expected.stage = "Closed Lost";
  expected.previous_stage = "Prospecting";
  expected.probability = 0;
  expected.forecast_category = "omitted";
  expected.product_ids = {Id{"p1"}};
  EXPECT_TRUE(Emits(When({Opened()}, LoseOpportunity{Id{"o1"}, "price", Id{"rival"}, Usd(8000000),
                                                     "they bundled support"}),
                    {expected}));
}

TEST_F(OpportunityTest, LosingRules) {
  auto lose = [&](LoseOpportunity c) { return When({Opened()}, c); };
  EXPECT_TRUE(IsRefused(lose({Id{"o1"}, "bad luck"}), "unknown_loss_reason", "reason"));
  EXPECT_TRUE(
      IsRefused(lose({Id{"o1"}, "price", Id{"ghost"}}), "competitor_not_found", "competitor_id"));
  EXPECT_TRUE(IsRefused(lose({Id{"o1"}, "price", std::nullopt, Usd(5)}), "competitor_required",
                        "competitor_id"));
  EXPECT_TRUE(IsRefused(lose({Id{"o1"}, "price", Id{"rival"}, Money{5, "EUR"}}),
                        "currency_mismatch", "competitor_price"));
  EXPECT_TRUE(IsRefused(lose({Id{"o1"}, "price", Id{"rival"}, Usd(-5)}), "negative_amount",
                        "competitor_price"));
  EXPECT_TRUE(IsRefused(When({Opened(), Won()}, LoseOpportunity{Id{"o1"}, "price"}),
                        "opportunity_closed", "opportunity_id"));
}

TEST_F(OpportunityTest, AbandoningKeepsTheStageItWasIn) {
  EXPECT_TRUE(Emits(When({Opened()}, AbandonOpportunity{Id{"o1"}, "project cancelled"}),
                    {OpportunityAbandoned{Id{"o1"}, Id{"acme"}, Id{"li"}, Id{"east"}, Usd(10000000),
                                          "Prospecting", "project cancelled"}}));
  EXPECT_TRUE(
      IsRefused(When({Opened()}, AbandonOpportunity{Id{"o1"}, ""}), "reason_required", "reason"));
  EXPECT_TRUE(IsRefused(When({Opened(), Won()}, AbandonOpportunity{Id{"o1"}, "x"}),
                        "opportunity_closed", "opportunity_id"));
}

TEST_F(OpportunityTest, ReopeningReturnsToTheLastOpenStageOrTheOneAsked) {
  auto negotiation = AdvancedTo("Negotiation/Review", "Prospecting", 90, 10, "commit");
  OpportunityLost lost;
  lost.opportunity_id = Id{"o1"};
  lost.reason = "price";
  lost.stage = "Closed Lost";
  EXPECT_TRUE(
      Emits(When({Opened(), negotiation, lost}, ReopenOpportunity{Id{"o1"}, "budget found"}),
            {OpportunityReopened{Id{"o1"}, OpportunityStatus::kLost, "budget found",
                                 "Negotiation/Review", 90, "commit", Usd(10000000)}}));
  EXPECT_TRUE(Emits(
      When({Opened(), Won()}, ReopenOpportunity{Id{"o1"}, "signed by mistake", "Qualification"}),
      {OpportunityReopened{Id{"o1"}, OpportunityStatus::kWon, "signed by mistake", "Qualification",
                           10, "pipeline", Usd(10000000)}}));
  // The stage it left is no longer configured: back to the first stage.
  directory_.sales_process.stages.erase(directory_.sales_process.stages.begin() + 7);
  EXPECT_TRUE(Emits(When({Opened(), negotiation, lost}, ReopenOpportunity{Id{"o1"}, "retry"}),
                    {OpportunityReopened{Id{"o1"}, OpportunityStatus::kLost, "retry", "Prospecting",
                                         10, "pipeline", Usd(10000000)}}));
}

TEST_F(OpportunityTest, ReopeningRules) {
  EXPECT_TRUE(IsRefused(When({}, ReopenOpportunity{Id{"o1"}, "x"}), "opportunity_not_found",
                        "opportunity_id"));
  EXPECT_TRUE(IsRefused(When({Opened()}, ReopenOpportunity{Id{"o1"}, "x"}),
                        "opportunity_not_closed", "opportunity_id"));
  EXPECT_TRUE(IsRefused(When({Opened(), Won()}, ReopenOpportunity{Id{"o1"}, " "}),
                        "reason_required", "reason"));
  EXPECT_TRUE(IsRefused(When({Opened(), Won()}, ReopenOpportunity{Id{"o1"}, "x", "Dreaming"}),
                        "unknown_stage", "stage"));
  EXPECT_TRUE(IsRefused(When({Opened(), Won()}, ReopenOpportunity{Id{"o1"}, "x", "Closed Won"}),
                        "closed_stage_requires_closing_command", "stage"));
}

TEST_F(OpportunityTest, StateFollowsTheDealAndGivesItsFacts) {
  const Timestamp t0 = TestNow();
  OpportunityState s = StateAfter<A>({Opened()}, t0);
  A::Evolve(s, AdvancedTo("Qualification", "Prospecting", 10, 10, "pipeline"), t0);
  A::Evolve(s, OpportunityAmountRevised{Id{"o1"}, Usd(7), Usd(10000000), "Qualification", 10, {}},
            t0);
  EXPECT_EQ(s.stage, "Qualification");
  EXPECT_EQ(s.amount, Usd(7));
  ASSERT_EQ(s.stages_reached.size(), 2u);
  EXPECT_EQ(s.stages_reached[1], (StageReached{"Qualification", Day(2017, 3, 15)}));

  OpportunityWon won = Won();
  won.amount = Usd(9);
  A::Evolve(s, won, t0);
  EXPECT_EQ(s.status, OpportunityStatus::kWon);
  EXPECT_EQ(s.probability, 100);
  EXPECT_EQ(s.closed_at, t0);
  OpportunityFacts facts = FactsOf(s);
  EXPECT_EQ(facts.status, "won");
  EXPECT_EQ(facts.amount, Usd(9));
  EXPECT_EQ(facts.owner_id, Id{"li"});
  EXPECT_EQ(facts.department_id, Id{"east"});

  A::Evolve(s,
            OpportunityReopened{Id{"o1"}, OpportunityStatus::kWon, "x", "Qualification", 10,
                                "pipeline", Usd(9)},
            t0);
  EXPECT_EQ(s.status, OpportunityStatus::kOpen);
  EXPECT_FALSE(s.closed_at.has_value());
  EXPECT_EQ(FactsOf(s).status, "open");
}

}  // namespace
}  // namespace dealstream::domain::testing
