// Events of the employee aggregate.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/reflect.h"
#include "domain/common/values.h"
#include "domain/organisation/employee_role.h"

namespace dealstream::domain {

struct EmployeeHired {
  static constexpr std::string_view kType = "crm.employee.hired.v1";
  Id employee_id;
  std::string name;
  Id department_id;
  EmployeeRole role = EmployeeRole::kSales;
  std::optional<Id> manager_id;
  bool operator==(const EmployeeHired&) const = default;
};
constexpr auto Fields(const EmployeeHired*) {
  using T = EmployeeHired;
  return std::tuple{F("employee_id", &T::employee_id), F("name", &T::name).MaxLength(200),
                    F("department_id", &T::department_id), F("role", &T::role),
                    F("manager_id", &T::manager_id)};
}

struct EmployeeTransferred {
  static constexpr std::string_view kType = "crm.employee.transferred.v1";
  Id employee_id;
  Id department_id;
  Id previous_department_id;
  std::optional<Id> manager_id;
  std::optional<Id> previous_manager_id;
  bool operator==(const EmployeeTransferred&) const = default;
};
constexpr auto Fields(const EmployeeTransferred*) {
  using T = EmployeeTransferred;
  return std::tuple{F("employee_id", &T::employee_id), F("department_id", &T::department_id),
                    F("previous_department_id", &T::previous_department_id),
                    F("manager_id", &T::manager_id),
                    F("previous_manager_id", &T::previous_manager_id)};
}

struct EmployeeRoleChanged {
  static constexpr std::string_view kType = "crm.employee.role_changed.v1";
  Id employee_id;
  EmployeeRole role = EmployeeRole::kSales;
  EmployeeRole previous_role = EmployeeRole::kSales;
  bool operator==(const EmployeeRoleChanged&) const = default;
};
constexpr auto Fields(const EmployeeRoleChanged*) {
  using T = EmployeeRoleChanged;
  return std::tuple{F("employee_id", &T::employee_id), F("role", &T::role),
                    F("previous_role", &T::previous_role)};
}

struct EmployeeLeft {
  static constexpr std::string_view kType = "crm.employee.left.v1";
  Id employee_id;
  Id department_id;  // the department they left from, for head-count history
  Date last_day;
  std::optional<std::string> reason;
  bool operator==(const EmployeeLeft&) const = default;
};
constexpr auto Fields(const EmployeeLeft*) {
  using T = EmployeeLeft;
  return std::tuple{F("employee_id", &T::employee_id), F("department_id", &T::department_id),
                    F("last_day", &T::last_day), F("reason", &T::reason).MaxLength(4000)};
}

}  // namespace dealstream::domain
