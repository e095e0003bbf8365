// The budget aggregate (stream category "budget"): the money planned for
// one scope in one period, set once and then revised.
//
// Rules (DomainError codes): "period_invalid"; "negative_amount";
// the scope record exists ("opportunity_not_found", "campaign_not_found",
// "department_not_found"/"department_closed", "employee_not_found"/
// "employee_inactive", all about "scope_id"); one budget per scope and
// period ("budget_exists_for_period"); revisions keep the currency
// ("currency_mismatch") and change the amount ("amount_unchanged").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/aggregate.h"
#include "domain/common/reflect.h"
#include "domain/expense/budget_commands.h"
#include "domain/expense/budget_events.h"

namespace dealstream::domain {

// Default-constructed = no events yet (exists == false).
struct BudgetState {
  bool exists = false;
  Id id;
  BudgetScope scope = BudgetScope::kDepartment;
  Id scope_id;
  std::string period;
  Date period_start;
  Date period_end;
  Money amount;
};
constexpr auto Fields(const BudgetState*) {
  using T = BudgetState;
  return std::tuple{F("exists", &T::exists),         F("id", &T::id),
                    F("scope", &T::scope),           F("scope_id", &T::scope_id),
                    F("period", &T::period),         F("period_start", &T::period_start),
                    F("period_end", &T::period_end), F("amount", &T::amount)};
}

struct BudgetAggregate {
  static constexpr std::string_view kCategory = "budget";
  using State = BudgetState;
  using Command = BudgetCommand;
  using Event = BudgetEvent;

  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& context);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The Directory facts of this budget. Precondition: state.exists.
BudgetFacts FactsOf(const BudgetState& state);

}  // namespace dealstream::domain
