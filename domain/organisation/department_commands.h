// Commands of the department aggregate: the organisation tree of
// headquarters, regional branches and teams (DESIGN §2.1).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

// Creates a department, at the root of the tree or under `parent_id`.
struct CreateDepartment {
  static constexpr std::string_view kType = "CreateDepartment";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  std::string name;
  std::optional<Id> parent_id;
};
constexpr auto Fields(const CreateDepartment*) {
  using T = CreateDepartment;
  return std::tuple{
      F("id", &T::id).Doc("id of the new department; generated when absent"),
      F("name", &T::name).MinLength(1).MaxLength(200).Doc("e.g. \"East China branch\""),
      F("parent_id", &T::parent_id).Doc("the open department it belongs to; absent = a root")};
}

struct RenameDepartment {
  static constexpr std::string_view kType = "RenameDepartment";
  static constexpr std::string_view kTargetField = "department_id";
  static constexpr bool kCreates = false;
  Id department_id;
  std::string name;
};
constexpr auto Fields(const RenameDepartment*) {
  using T = RenameDepartment;
  return std::tuple{F("department_id", &T::department_id),
                    F("name", &T::name).MinLength(1).MaxLength(200)};
}

// Moves a department (with its whole subtree) under another parent, or to
// the root when parent_id is absent. The new parent may not lie inside the
// moved subtree, so the tree never gets a cycle.
struct MoveDepartment {
  static constexpr std::string_view kType = "MoveDepartment";
  static constexpr std::string_view kTargetField = "department_id";
  static constexpr bool kCreates = false;
  Id department_id;
  std::optional<Id> parent_id;
};
constexpr auto Fields(const MoveDepartment*) {
  using T = MoveDepartment;
  return std::tuple{F("department_id", &T::department_id),
                    F("parent_id", &T::parent_id).Doc("the new parent; absent = move to the root")};
}

// Makes an active employee of this department (or of a department above
// it) its manager.
struct AssignDepartmentManager {
  static constexpr std::string_view kType = "AssignDepartmentManager";
  static constexpr std::string_view kTargetField = "department_id";
  static constexpr bool kCreates = false;
  Id department_id;
  Id manager_id;
};
constexpr auto Fields(const AssignDepartmentManager*) {
  using T = AssignDepartmentManager;
  return std::tuple{F("department_id", &T::department_id),
                    F("manager_id", &T::manager_id).Doc("employee id of the new manager")};
}

// Closes an empty department: its sub-departments and employees must have
// moved elsewhere first.
struct CloseDepartment {
  static constexpr std::string_view kType = "CloseDepartment";
  static constexpr std::string_view kTargetField = "department_id";
  static constexpr bool kCreates = false;
  Id department_id;
  std::optional<std::string> reason;
};
constexpr auto Fields(const CloseDepartment*) {
  using T = CloseDepartment;
  return std::tuple{F("department_id", &T::department_id), F("reason", &T::reason).MaxLength(4000)};
}

}  // namespace dealstream::domain
