// Commands of the sales target aggregate: a quota for one employee or one
// department for one period (DESIGN §2.1).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

// Sets the quota of exactly one of employee_id / department_id for a
// period. A subject has at most one active target per period: to change it,
// revise that target.
struct SetSalesTarget {
  static constexpr std::string_view kType = "SetSalesTarget";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  std::optional<Id> employee_id;
  std::optional<Id> department_id;
  std::string period;
  Money amount;
};
constexpr auto Fields(const SetSalesTarget*) {
  using T = SetSalesTarget;
  return std::tuple{
      F("id", &T::id).Doc("id of the new target; generated when absent"),
      F("employee_id", &T::employee_id).Doc("the employee the quota is for (or department_id)"),
      F("department_id", &T::department_id).Doc("the department the quota is for (or employee_id)"),
      F("period", &T::period).MinLength(4).MaxLength(7).Doc("\"2017-03\", \"2017-Q1\" or \"2017\""),
      F("amount", &T::amount).Doc("the quota; positive")};
}

struct ReviseSalesTarget {
  static constexpr std::string_view kType = "ReviseSalesTarget";
  static constexpr std::string_view kTargetField = "sales_target_id";
  static constexpr bool kCreates = false;
  Id sales_target_id;
  Money amount;
  std::optional<std::string> reason;
};
constexpr auto Fields(const ReviseSalesTarget*) {
  using T = ReviseSalesTarget;
  return std::tuple{F("sales_target_id", &T::sales_target_id),
                    F("amount", &T::amount).Doc("the new quota; positive, same currency"),
                    F("reason", &T::reason).MaxLength(4000)};
}

// Withdraws a target set in error; the subject may then get a new one.
struct CancelSalesTarget {
  static constexpr std::string_view kType = "CancelSalesTarget";
  static constexpr std::string_view kTargetField = "sales_target_id";
  static constexpr bool kCreates = false;
  Id sales_target_id;
  std::optional<std::string> reason;
};
constexpr auto Fields(const CancelSalesTarget*) {
  using T = CancelSalesTarget;
  return std::tuple{F("sales_target_id", &T::sales_target_id),
                    F("reason", &T::reason).MaxLength(4000)};
}

}  // namespace dealstream::domain
