#include "domain/expense/budget.h"

#include <string>
#include <variant>

#include "domain/common/checks.h"
#include "domain/common/period.h"
#include "domain/organisation/org_checks.h"

namespace dealstream::domain {

namespace {

using Outcome = Decision<BudgetEvent>;

std::optional<DomainError> CheckScope(const Directory& directory, BudgetScope scope, const Id& id) {
  switch (scope) {
    case BudgetScope::kOpportunity:
      if (directory.FindOpportunity(id)) return std::nullopt;
      return NotFound("opportunity_not_found", "scope_id",
                      "scope_id: opportunity '" + id.value + "' does not exist");
    case BudgetScope::kCampaign:
      if (directory.FindCampaign(id)) return std::nullopt;
      return NotFound("campaign_not_found", "scope_id",
                      "scope_id: campaign '" + id.value + "' does not exist");
    case BudgetScope::kDepartment:
      return RequireOpenDepartment(directory, id, "scope_id");
    case BudgetScope::kEmployee: {
      auto employee = RequireActiveEmployee(directory, id, "scope_id", "employee");
      if (!employee.ok()) return employee.error();
      return std::nullopt;
    }
  }
  return std::nullopt;
}

Outcome DecideCommand(const BudgetState& state, const SetBudget& c, const DecideContext& ctx) {
  if (!c.id) {
    return Unexpected(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Unexpected(
        AlreadyExists("budget_exists", "budget '" + c.id->value + "' is already set"));
  }
  std::optional<Period> period = Period::Parse(c.period);
  if (!period) {
    return Unexpected(Invalid(
        "period_invalid", "period",
        "period: '" + c.period + "' is not a year (2017), quarter (2017-Q1) or month (2017-03)"));
  }
  if (auto e = CheckNotNegative(c.amount, "amount")) return Unexpected(*e);
  if (auto e = CheckScope(ctx.directory, c.scope, c.scope_id)) return Unexpected(*e);
  const std::string scope(NameOf(c.scope));
  if (std::optional<BudgetFacts> other = ctx.directory.FindBudget(scope, c.scope_id, c.period)) {
    return Unexpected(RuleViolated("budget_exists_for_period", "period",
                                   "period: " + scope + " '" + c.scope_id.value +
                                       "' already has budget '" + other->id.value + "' for " +
                                       c.period + "; revise that one"));
  }
  return Emit<BudgetEvent>(BudgetSet{*c.id, c.scope, c.scope_id, period->ToString(),
                                     period->First(), period->Last(), c.amount, c.note, ctx.actor});
}

Outcome DecideCommand(const BudgetState& state, const ReviseBudget& c, const DecideContext& ctx) {
  if (!state.exists) {
    return Unexpected(NotFound("budget_not_found", "budget_id",
                               "budget_id: no budget with this id has been set"));
  }
  if (auto e = CheckNotNegative(c.amount, "amount")) return Unexpected(*e);
  if (auto e = CheckCurrency(c.amount, state.amount.currency, "amount")) return Unexpected(*e);
  if (auto e = CheckNotBlank(c.reason, "reason")) return Unexpected(*e);
  if (c.amount == state.amount) {
    return Unexpected(RuleViolated("amount_unchanged", "amount",
                                   "amount: equals the budget in force; nothing to revise"));
  }
  return Emit<BudgetEvent>(BudgetRevised{state.id, state.scope, state.scope_id, state.period,
                                         c.amount, state.amount, c.reason, ctx.actor});
}

void Apply(BudgetState& s, const BudgetSet& e) {
  s.exists = true;
  s.id = e.budget_id;
  s.scope = e.scope;
  s.scope_id = e.scope_id;
  s.period = e.period;
  s.period_start = e.period_start;
  s.period_end = e.period_end;
  s.amount = e.amount;
}

void Apply(BudgetState& s, const BudgetRevised& e) { s.amount = e.amount; }

}  // namespace

Decision<BudgetEvent> BudgetAggregate::Decide(const State& state, const Command& command,
                                              const DecideContext& context) {
  return std::visit([&](const auto& c) { return DecideCommand(state, c, context); }, command);
}

void BudgetAggregate::Evolve(State& state, const Event& event, Timestamp) {
  std::visit([&](const auto& e) { Apply(state, e); }, event);
}

BudgetFacts FactsOf(const BudgetState& state) {
  return BudgetFacts{state.id, std::string(NameOf(state.scope)), state.scope_id, state.period,
                     state.amount};
}

}  // namespace dealstream::domain
