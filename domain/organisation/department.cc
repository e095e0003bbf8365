#include "domain/organisation/department.h"

#include <string>

#include "domain/common/checks.h"
#include "domain/common/text_rules.h"
#include "domain/organisation/org_checks.h"

namespace dealstream::domain {
namespace {

using Event = DepartmentAggregate::Event;
using Outcome = Decision<Event>;

Outcome Refuse(DomainError error) { return Unexpected(std::move(error)); }

// Every command but creation needs a department that exists and is open.
std::optional<DomainError> RequireOpen(const DepartmentState& state) {
  if (!state.exists) {
    return NotFound("department_not_found", "department_id", "department_id: no such department");
  }
  if (state.closed) {
    return RuleViolated("department_closed", "department_id",
                        "department_id: department \"" + state.id.value + "\" is closed");
  }
  return std::nullopt;
}

std::optional<DomainError> RequireName(const std::string& name) {
  if (IsBlank(name)) return Invalid("name_blank", "name", "name: must not be blank");
  return std::nullopt;
}

Outcome DecideOne(const DepartmentState& state, const CreateDepartment& c,
                  const DecideContext& ctx) {
  if (!c.id) {
    return Refuse(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Refuse(AlreadyExists("department_exists", "department \"" + c.id->value + "\" exists"));
  }
  if (auto e = RequireName(c.name)) return Refuse(*e);
  if (c.parent_id) {
    if (auto e = RequireOpenDepartment(ctx.directory, *c.parent_id, "parent_id")) return Refuse(*e);
  }
  return Emit<Event>(DepartmentCreated{*c.id, c.name, c.parent_id});
}

Outcome DecideOne(const DepartmentState& state, const RenameDepartment& c, const DecideContext&) {
  if (auto e = RequireOpen(state)) return Refuse(*e);
  if (auto e = RequireName(c.name)) return Refuse(*e);
  if (c.name == state.name) {
    return Refuse(RuleViolated("name_unchanged", "name", "name: is already \"" + c.name + "\""));
  }
  return Emit<Event>(DepartmentRenamed{c.department_id, c.name, state.name});
}

Outcome DecideOne(const DepartmentState& state, const MoveDepartment& c, const DecideContext& ctx) {
  if (auto e = RequireOpen(state)) return Refuse(*e);
  if (c.parent_id == state.parent_id) {
    return Refuse(RuleViolated("parent_unchanged", "parent_id",
                               "parent_id: the department is already there"));
  }
  if (c.parent_id) {
    if (auto e = RequireOpenDepartment(ctx.directory, *c.parent_id, "parent_id")) return Refuse(*e);
    // The new parent lies inside the moved subtree when the moved department
    // is the parent itself or one of its ancestors.
    if (ctx.directory.IsWithinDepartment(*c.parent_id, c.department_id)) {
      return Refuse(RuleViolated(
          "department_cycle", "parent_id",
          "parent_id: \"" + c.parent_id->value + "\" is the department itself or inside it"));
    }
  }
  return Emit<Event>(DepartmentMoved{c.department_id, c.parent_id, state.parent_id});
}

Outcome DecideOne(const DepartmentState& state, const AssignDepartmentManager& c,
                  const DecideContext& ctx) {
  if (auto e = RequireOpen(state)) return Refuse(*e);
  auto manager = RequireActiveEmployee(ctx.directory, c.manager_id, "manager_id", "manager");
  if (!manager.ok()) return Refuse(manager.error());
  if (state.manager_id == c.manager_id) {
    return Refuse(RuleViolated("manager_unchanged", "manager_id",
                               "manager_id: already manages this department"));
  }
  // A manager sits in the department or above it, never in a sibling branch.
  if (!ctx.directory.IsWithinDepartment(c.department_id, manager->department_id)) {
    return Refuse(RuleViolated("manager_outside_department", "manager_id",
                               "manager_id: the employee belongs to department \"" +
                                   manager->department_id.value +
                                   "\", which is neither this department nor above it"));
  }
  return Emit<Event>(DepartmentManagerAssigned{c.department_id, c.manager_id, state.manager_id});
}

Outcome DecideOne(const DepartmentState& state, const CloseDepartment& c,
                  const DecideContext& ctx) {
  if (auto e = RequireOpen(state)) return Refuse(*e);
  DepartmentContents contents = ctx.directory.ContentsOf(c.department_id);
  if (!contents.sub_departments.empty() || !contents.employees.empty()) {
    return Refuse(
        RuleViolated("department_not_empty", "department_id",
                     "department_id: still has " + std::to_string(contents.sub_departments.size()) +
                         " open sub-departments and " + std::to_string(contents.employees.size()) +
                         " active employees; move them first"));
  }
  return Emit<Event>(DepartmentClosed{c.department_id, c.reason});
}

void EvolveOne(DepartmentState& s, const DepartmentCreated& e) {
  s.exists = true;
  s.id = e.department_id;
  s.name = e.name;
  s.parent_id = e.parent_id;
}
void EvolveOne(DepartmentState& s, const DepartmentRenamed& e) { s.name = e.name; }
void EvolveOne(DepartmentState& s, const DepartmentMoved& e) { s.parent_id = e.parent_id; }
void EvolveOne(DepartmentState& s, const DepartmentManagerAssigned& e) {
  s.manager_id = e.manager_id;
}
void EvolveOne(DepartmentState& s, const DepartmentClosed&) { s.closed = true; }

}  // namespace

Decision<Event> DepartmentAggregate::Decide(const State& state, const Command& command,
                                            const DecideContext& ctx) {
  return std::visit([&](const auto& c) { return DecideOne(state, c, ctx); }, command);
}

void DepartmentAggregate::Evolve(State& state, const Event& event, Timestamp) {
  std::visit([&](const auto& e) { EvolveOne(state, e); }, event);
}

std::optional<DepartmentFacts> FactsOf(const DepartmentState& state) {
  if (!state.exists) return std::nullopt;
  return DepartmentFacts{state.id, state.name, state.parent_id, state.manager_id, !state.closed};
}

}  // namespace dealstream::domain
