#include "domain/organisation/sales_target.h"

#include <string>

#include "domain/common/checks.h"
#include "domain/common/period.h"
#include "domain/organisation/org_checks.h"

namespace dealstream::domain {
namespace {

using Event = SalesTargetAggregate::Event;
using Outcome = Decision<Event>;

Outcome Refuse(DomainError error) { return Unexpected(std::move(error)); }

std::optional<DomainError> RequireActive(const SalesTargetState& state) {
  if (!state.exists) {
    return NotFound("sales_target_not_found", "sales_target_id",
                    "sales_target_id: no such sales target");
  }
  if (state.cancelled) {
    return RuleViolated("sales_target_cancelled", "sales_target_id",
                        "sales_target_id: the target was cancelled");
  }
  return std::nullopt;
}

Outcome DecideOne(const SalesTargetState& state, const SetSalesTarget& c,
                  const DecideContext& ctx) {
  if (!c.id) {
    return Refuse(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Refuse(
        AlreadyExists("sales_target_exists", "sales target \"" + c.id->value + "\" exists"));
  }
  if (!c.employee_id && !c.department_id) {
    return Refuse(
        Invalid("target_subject_required", "employee_id",
                "employee_id: a target is for an employee or a department; give one of them"));
  }
  if (c.employee_id && c.department_id) {
    return Refuse(Invalid("target_subject_ambiguous", "department_id",
                          "department_id: give either employee_id or department_id, not both"));
  }
  std::optional<Period> period = Period::Parse(c.period);
  if (!period) {
    return Refuse(Invalid(
        "period_invalid", "period",
        "period: \"" + c.period + "\" is not a month (2017-03), quarter (2017-Q1) or year (2017)"));
  }
  if (auto e = CheckPositive(c.amount, "amount")) return Refuse(*e);
  std::string kind = c.employee_id ? "employee" : "department";
  const Id& subject = c.employee_id ? *c.employee_id : *c.department_id;
  if (c.employee_id) {
    auto employee = RequireActiveEmployee(ctx.directory, subject, "employee_id", "employee");
    if (!employee.ok()) return Refuse(employee.error());
  } else {
    if (auto e = RequireOpenDepartment(ctx.directory, subject, "department_id")) return Refuse(*e);
  }
  if (auto existing = ctx.directory.FindSalesTarget(kind, subject, period->ToString())) {
    return Refuse(AlreadyExists("sales_target_exists_for_period",
                                "period: " + kind + " \"" + subject.value +
                                    "\" already has target \"" + existing->id.value + "\" for " +
                                    period->ToString() + "; revise that one"));
  }
  return Emit<Event>(SalesTargetSet{*c.id, c.employee_id, c.department_id, period->ToString(),
                                    period->First(), period->Last(), c.amount});
}

Outcome DecideOne(const SalesTargetState& state, const ReviseSalesTarget& c, const DecideContext&) {
  if (auto e = RequireActive(state)) return Refuse(*e);
  if (auto e = CheckPositive(c.amount, "amount")) return Refuse(*e);
  // A revision keeps the currency so attainment stays comparable over time;
  // a target in another currency is cancelled and set anew.
  if (auto e = CheckCurrency(c.amount, state.amount.currency, "amount")) return Refuse(*e);
  if (c.amount == state.amount) {
    return Refuse(
        RuleViolated("amount_unchanged", "amount", "amount: the target already has this amount"));
  }
  return Emit<Event>(SalesTargetRevised{c.sales_target_id, c.amount, state.amount, c.reason});
}

Outcome DecideOne(const SalesTargetState& state, const CancelSalesTarget& c, const DecideContext&) {
  if (auto e = RequireActive(state)) return Refuse(*e);
  return Emit<Event>(SalesTargetCancelled{c.sales_target_id, c.reason});
}

void EvolveOne(SalesTargetState& s, const SalesTargetSet& e) {
  s.exists = true;
  s.id = e.sales_target_id;
  s.employee_id = e.employee_id;
  s.department_id = e.department_id;
  s.period = e.period;
  s.amount = e.amount;
}
void EvolveOne(SalesTargetState& s, const SalesTargetRevised& e) { s.amount = e.amount; }
void EvolveOne(SalesTargetState& s, const SalesTargetCancelled&) { s.cancelled = true; }

}  // namespace

Decision<Event> SalesTargetAggregate::Decide(const State& state, const Command& command,
                                             const DecideContext& ctx) {
  return std::visit([&](const auto& c) { return DecideOne(state, c, ctx); }, command);
}

void SalesTargetAggregate::Evolve(State& state, const Event& event, Timestamp) {
  std::visit([&](const auto& e) { EvolveOne(state, e); }, event);
}

std::optional<SalesTargetFacts> FactsOf(const SalesTargetState& state) {
  if (!state.exists || state.cancelled) return std::nullopt;
  return SalesTargetFacts{state.id, state.employee_id ? "employee" : "department",
                          state.employee_id ? *state.employee_id : *state.department_id,
                          state.period, state.amount};
}

}  // namespace dealstream::domain
