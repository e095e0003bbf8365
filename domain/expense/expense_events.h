// Events of the expense aggregate. Each carries the claimant, their
// department, the amount and the related records, so that budget-vs-actual
// and employee views need no other source.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>

#include "domain/common/reflect.h"
#include "domain/common/values.h"
#include "domain/expense/expense_commands.h"

namespace dealstream::domain {

struct ExpenseClaimed {
  static constexpr std::string_view kType = "crm.expense.claimed.v1";
  Id expense_id;
  Id employee_id;
  Id department_id;  // the claimant's when claimed
  ExpenseCategory category = ExpenseCategory::kOther;
  Money amount;
  Date incurred_on;
  std::string description;
  ExpenseLinks related;
  Id claimed_by;
  bool operator==(const ExpenseClaimed&) const = default;
};
constexpr auto Fields(const ExpenseClaimed*) {
  using T = ExpenseClaimed;
  return std::tuple{F("expense_id", &T::expense_id),
                    F("employee_id", &T::employee_id),
                    F("department_id", &T::department_id),
                    F("category", &T::category),
                    F("amount", &T::amount),
                    F("incurred_on", &T::incurred_on),
                    F("description", &T::description).MaxLength(4000),
                    F("related", &T::related),
                    F("claimed_by", &T::claimed_by)};
}

struct ExpenseApproved {
  static constexpr std::string_view kType = "crm.expense.approved.v1";
  Id expense_id;
  Id employee_id;
  Id department_id;
  Money amount;
  Id approved_by;
  std::optional<std::string> comment;
  bool operator==(const ExpenseApproved&) const = default;
};
constexpr auto Fields(const ExpenseApproved*) {
  using T = ExpenseApproved;
  return std::tuple{
      F("expense_id", &T::expense_id),       F("employee_id", &T::employee_id),
      F("department_id", &T::department_id), F("amount", &T::amount),
      F("approved_by", &T::approved_by),     F("comment", &T::comment).MaxLength(4000)};
}

struct ExpenseRejected {
  static constexpr std::string_view kType = "crm.expense.rejected.v1";
  Id expense_id;
  Id employee_id;
  Id department_id;
  Money amount;
  Id rejected_by;
  std::string reason;
  bool operator==(const ExpenseRejected&) const = default;
};
constexpr auto Fields(const ExpenseRejected*) {
  using T = ExpenseRejected;
  return std::tuple{F("expense_id", &T::expense_id),       F("employee_id", &T::employee_id),
                    F("department_id", &T::department_id), F("amount", &T::amount),
                    F("rejected_by", &T::rejected_by),     F("reason", &T::reason).MaxLength(4000)};
}

struct ExpensePaid {
  static constexpr std::string_view kType = "crm.expense.paid.v1";
  Id expense_id;
  Id employee_id;
  Money amount;
  Date paid_on;
  std::optional<std::string> reference;
  Id paid_by;
  bool operator==(const ExpensePaid&) const = default;
};
constexpr auto Fields(const ExpensePaid*) {
  using T = ExpensePaid;
  return std::tuple{F("expense_id", &T::expense_id),
                    F("employee_id", &T::employee_id),
                    F("amount", &T::amount),
                    F("paid_on", &T::paid_on),
                    F("reference", &T::reference).MaxLength(200),
                    F("paid_by", &T::paid_by)};
}

using ExpenseEvent = std::variant<ExpenseClaimed, ExpenseApproved, ExpenseRejected, ExpensePaid>;

}  // namespace dealstream::domain
