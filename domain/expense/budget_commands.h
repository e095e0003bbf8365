// Commands of the budget aggregate (DESIGN §2.6): one budget per scope
// (an opportunity, a campaign, a department or an employee) and period.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <variant>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

enum class BudgetScope { kOpportunity, kCampaign, kDepartment, kEmployee };
constexpr auto EnumNames(BudgetScope) {
  using S = BudgetScope;
  return std::array{std::pair{S::kOpportunity, std::string_view("opportunity")},
                    std::pair{S::kCampaign, std::string_view("campaign")},
                    std::pair{S::kDepartment, std::string_view("department")},
                    std::pair{S::kEmployee, std::string_view("employee")}};
}

struct SetBudget {
  static constexpr std::string_view kType = "SetBudget";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  BudgetScope scope = BudgetScope::kDepartment;
  Id scope_id;
  std::string period;
  Money amount;
  std::optional<std::string> note;
};
constexpr auto Fields(const SetBudget*) {
  using T = SetBudget;
  return std::tuple{
      F("id", &T::id),
      F("scope", &T::scope),
      F("scope_id", &T::scope_id).Doc("the opportunity, campaign, department or employee"),
      F("period", &T::period)
          .MinLength(4)
          .MaxLength(7)
          .Doc("'2017' (year), '2017-Q1' (quarter) or '2017-03' (month)"),
      F("amount", &T::amount).Doc("not negative"),
      F("note", &T::note).MaxLength(4000)};
}

struct ReviseBudget {
  static constexpr std::string_view kType = "ReviseBudget";
  static constexpr std::string_view kTargetField = "budget_id";
  static constexpr bool kCreates = false;
  Id budget_id;
  Money amount;
  std::string reason;
};
constexpr auto Fields(const ReviseBudget*) {
  using T = ReviseBudget;
  return std::tuple{F("budget_id", &T::budget_id),
                    F("amount", &T::amount).Doc("in the budget's currency"),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000)};
}

using BudgetCommand = std::variant<SetBudget, ReviseBudget>;

}  // namespace dealstream::domain
