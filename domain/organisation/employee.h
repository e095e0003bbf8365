// The employee aggregate (stream category "employee").
//
// Rules (each a DomainError code):
//   id_required / employee_exists
//   employee_not_found       the employee does not exist
//   employee_left            changing an employee who left
//   manager_not_found / manager_inactive   manager_id is no active employee
//   name_blank
//   department_not_found / department_closed   department_id
//   manager_is_self          an employee cannot manage themselves
//   manager_cycle            the new manager reports (indirectly) to the employee
//   transfer_unchanged       same department and same manager
//   role_unchanged
//   open_work_not_handed_over  leaving while owning customers, opportunities
//                            or service requests (Directory::OpenWorkOf)
//   last_day_before_hire     the last day precedes the hiring date
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "domain/common/aggregate.h"
#include "domain/organisation/employee_commands.h"
#include "domain/organisation/employee_events.h"

namespace dealstream::domain {

struct EmployeeState {
  bool exists = false;
  Id id;
  std::string name;
  Id department_id;
  EmployeeRole role = EmployeeRole::kSales;
  std::optional<Id> manager_id;
  Date hired_on;  // business date of the hiring event
  bool left = false;
  std::optional<Date> last_day;
};
// What record views show (the codec renders it).
constexpr auto Fields(const EmployeeState*) {
  using T = EmployeeState;
  return std::tuple{F("exists", &T::exists),
                    F("id", &T::id),
                    F("name", &T::name),
                    F("department_id", &T::department_id),
                    F("role", &T::role),
                    F("manager_id", &T::manager_id),
                    F("hired_on", &T::hired_on),
                    F("left", &T::left),
                    F("last_day", &T::last_day)};
}

struct EmployeeAggregate {
  static constexpr std::string_view kCategory = "employee";
  using State = EmployeeState;
  using Command =
      std::variant<HireEmployee, TransferEmployee, ChangeEmployeeRole, RecordEmployeeDeparture>;
  using Event = std::variant<EmployeeHired, EmployeeTransferred, EmployeeRoleChanged, EmployeeLeft>;
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& ctx);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The Directory facts of an employee; nullopt before hiring.
std::optional<EmployeeFacts> FactsOf(const EmployeeState& state);

}  // namespace dealstream::domain
