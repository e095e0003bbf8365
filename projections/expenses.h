// Expenses, budget vs actual (DESIGN §3.6): per budget (opportunity,
// campaign, department or employee, and period) the budget in force, the
// actual (approved and paid claims), the pending claims and what remains;
// per department and per month the actual and pending amounts, by
// category. Definitions: docs/projections.md#expenses.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/common/values.h"
#include "projections/books.h"
#include "projections/scope.h"

namespace dealstream::projections {

struct BudgetRow {
  std::string budget_id;
  std::string scope;     // opportunity | campaign | department | employee
  std::string scope_id;
  std::string period;    // as set ("2017-Q1")
  std::string start_date, end_date;  // YYYY-MM-DD
  domain::Money budget;  // in force at the instant
  domain::Money actual;  // approved + paid claims charged to it
  domain::Money pending;  // claims awaiting a decision
  domain::Money remaining;  // budget − actual − pending
  std::optional<double> utilisation;  // actual / budget; nullopt when the budget is 0
  bool over_budget = false;           // actual + pending > budget
};

struct ExpenseFigures {
  int64_t claims = 0;  // not rejected
  domain::Money actual;
  domain::Money pending;
  domain::Money rejected;
  std::map<std::string, domain::Money> by_category;  // actual, by category
};

struct DepartmentExpenses {
  std::string department_id;
  std::string name;
  ExpenseFigures figures;  // claims charged to the department itself
  std::optional<domain::Money> budget;  // Σ its department budgets overlapping the period
};

struct PeriodExpenses {
  std::string period;  // YYYY-MM of the incurred date
  ExpenseFigures figures;
};

struct ExpensesView {
  std::string currency;
  ExpenseFigures totals;
  std::vector<BudgetRow> budgets;              // by budget id
  std::vector<DepartmentExpenses> departments;  // by department id
  std::vector<PeriodExpenses> periods;          // by month
  std::vector<CurrencyCount> other_currencies;  // claims in other currencies
  uint64_t position = 0;
};

ExpensesView BuildExpenses(const CrmBooks& books, const Scope& scope);

}  // namespace dealstream::projections
