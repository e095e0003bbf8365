// The opportunity scoring questionnaire (category "config", id
// "scoring_criteria"); EvaluateOpportunity scores answers against the
// criteria in force (Directory::SalesProcess().scoring_criteria).
//
// Rules: scoring_criteria_required, too_many_scoring_criteria,
// criterion_name_invalid (not [a-z][a-z0-9_]*), criterion_duplicate (field
// "criteria[i].name"), scoring_criteria_unchanged. Weights are bounded
// (1–100) by the schema.
#pragma once

#include <string_view>
#include <variant>
#include <vector>

#include "domain/common/aggregate.h"
#include "domain/config/scoring_criteria_commands.h"
#include "domain/config/scoring_criteria_events.h"

namespace dealstream::domain {

inline constexpr size_t kMaxScoringCriteria = 20;

// DESIGN §2.3's questionnaire, in force until one is defined:
// expected_amount 25, urgency 20, budget_secured 25, competition 15,
// relationship 15.
std::vector<ScoringCriterion> DefaultScoringCriteria();

struct ScoringCriteriaState {
  bool defined = false;  // false: DefaultScoringCriteria() is in force
  std::vector<ScoringCriterion> criteria;
};

struct ScoringCriteriaAggregate {
  static constexpr std::string_view kCategory = "config";
  static constexpr std::string_view kFixedId = "scoring_criteria";
  using State = ScoringCriteriaState;
  using Command = std::variant<DefineScoringCriteria>;
  using Event = std::variant<ScoringCriteriaDefined>;
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& ctx);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The criteria in force, as decisions see them: the defined ones, or the
// defaults.
std::vector<ScoringCriterionFacts> FactsOf(const ScoringCriteriaState& state);

}  // namespace dealstream::domain
