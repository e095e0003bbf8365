// DataScope: which records a caller may see and change (DESIGN §6).
//
//   all         admin, auditor, analyst, integrator ("headquarters roles")
//   department  manager: records owned by anyone in their department's
//               subtree, or assigned to a department in it
//   own         sales: records they own or are on the team of
// A manager whose department is unknown falls back to "own". Every scoped
// check fails closed: an unknown record, or no ScopeResolver at all, means
// "not visible" for department and own scopes.
//
// Out-of-scope existing records are reported as not found (404), so that a
// caller cannot learn that they exist.
//
// Thread-safety: a DataScope is an immutable value; its resolver must be
// thread-safe (see scope_resolver.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "api/auth.h"
#include "api/scope_resolver.h"
#include "commands/command_service.h"
#include "eventstore/types.h"

namespace dealstream::api {

// Stream category of token grants and other system streams, visible in the
// event feed to admins and auditors only.
inline constexpr std::string_view kSystemCategory = "system";

class DataScope {
 public:
  enum class Kind { kAll, kDepartment, kOwn };

  // `resolver` may be null (nothing resolvable yet) and must outlive the scope.
  static DataScope For(const Principal& principal, const ScopeResolver* resolver);

  Kind kind() const { return kind_; }
  const std::string& department_id() const { return department_id_; }

  // True if a record with this ownership is within the scope.
  bool Allows(const Ownership& ownership) const;
  // Resolves the record of stream "<category>-<id>" and checks it.
  bool AllowsRecord(std::string_view category, std::string_view id) const;
  // Whether a stream may be read: system streams only by admins and
  // auditors; others by their record's scope.
  bool AllowsStream(const eventstore::StreamName& stream) const;
  // Whether an event of the feed may be shown: as its stream.
  bool AllowsEvent(const eventstore::RecordedEvent& event) const { return AllowsStream(event.stream); }

  // For aggregate reads (projections) filtered by department or owner:
  // true if every record of department `department` (its subtree) is in
  // scope — always for kAll, within the manager's subtree for kDepartment,
  // never for kOwn.
  bool CoversDepartment(std::string_view department) const;
  // True if records owned by `employee_id` are in scope: kAll; oneself;
  // for kDepartment, employees of the manager's subtree.
  bool CoversEmployee(std::string_view employee_id) const;

  // The CommandRequest::authorize check: refuses an out-of-scope target,
  // as kNotFound for existing records (no existence leak) and kForbidden
  // for records the command would create.
  std::optional<commands::CommandError> AuthorizeCommand(
      const commands::CommandTarget& target) const;

 private:
  DataScope(Kind kind, std::string employee_id, std::string department_id,
            bool sees_system, const ScopeResolver* resolver)
      : kind_(kind), employee_id_(std::move(employee_id)),
        department_id_(std::move(department_id)), sees_system_(sees_system),
        resolver_(resolver) {}

  Kind kind_;
  std::string employee_id_;
  std::string department_id_;  // for kDepartment
  bool sees_system_;
  const ScopeResolver* resolver_;
};

}  // namespace dealstream::api
