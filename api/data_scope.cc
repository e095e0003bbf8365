#include "api/data_scope.h"

#include <algorithm>

namespace dealstream::api {

DataScope DataScope::For(const Principal& principal, const ScopeResolver* resolver) {
  const bool sees_system = principal.role == Role::kAdmin || principal.role == Role::kAuditor;
  switch (principal.role) {
    case Role::kManager: {
      std::optional<std::string> department =
          resolver ? resolver->DepartmentOf(principal.employee_id) : std::nullopt;
      if (department) {
        return DataScope(Kind::kDepartment, principal.employee_id, std::move(*department),
                         sees_system, resolver);
      }
      return DataScope(Kind::kOwn, principal.employee_id, "", sees_system, resolver);
    }
    case Role::kSales:
      return DataScope(Kind::kOwn, principal.employee_id, "", sees_system, resolver);
    case Role::kAdmin:
    case Role::kAuditor:
    case Role::kAnalyst:
    case Role::kIntegrator:
      break;
  }
  return DataScope(Kind::kAll, principal.employee_id, "", sees_system, resolver);
}

bool DataScope::Allows(const Ownership& ownership) const {
  if (kind_ == Kind::kAll || ownership.shared) return true;
  if (ownership.owner_id == employee_id_) return true;
  const auto& team = ownership.team_member_ids;
  if (std::find(team.begin(), team.end(), employee_id_) != team.end()) return true;
  if (kind_ != Kind::kDepartment || resolver_ == nullptr) return false;
  if (ownership.department_id &&
      resolver_->IsWithinDepartment(*ownership.department_id, department_id_)) {
    return true;
  }
  if (ownership.owner_id) {
    std::optional<std::string> owner_department = resolver_->DepartmentOf(*ownership.owner_id);
    if (owner_department && resolver_->IsWithinDepartment(*owner_department, department_id_)) {
      return true;
    }
  }
  return false;
}

bool DataScope::AllowsRecord(std::string_view category, std::string_view id) const {
  if (kind_ == Kind::kAll) return true;
  if (resolver_ == nullptr) return false;
  std::optional<Ownership> ownership = resolver_->OwnershipOf(category, id);
  return ownership && Allows(*ownership);
}

bool DataScope::AllowsStream(const eventstore::StreamName& stream) const {
  if (stream.category() == kSystemCategory) return sees_system_;
  return AllowsRecord(stream.category(), stream.id());
}

bool DataScope::CoversDepartment(std::string_view department) const {
  if (kind_ == Kind::kAll) return true;
  return kind_ == Kind::kDepartment && resolver_ != nullptr &&
         resolver_->IsWithinDepartment(department, department_id_);
}

bool DataScope::CoversEmployee(std::string_view employee_id) const {
  if (kind_ == Kind::kAll || employee_id == employee_id_) return true;
  if (kind_ != Kind::kDepartment || resolver_ == nullptr) return false;
  std::optional<std::string> department = resolver_->DepartmentOf(employee_id);
  return department && resolver_->IsWithinDepartment(*department, department_id_);
}

std::optional<commands::CommandError> DataScope::AuthorizeCommand(
    const commands::CommandTarget& target) const {
  if (kind_ == Kind::kAll) return std::nullopt;
  using Kind = commands::CommandError::Kind;
  if (target.reference_data) {
    return commands::CommandError{
        .kind = Kind::kForbidden,
        .code = "reference_data_needs_admin",
        .field = "",
        .message = "the " + target.category +
                   " record is reference data shared by everyone; changing it needs the admin role"};
  }
  // A sales target is set by a manager, never by the person it measures.
  if (kind_ == DataScope::Kind::kOwn && target.category == "sales_target") {
    return commands::CommandError{
        .kind = Kind::kForbidden,
        .code = "manager_role_required",
        .field = "",
        .message = "sales targets are set by a manager or an admin"};
  }
  const Ownership ownership{.owner_id = target.owner_id,
                            .department_id = target.department_id,
                            .team_member_ids = target.team_member_ids};
  if (Allows(ownership)) return std::nullopt;
  if (target.creates) {
    return commands::CommandError{
        .kind = Kind::kForbidden,
        .code = "out_of_scope",
        .field = "",
        .message = "the new " + target.category +
                   " would be outside your data scope: assign it to yourself or your team"};
  }
  return commands::CommandError{
      .kind = Kind::kNotFound,
      .code = "not_found",
      .field = "",
      .message = "no " + target.category + " with id '" + target.id + "'"};
}

}  // namespace dealstream::api
