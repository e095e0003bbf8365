#include "app/directory_scope_resolver.h"

#include <array>

namespace dealstream::app {
namespace {

constexpr std::array<std::string_view, 8> kSharedCategories = {
    "department", "employee", "product", "competitor", "competing_product",
    "partner",    "campaign", "config"};

std::optional<std::string> OptionalId(const std::optional<domain::Id>& id) {
  if (!id) return std::nullopt;
  return id->value;
}

}  // namespace

std::optional<api::Ownership> DirectoryScopeResolver::CustomerOwnership(const domain::Id& id) const {
  auto customer = directory_.FindCustomer(id);
  if (!customer) return std::nullopt;
  return api::Ownership{.owner_id = OptionalId(customer->owner_id),
                        .department_id = OptionalId(customer->department_id)};
}

std::optional<api::Ownership> DirectoryScopeResolver::OwnershipOf(std::string_view category,
                                                                  std::string_view id) const {
  for (std::string_view shared : kSharedCategories) {
    if (category == shared) return api::Ownership{.shared = true};
  }
  const domain::Id record{std::string(id)};
  if (category == "customer") return CustomerOwnership(record);
  if (category == "opportunity") {
    auto opportunity = directory_.FindOpportunity(record);
    if (!opportunity) return std::nullopt;
    return api::Ownership{.owner_id = opportunity->owner_id.value,
                          .department_id = OptionalId(opportunity->department_id)};
  }
  if (category == "contact") {
    auto contact = directory_.FindContact(record);
    return contact ? CustomerOwnership(contact->customer_id) : std::nullopt;
  }
  if (category == "contract") {
    auto contract = directory_.FindContract(record);
    return contract ? CustomerOwnership(contract->customer_id) : std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::string> DirectoryScopeResolver::DepartmentOf(std::string_view employee_id) const {
  auto employee = directory_.FindEmployee(domain::Id{std::string(employee_id)});
  if (!employee) return std::nullopt;
  return employee->department_id.value;
}

bool DirectoryScopeResolver::IsWithinDepartment(std::string_view department,
                                                std::string_view ancestor) const {
  return directory_.IsWithinDepartment(domain::Id{std::string(department)},
                                       domain::Id{std::string(ancestor)});
}

}  // namespace dealstream::app
