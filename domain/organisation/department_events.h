// Events of the department aggregate.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::domain {

struct DepartmentCreated {
  static constexpr std::string_view kType = "crm.department.created.v1";
  Id department_id;
  std::string name;
  std::optional<Id> parent_id;
  bool operator==(const DepartmentCreated&) const = default;
};
constexpr auto Fields(const DepartmentCreated*) {
  using T = DepartmentCreated;
  return std::tuple{F("department_id", &T::department_id), F("name", &T::name).MaxLength(200),
                    F("parent_id", &T::parent_id).Doc("absent for a root department")};
}

struct DepartmentRenamed {
  static constexpr std::string_view kType = "crm.department.renamed.v1";
  Id department_id;
  std::string name;
  std::string previous_name;
  bool operator==(const DepartmentRenamed&) const = default;
};
constexpr auto Fields(const DepartmentRenamed*) {
  using T = DepartmentRenamed;
  return std::tuple{F("department_id", &T::department_id), F("name", &T::name).MaxLength(200),
                    F("previous_name", &T::previous_name).MaxLength(200)};
}

struct DepartmentMoved {
  static constexpr std::string_view kType = "crm.department.moved.v1";
  Id department_id;
  std::optional<Id> parent_id;
  std::optional<Id> previous_parent_id;
  bool operator==(const DepartmentMoved&) const = default;
};
constexpr auto Fields(const DepartmentMoved*) {
  using T = DepartmentMoved;
  return std::tuple{F("department_id", &T::department_id),
                    F("parent_id", &T::parent_id).Doc("absent = now a root"),
                    F("previous_parent_id", &T::previous_parent_id).Doc("absent = was a root")};
}

struct DepartmentManagerAssigned {
  static constexpr std::string_view kType = "crm.department.manager_assigned.v1";
  Id department_id;
  Id manager_id;
  std::optional<Id> previous_manager_id;
  bool operator==(const DepartmentManagerAssigned&) const = default;
};
constexpr auto Fields(const DepartmentManagerAssigned*) {
  using T = DepartmentManagerAssigned;
  return std::tuple{F("department_id", &T::department_id), F("manager_id", &T::manager_id),
                    F("previous_manager_id", &T::previous_manager_id)};
}

struct DepartmentClosed {
  static constexpr std::string_view kType = "crm.department.closed.v1";
  Id department_id;
  std::optional<std::string> reason;
  bool operator==(const DepartmentClosed&) const = default;
};
constexpr auto Fields(const DepartmentClosed*) {
  using T = DepartmentClosed;
  return std::tuple{F("department_id", &T::department_id), F("reason", &T::reason).MaxLength(4000)};
}

}  // namespace dealstream::domain
