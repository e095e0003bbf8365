#include "domain/organisation/employee.h"

#include <string>

#include "domain/common/checks.h"
#include "domain/common/text_rules.h"
#include "domain/organisation/org_checks.h"

namespace dealstream::domain {
namespace {

using Event = EmployeeAggregate::Event;
using Outcome = Decision<Event>;

// Deeper manager chains than this are treated as data corruption rather
// than walked forever.
constexpr int kMaxManagerChain = 256;

Outcome Refuse(DomainError error) { return Unexpected(std::move(error)); }

std::optional<DomainError> RequireActive(const EmployeeState& state) {
  if (!state.exists) {
    return NotFound("employee_not_found", "employee_id", "employee_id: no such employee");
  }
  if (state.left) {
    return RuleViolated("employee_left", "employee_id",
                        "employee_id: \"" + state.id.value + "\" has left the company");
  }
  return std::nullopt;
}

// The manager must be an active employee other than `employee`, and must
// not report to `employee` directly or indirectly.
std::optional<DomainError> CheckManager(const Directory& directory, const Id& employee,
                                        const Id& manager) {
  if (manager == employee) {
    return Invalid("manager_is_self", "manager_id",
                   "manager_id: an employee cannot manage themselves");
  }
  auto facts = RequireActiveEmployee(directory, manager, "manager_id", "manager");
  if (!facts.ok()) return facts.error();
  std::optional<Id> above = manager;
  for (int depth = 0; above && depth < kMaxManagerChain; ++depth) {
    std::optional<EmployeeFacts> facts = directory.FindEmployee(*above);
    if (!facts) break;
    if (facts->manager_id == employee) {
      return RuleViolated(
          "manager_cycle", "manager_id",
          "manager_id: \"" + manager.value + "\" reports to this employee, directly or indirectly");
    }
    above = facts->manager_id;
  }
  return std::nullopt;
}

Outcome DecideOne(const EmployeeState& state, const HireEmployee& c, const DecideContext& ctx) {
  if (!c.id) {
    return Refuse(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Refuse(AlreadyExists("employee_exists", "employee \"" + c.id->value + "\" exists"));
  }
  if (IsBlank(c.name)) return Refuse(Invalid("name_blank", "name", "name: must not be blank"));
  if (auto e = RequireOpenDepartment(ctx.directory, c.department_id, "department_id")) {
    return Refuse(*e);
  }
  if (c.manager_id) {
    if (auto e = CheckManager(ctx.directory, *c.id, *c.manager_id)) return Refuse(*e);
  }
  return Emit<Event>(EmployeeHired{*c.id, c.name, c.department_id, c.role, c.manager_id});
}

Outcome DecideOne(const EmployeeState& state, const TransferEmployee& c, const DecideContext& ctx) {
  if (auto e = RequireActive(state)) return Refuse(*e);
  if (c.department_id == state.department_id && c.manager_id == state.manager_id) {
    return Refuse(
        RuleViolated("transfer_unchanged", "department_id",
                     "department_id: the employee already has this department and manager"));
  }
  if (auto e = RequireOpenDepartment(ctx.directory, c.department_id, "department_id")) {
    return Refuse(*e);
  }
  if (c.manager_id) {
    if (auto e = CheckManager(ctx.directory, c.employee_id, *c.manager_id)) return Refuse(*e);
  }
  return Emit<Event>(EmployeeTransferred{c.employee_id, c.department_id, state.department_id,
                                         c.manager_id, state.manager_id});
}

Outcome DecideOne(const EmployeeState& state, const ChangeEmployeeRole& c, const DecideContext&) {
  if (auto e = RequireActive(state)) return Refuse(*e);
  if (c.role == state.role) {
    return Refuse(RuleViolated("role_unchanged", "role",
                               "role: is already \"" + std::string(NameOf(c.role)) + "\""));
  }
  return Emit<Event>(EmployeeRoleChanged{c.employee_id, c.role, state.role});
}

Outcome DecideOne(const EmployeeState& state, const RecordEmployeeDeparture& c,
                  const DecideContext& ctx) {
  if (auto e = RequireActive(state)) return Refuse(*e);
  Date last_day = c.last_day.value_or(Date::Of(ctx.now));
  if (last_day < state.hired_on) {
    return Refuse(Invalid("last_day_before_hire", "last_day",
                          "last_day: precedes the day the employee was hired"));
  }
  OpenWork work = ctx.directory.OpenWorkOf(c.employee_id);
  if (!work.customers.empty() || !work.opportunities.empty() || !work.service_requests.empty()) {
    return Refuse(RuleViolated("open_work_not_handed_over", "employee_id",
                               "employee_id: still owns " + std::to_string(work.customers.size()) +
                                   " customers, " + std::to_string(work.opportunities.size()) +
                                   " open opportunities and " +
                                   std::to_string(work.service_requests.size()) +
                                   " open service requests; hand them over first"));
  }
  return Emit<Event>(EmployeeLeft{c.employee_id, state.department_id, last_day, c.reason});
}

void EvolveOne(EmployeeState& s, const EmployeeHired& e, Timestamp at) {
  s.exists = true;
  s.id = e.employee_id;
  s.name = e.name;
  s.department_id = e.department_id;
  s.role = e.role;
  s.manager_id = e.manager_id;
  s.hired_on = Date::Of(at);
}
void EvolveOne(EmployeeState& s, const EmployeeTransferred& e, Timestamp) {
  s.department_id = e.department_id;
  s.manager_id = e.manager_id;
}
void EvolveOne(EmployeeState& s, const EmployeeRoleChanged& e, Timestamp) { s.role = e.role; }
void EvolveOne(EmployeeState& s, const EmployeeLeft& e, Timestamp) {
  s.left = true;
  s.last_day = e.last_day;
}

}  // namespace

Decision<Event> EmployeeAggregate::Decide(const State& state, const Command& command,
                                          const DecideContext& ctx) {
  return std::visit([&](const auto& c) { return DecideOne(state, c, ctx); }, command);
}

void EmployeeAggregate::Evolve(State& state, const Event& event, Timestamp at) {
  std::visit([&](const auto& e) { EvolveOne(state, e, at); }, event);
}

std::optional<EmployeeFacts> FactsOf(const EmployeeState& state) {
  if (!state.exists) return std::nullopt;
  return EmployeeFacts{
      state.id,         state.name, state.department_id, std::string(NameOf(state.role)),
      state.manager_id, !state.left};
}

}  // namespace dealstream::domain
