// The scoring questionnaire as configuration events: defined with the
// questionnaire it replaces, its rules, and the facts evaluations use.
#include <gtest/gtest.h>

#include "domain/config/scoring_criteria.h"
#include "tests/domain/decision_expect.h"
#include "tests/domain/fake_directory.h"

namespace dealstream::domain {
namespace {

using A = ScoringCriteriaAggregate;
using testing::Emits;
using testing::GivenWhen;
using testing::IsRefused;

class ScoringCriteriaTest : public ::testing::Test {
 protected:
  Decision<A::Event> When(const std::vector<A::Event>& given, std::vector<ScoringCriterion> criteria) {
    return GivenWhen<A>(given, DefineScoringCriteria{std::move(criteria)},
                        DecideContext{testing::TestNow(), Id{"admin"}, directory_});
  }
  testing::FakeDirectory directory_;
};

TEST_F(ScoringCriteriaTest, TheDefaultIsTheDesignsQuestionnaire) {
  const std::vector<ScoringCriterionFacts> facts = FactsOf(ScoringCriteriaState{});
  ASSERT_EQ(facts.size(), 5u);
  EXPECT_EQ(facts[0].name, "expected_amount");
  EXPECT_EQ(facts[2].name, "budget_secured");
  int32_t total = 0;
  for (const auto& f : facts) total += f.weight;
  EXPECT_EQ(total, 100);
}

TEST_F(ScoringCriteriaTest, DefinesWithThePreviousQuestionnaire) {
  const std::vector<ScoringCriterion> mine = {{"fit", 3}, {"budget", 1}};
  EXPECT_TRUE(Emits(When({}, mine), {ScoringCriteriaDefined{mine, DefaultScoringCriteria()}}));
  const std::vector<A::Event> given = {ScoringCriteriaDefined{mine, DefaultScoringCriteria()}};
  const std::vector<ScoringCriterionFacts> facts = FactsOf(testing::StateAfter<A>(given));
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].name, "fit");
  EXPECT_EQ(facts[0].weight, 3);
  EXPECT_TRUE(Emits(When(given, {{"fit", 1}}), {ScoringCriteriaDefined{{{"fit", 1}}, mine}}));
}

TEST_F(ScoringCriteriaTest, Rules) {
  EXPECT_TRUE(IsRefused(When({}, {}), "scoring_criteria_required", "criteria"));
  EXPECT_TRUE(IsRefused(When({}, std::vector<ScoringCriterion>(kMaxScoringCriteria + 1, {"x", 1})),
                        "too_many_scoring_criteria", "criteria"));
  EXPECT_TRUE(IsRefused(When({}, {{"fit", 1}, {"Budget Secured", 1}}), "criterion_name_invalid",
                        "criteria[1].name"));
  EXPECT_TRUE(IsRefused(When({}, {{"fit", 1}, {"fit", 2}}), "criterion_duplicate",
                        "criteria[1].name"));
  EXPECT_TRUE(IsRefused(When({}, DefaultScoringCriteria()), "scoring_criteria_unchanged",
                        "criteria"));
}

}  // namespace
}  // namespace dealstream::domain
