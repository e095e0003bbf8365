// The department aggregate (stream category "department"): one node of the
// organisation tree.
//
// Rules (each a DomainError code):
//   department_exists        creating an id that is taken
//   id_required              a creation without id (the command service assigns one)
//   department_not_found     the department (or parent) does not exist
//   department_closed        changing a closed department, or using a closed parent
//   name_blank / name_unchanged
//   department_cycle         the new parent is the department or inside it
//   parent_unchanged         moving to the parent it already has
//   manager_not_found / manager_inactive   manager_id is no active employee
//   manager_outside_department  the manager works neither here nor above
//   manager_unchanged
//   department_not_empty     closing while sub-departments or employees remain
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "domain/common/aggregate.h"
#include "domain/organisation/department_commands.h"
#include "domain/organisation/department_events.h"

namespace dealstream::domain {

struct DepartmentState {
  bool exists = false;
  Id id;
  std::string name;
  std::optional<Id> parent_id;
  std::optional<Id> manager_id;
  bool closed = false;
};
// What record views show (the codec renders it).
constexpr auto Fields(const DepartmentState*) {
  using T = DepartmentState;
  return std::tuple{F("exists", &T::exists),
                    F("id", &T::id),
                    F("name", &T::name),
                    F("parent_id", &T::parent_id),
                    F("manager_id", &T::manager_id),
                    F("closed", &T::closed)};
}

struct DepartmentAggregate {
  static constexpr std::string_view kCategory = "department";
  using State = DepartmentState;
  using Command = std::variant<CreateDepartment, RenameDepartment, MoveDepartment,
                               AssignDepartmentManager, CloseDepartment>;
  using Event = std::variant<DepartmentCreated, DepartmentRenamed, DepartmentMoved,
                             DepartmentManagerAssigned, DepartmentClosed>;
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& ctx);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The Directory facts of a department; nullopt before it is created.
std::optional<DepartmentFacts> FactsOf(const DepartmentState& state);

}  // namespace dealstream::domain
