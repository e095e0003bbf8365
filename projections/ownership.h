// Ownership lookups for data scopes (DESIGN §6): who owns a record now,
// its department, its team; an employee's department; department subtree
// membership. Answered from the books as they stand ("now"), because
// authorization is about the present.
//
// Records that belong to another record answer that record's ownership
// (a contact its customer's). Reference data every role may see
// (departments, employees, products, competitors, configuration…) is
// `shared`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "projections/books.h"

namespace dealstream::projections {

struct OwnershipFacts {
  std::optional<std::string> owner_id;
  std::optional<std::string> department_id;
  std::vector<std::string> team_member_ids;
  bool shared = false;
};

// Ownership of the record of stream "<category>-<id>"; nullopt when the
// record is unknown to the read side.
std::optional<OwnershipFacts> OwnershipOf(const CrmBooks& books, std::string_view category,
                                          std::string_view id);
// The current department of an employee; nullopt when unknown.
std::optional<std::string> DepartmentOfEmployee(const CrmBooks& books,
                                                std::string_view employee_id);
// True if `department` is `ancestor` or below it, in the tree as it is now.
bool IsWithinDepartment(const CrmBooks& books, std::string_view department,
                        std::string_view ancestor);

}  // namespace dealstream::projections
