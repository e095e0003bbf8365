// Events of the budget aggregate. Each carries the scope and the period
// with its first and last day, so that budget-vs-actual views can match
// expenses by date without parsing periods.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>

#include "domain/common/reflect.h"
#include "domain/common/values.h"
#include "domain/expense/budget_commands.h"

namespace dealstream::domain {

struct BudgetSet {
  static constexpr std::string_view kType = "crm.budget.set.v1";
  Id budget_id;
  BudgetScope scope = BudgetScope::kDepartment;
  Id scope_id;
  std::string period;
  Date period_start;
  Date period_end;
  Money amount;
  std::optional<std::string> note;
  Id set_by;
  bool operator==(const BudgetSet&) const = default;
};
constexpr auto Fields(const BudgetSet*) {
  using T = BudgetSet;
  return std::tuple{F("budget_id", &T::budget_id),
                    F("scope", &T::scope),
                    F("scope_id", &T::scope_id),
                    F("period", &T::period).MaxLength(7),
                    F("period_start", &T::period_start),
                    F("period_end", &T::period_end),
                    F("amount", &T::amount),
                    F("note", &T::note).MaxLength(4000),
                    F("set_by", &T::set_by)};
}

struct BudgetRevised {
  static constexpr std::string_view kType = "crm.budget.revised.v1";
  Id budget_id;
  BudgetScope scope = BudgetScope::kDepartment;
  Id scope_id;
  std::string period;
  Money amount;
  Money previous_amount;
  std::string reason;
  Id revised_by;
  bool operator==(const BudgetRevised&) const = default;
};
constexpr auto Fields(const BudgetRevised*) {
  using T = BudgetRevised;
  return std::tuple{F("budget_id", &T::budget_id),
                    F("scope", &T::scope),
                    F("scope_id", &T::scope_id),
                    F("period", &T::period).MaxLength(7),
                    F("amount", &T::amount),
                    F("previous_amount", &T::previous_amount),
                    F("reason", &T::reason).MaxLength(4000),
                    F("revised_by", &T::revised_by)};
}

using BudgetEvent = std::variant<BudgetSet, BudgetRevised>;

}  // namespace dealstream::domain
