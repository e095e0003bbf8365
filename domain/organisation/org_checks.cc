#include "domain/organisation/org_checks.h"

#include <string>

namespace dealstream::domain {

std::optional<DomainError> RequireOpenDepartment(const Directory& directory, const Id& id,
                                                 std::string_view field) {
  std::optional<DepartmentFacts> department = directory.FindDepartment(id);
  if (!department) {
    return NotFound("department_not_found", std::string(field),
                    std::string(field) + ": no department has id \"" + id.value + "\"");
  }
  if (!department->active) {
    return RuleViolated("department_closed", std::string(field),
                        std::string(field) + ": department \"" + id.value + "\" is closed");
  }
  return std::nullopt;
}

}  // namespace dealstream::domain
