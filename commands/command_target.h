// Who a command's target belongs to, for data-scope checks (DESIGN §6):
// read by reflection from the record's state (or, for a creation, from the
// command), so that every aggregate answers by the same rule:
//
//   1. its own owner_id / department_id (customers, opportunities, care
//      plans, leads, campaigns), plus an opportunity's team and a service
//      request's assignee as team members;
//   2. else employee_id (expenses, sales targets) or author_id (knowledge
//      articles; on publication, the author is the caller) as the owner;
//   3. else the record it belongs to: customer_id (contacts, contracts,
//      service requests), then opportunity_id — resolved through the
//      OwnershipLookup;
//   4. else it is reference data: no owner. The organisation, the catalog
//      and the configuration always are (kReferenceCategories), even where
//      their states name a department (an employee's).
//
// Internal to the commands module (instantiated by command_handler.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "commands/command_service.h"
#include "domain/common/reflect.h"
#include "domain/common/values.h"

namespace dealstream::commands {

inline constexpr std::string_view kReferenceCategories[] = {
    "department", "employee", "partner", "product", "competitor", "competing_product", "config",
    "budget"};

struct OwnershipFields {
  std::optional<std::string> owner_id;
  std::optional<std::string> department_id;
  std::optional<std::string> employee_id;
  std::optional<std::string> author_id;
  std::optional<std::string> customer_id;
  std::optional<std::string> opportunity_id;
  std::vector<std::string> team_member_ids;
  bool has_author = false;  // the record kind has an author
};

// The ownership-bearing fields of `value` (a state or a command).
template <typename T>
OwnershipFields OwnershipFieldsOf(const T& value) {
  OwnershipFields out;
  if constexpr (requires { value.team; }) {
    for (const auto& member : value.team) out.team_member_ids.push_back(member.member_id.value);
  }
  if constexpr (domain::Reflected<T>) {  // configuration states are not: reference data
    domain::ForEachField<T>([&](const auto& field) {
      const auto& member = value.*(field.member);
      using M = std::decay_t<decltype(member)>;
      std::optional<std::string> id;
      if constexpr (std::is_same_v<M, domain::Id>) {
        if (!member.value.empty()) id = member.value;
      } else if constexpr (std::is_same_v<M, std::optional<domain::Id>>) {
        if (member && !member->value.empty()) id = member->value;
      } else {
        return;
      }
      const std::string_view name = field.name;
      if (name == "owner_id") out.owner_id = id;
      if (name == "department_id") out.department_id = id;
      if (name == "employee_id") out.employee_id = id;
      if (name == "author_id") out.has_author = true, out.author_id = id;
      if (name == "customer_id") out.customer_id = id;
      if (name == "opportunity_id") out.opportunity_id = id;
      if (name == "assignee_id" && id) out.team_member_ids.push_back(*id);
    });
  }
  return out;
}

// Fills `target`'s ownership from `fields` by the rules above; `actor` is
// the caller (the author of a new article); `lookup` resolves the ownership
// of a customer or opportunity. Sets reference_data when nothing owns it.
template <typename Lookup>
void ResolveOwnership(const OwnershipFields& fields, const std::string& actor,
                      const Lookup& lookup, CommandTarget& target) {
  for (std::string_view category : kReferenceCategories) {
    if (target.category == category) {
      target.reference_data = true;
      return;
    }
  }
  target.team_member_ids = fields.team_member_ids;
  if (fields.owner_id || fields.department_id) {
    target.owner_id = fields.owner_id;
    target.department_id = fields.department_id;
    return;
  }
  if (fields.employee_id || fields.author_id || fields.has_author) {
    target.owner_id = fields.employee_id ? fields.employee_id
                      : fields.author_id ? fields.author_id
                                         : std::optional<std::string>(actor);
    return;
  }
  for (const auto& [category, id] : {std::pair{"customer", fields.customer_id},
                                     std::pair{"opportunity", fields.opportunity_id}}) {
    if (!id) continue;
    CommandTarget owner{category, *id, false, {}, {}, {}};
    lookup(owner);
    target.owner_id = owner.owner_id;
    target.department_id = owner.department_id;
    target.team_member_ids.insert(target.team_member_ids.end(), owner.team_member_ids.begin(),
                                  owner.team_member_ids.end());
    return;
  }
  target.reference_data = true;
}

}  // namespace dealstream::commands
