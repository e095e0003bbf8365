// ScopeResolver: the ownership facts that data scopes need, answered by the
// read side (the projections module implements it; tests use a fake).
//
// This header is an interface only (no .cc): a module that implements it
// includes it without linking ds_api, so the dependency stays one-way.
//
// Thread-safety: implementations must allow concurrent calls from any
// thread (server threads and live-feed threads call it).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dealstream::api {

// Who a record belongs to, as it stands now.
struct Ownership {
  std::optional<std::string> owner_id;       // employee id
  std::optional<std::string> department_id;  // owning department, if any
  std::vector<std::string> team_member_ids;  // e.g. an opportunity's team
  // Reference data every role may see (departments, employees, products,
  // competitors, sales-process configuration).
  bool shared = false;
};

class ScopeResolver {
 public:
  virtual ~ScopeResolver() = default;

  // Ownership of the record kept in stream "<category>-<id>"; nullopt when
  // the record is unknown. Records that belong to another record (a
  // contact to its customer, a contract to its customer) answer that
  // record's ownership.
  virtual std::optional<Ownership> OwnershipOf(std::string_view category,
                                               std::string_view id) const = 0;

  // The department an employee belongs to; nullopt when unknown.
  virtual std::optional<std::string> DepartmentOf(std::string_view employee_id) const = 0;

  // True if `department` is `ancestor` or lies anywhere below it.
  virtual bool IsWithinDepartment(std::string_view department,
                                  std::string_view ancestor) const = 0;
};

}  // namespace dealstream::api
