#include "domain/opportunity/opportunity.h"

#include <string>
#include <variant>

#include "domain/common/checks.h"
#include "domain/opportunity/opportunity_internal.h"

namespace dealstream::domain {

namespace opportunity_internal {

std::optional<DomainError> CheckExists(const OpportunityState& state) {
  if (state.exists) return std::nullopt;
  return NotFound("opportunity_not_found", "opportunity_id",
                  "opportunity_id: no opportunity with this id has been opened");
}

std::optional<DomainError> CheckOpen(const OpportunityState& state) {
  if (auto error = CheckExists(state)) return error;
  if (state.status == OpportunityStatus::kOpen) return std::nullopt;
  return RuleViolated("opportunity_closed", "opportunity_id",
                      "opportunity_id: opportunity '" + state.id.value + "' is " +
                          std::string(NameOf(state.status)) + "; reopen it before changing it");
}

std::optional<DomainError> CheckDealMoney(const OpportunityState& state, const Money& money,
                                          std::string_view field) {
  if (auto error = CheckNotNegative(money, field)) return error;
  return CheckCurrency(money, state.amount.currency, field);
}

const StageFacts* FindStage(const SalesProcessFacts& process, std::string_view name) {
  for (const StageFacts& stage : process.stages) {
    if (stage.name == name) return &stage;
  }
  return nullptr;
}

int StageIndex(const SalesProcessFacts& process, std::string_view name) {
  for (size_t i = 0; i < process.stages.size(); ++i) {
    if (process.stages[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

namespace {

std::string OpenStageNames(const SalesProcessFacts& process) {
  std::string names;
  for (const StageFacts& stage : process.stages) {
    if (stage.closed) continue;
    if (!names.empty()) names += ", ";
    names += stage.name;
  }
  return names;
}

}  // namespace

Result<StageFacts, DomainError> RequireOpenStage(const SalesProcessFacts& process,
                                                 std::string_view name, const std::string& field) {
  const StageFacts* stage = FindStage(process, name);
  if (stage == nullptr) {
    return Unexpected(Invalid("unknown_stage", field,
                              field + ": '" + std::string(name) +
                                  "' is not a stage of the sales process (open stages: " +
                                  OpenStageNames(process) + ")"));
  }
  if (stage->closed) {
    return Unexpected(RuleViolated("closed_stage_requires_closing_command", field,
                                   field + ": '" + stage->name +
                                       "' is a closed stage; close the deal with "
                                       "WinOpportunity or LoseOpportunity"));
  }
  return *stage;
}

StageFacts WonStage(const SalesProcessFacts& process) {
  const StageFacts* best = nullptr;
  for (const StageFacts& stage : process.stages) {
    if (stage.closed && stage.probability > 0 &&
        (best == nullptr || stage.probability > best->probability)) {
      best = &stage;
    }
  }
  if (best != nullptr) return *best;
  return StageFacts{"Closed Won", 100, "closed", true};
}

StageFacts LostStage(const SalesProcessFacts& process) {
  const StageFacts* best = nullptr;
  for (const StageFacts& stage : process.stages) {
    if (stage.closed && stage.probability < 100 &&
        (best == nullptr || stage.probability < best->probability)) {
      best = &stage;
    }
  }
  if (best != nullptr) return *best;
  return StageFacts{"Closed Lost", 0, "omitted", true};
}

}  // namespace opportunity_internal

Decision<OpportunityEvent> OpportunityAggregate::Decide(const State& state, const Command& command,
                                                        const DecideContext& context) {
  return std::visit(
      [&](const auto& c) { return opportunity_internal::DecideCommand(state, c, context); },
      command);
}

void OpportunityAggregate::Evolve(State& state, const Event& event, Timestamp at) {
  std::visit([&](const auto& e) { opportunity_internal::Apply(state, e, at); }, event);
}

OpportunityFacts FactsOf(const OpportunityState& state) {
  return OpportunityFacts{state.id,
                          state.customer_id,
                          state.owner_id,
                          state.department_id,
                          std::string(NameOf(state.status)),
                          state.amount};
}

}  // namespace dealstream::domain
