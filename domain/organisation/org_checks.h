// Checks that a command's reference to a department names one that can take
// on new work. Shared by every aggregate that refers to departments
// (employees, customers, targets, ...); employees are checked with
// RequireActiveEmployee of domain/common/checks.h.
#pragma once

#include <optional>
#include <string_view>

#include "domain/common/directory.h"
#include "domain/common/domain_error.h"

namespace dealstream::domain {

// nullopt if `id` names an open department; otherwise department_not_found
// or department_closed about `field`.
std::optional<DomainError> RequireOpenDepartment(const Directory& directory, const Id& id,
                                                 std::string_view field);

}  // namespace dealstream::domain
