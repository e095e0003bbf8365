// Events of the sales target aggregate.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

struct SalesTargetSet {
  static constexpr std::string_view kType = "crm.sales_target.set.v1";
  Id sales_target_id;
  std::optional<Id> employee_id;    // exactly one of employee_id and
  std::optional<Id> department_id;  // department_id is present
  std::string period;
  // The period's first and last day, so that read models need not parse it.
  Date period_start;
  Date period_end;
  Money amount;
  bool operator==(const SalesTargetSet&) const = default;
};
constexpr auto Fields(const SalesTargetSet*) {
  using T = SalesTargetSet;
  return std::tuple{
      F("sales_target_id", &T::sales_target_id),
      F("employee_id", &T::employee_id),
      F("department_id", &T::department_id),
      F("period", &T::period).MaxLength(7).Doc("\"2017-03\", \"2017-Q1\" or \"2017\""),
      F("period_start", &T::period_start).Doc("first day of the period"),
      F("period_end", &T::period_end).Doc("last day of the period (included)"),
      F("amount", &T::amount)};
}

struct SalesTargetRevised {
  static constexpr std::string_view kType = "crm.sales_target.revised.v1";
  Id sales_target_id;
  Money amount;
  Money previous_amount;
  std::optional<std::string> reason;
  bool operator==(const SalesTargetRevised&) const = default;
};
constexpr auto Fields(const SalesTargetRevised*) {
  using T = SalesTargetRevised;
  return std::tuple{F("sales_target_id", &T::sales_target_id), F("amount", &T::amount),
                    F("previous_amount", &T::previous_amount),
                    F("reason", &T::reason).MaxLength(4000)};
}

struct SalesTargetCancelled {
  static constexpr std::string_view kType = "crm.sales_target.cancelled.v1";
  Id sales_target_id;
  std::optional<std::string> reason;
  bool operator==(const SalesTargetCancelled&) const = default;
};
constexpr auto Fields(const SalesTargetCancelled*) {
  using T = SalesTargetCancelled;
  return std::tuple{F("sales_target_id", &T::sales_target_id),
                    F("reason", &T::reason).MaxLength(4000)};
}

}  // namespace dealstream::domain
