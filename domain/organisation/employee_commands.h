// Commands of the employee aggregate (DESIGN §2.1).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/reflect.h"
#include "domain/common/values.h"
#include "domain/organisation/employee_role.h"

namespace dealstream::domain {

struct HireEmployee {
  static constexpr std::string_view kType = "HireEmployee";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  std::string name;
  Id department_id;
  EmployeeRole role = EmployeeRole::kSales;
  std::optional<Id> manager_id;
};
constexpr auto Fields(const HireEmployee*) {
  using T = HireEmployee;
  return std::tuple{
      F("id", &T::id).Doc("id of the new employee; generated when absent"),
      F("name", &T::name).MinLength(1).MaxLength(200),
      F("department_id", &T::department_id).Doc("an open department"), F("role", &T::role),
      F("manager_id", &T::manager_id).Doc("the employee's line manager, an active employee")};
}

// Moves an employee to another department and/or under another manager.
struct TransferEmployee {
  static constexpr std::string_view kType = "TransferEmployee";
  static constexpr std::string_view kTargetField = "employee_id";
  static constexpr bool kCreates = false;
  Id employee_id;
  Id department_id;
  std::optional<Id> manager_id;
};
constexpr auto Fields(const TransferEmployee*) {
  using T = TransferEmployee;
  return std::tuple{
      F("employee_id", &T::employee_id),
      F("department_id", &T::department_id).Doc("the department from now on (may be the same)"),
      F("manager_id", &T::manager_id).Doc("the line manager from now on; absent = none")};
}

struct ChangeEmployeeRole {
  static constexpr std::string_view kType = "ChangeEmployeeRole";
  static constexpr std::string_view kTargetField = "employee_id";
  static constexpr bool kCreates = false;
  Id employee_id;
  EmployeeRole role = EmployeeRole::kSales;
};
constexpr auto Fields(const ChangeEmployeeRole*) {
  using T = ChangeEmployeeRole;
  return std::tuple{F("employee_id", &T::employee_id), F("role", &T::role)};
}

// Records that an employee left. Refused while they still own customers,
// opportunities or service requests: those are handed over first, so that
// leaving never loses work (DESIGN §2.1).
struct RecordEmployeeDeparture {
  static constexpr std::string_view kType = "RecordEmployeeDeparture";
  static constexpr std::string_view kTargetField = "employee_id";
  static constexpr bool kCreates = false;
  Id employee_id;
  std::optional<Date> last_day;
  std::optional<std::string> reason;
};
constexpr auto Fields(const RecordEmployeeDeparture*) {
  using T = RecordEmployeeDeparture;
  return std::tuple{F("employee_id", &T::employee_id),
                    F("last_day", &T::last_day)
                        .Doc("last working day; defaults to the business date of the command"),
                    F("reason", &T::reason).MaxLength(4000)};
}

}  // namespace dealstream::domain
