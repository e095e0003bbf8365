#include "domain/config/scoring_criteria.h"

#include <string>

namespace dealstream::domain {
namespace {

bool IsCriterionName(std::string_view name) {
  if (name.empty() || name[0] < 'a' || name[0] > 'z') return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::vector<ScoringCriterion> InForce(const ScoringCriteriaState& state) {
  return state.defined ? state.criteria : DefaultScoringCriteria();
}

}  // namespace

std::vector<ScoringCriterion> DefaultScoringCriteria() {
  return {{"expected_amount", 25},
          {"urgency", 20},
          {"budget_secured", 25},
          {"competition", 15},
          {"relationship", 15}};
}

Decision<ScoringCriteriaAggregate::Event> ScoringCriteriaAggregate::Decide(
    const State& state, const Command& command, const DecideContext&) {
  const auto& c = std::get<DefineScoringCriteria>(command);
  if (c.criteria.empty()) {
    return Unexpected(Invalid("scoring_criteria_required", "criteria",
                              "criteria: the questionnaire needs at least one criterion"));
  }
  if (c.criteria.size() > kMaxScoringCriteria) {
    return Unexpected(Invalid("too_many_scoring_criteria", "criteria",
                              "criteria: at most " + std::to_string(kMaxScoringCriteria) +
                                  " criteria"));
  }
  for (size_t i = 0; i < c.criteria.size(); ++i) {
    const std::string field = "criteria[" + std::to_string(i) + "].name";
    const std::string& name = c.criteria[i].name;
    if (!IsCriterionName(name)) {
      return Unexpected(Invalid("criterion_name_invalid", field,
                                field + ": \"" + name + "\" is not [a-z][a-z0-9_]*"));
    }
    for (size_t j = 0; j < i; ++j) {
      if (c.criteria[j].name == name) {
        return Unexpected(Invalid("criterion_duplicate", field,
                                  field + ": \"" + name + "\" is listed twice"));
      }
    }
  }
  std::vector<ScoringCriterion> in_force = InForce(state);
  if (c.criteria == in_force) {
    return Unexpected(RuleViolated("scoring_criteria_unchanged", "criteria",
                                   "criteria: this questionnaire is in force already"));
  }
  return Emit<Event>(ScoringCriteriaDefined{c.criteria, std::move(in_force)});
}

void ScoringCriteriaAggregate::Evolve(State& state, const Event& event, Timestamp) {
  state.defined = true;
  state.criteria = std::get<ScoringCriteriaDefined>(event).criteria;
}

std::vector<ScoringCriterionFacts> FactsOf(const ScoringCriteriaState& state) {
  std::vector<ScoringCriterionFacts> facts;
  for (const ScoringCriterion& c : InForce(state)) facts.push_back({c.name, c.weight});
  return facts;
}

}  // namespace dealstream::domain
