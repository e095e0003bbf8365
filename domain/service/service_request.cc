#include "domain/service/service_request.h"

#include <string>
#include <variant>

#include "domain/common/checks.h"

namespace dealstream::domain {

namespace {

using Outcome = Decision<ServiceRequestEvent>;

std::optional<DomainError> CheckExists(const ServiceRequestState& state) {
  if (state.exists) return std::nullopt;
  return NotFound("service_request_not_found", "service_request_id",
                  "service_request_id: no service request with this id has been opened");
}

std::optional<DomainError> CheckOpen(const ServiceRequestState& state) {
  if (auto e = CheckExists(state)) return e;
  if (state.status == ServiceRequestStatus::kOpen) return std::nullopt;
  return RuleViolated("service_request_not_open", "service_request_id",
                      "service_request_id: the request is " + std::string(NameOf(state.status)) +
                          "; reopen it first");
}

Outcome DecideCommand(const ServiceRequestState& state, const OpenServiceRequest& c,
                      const DecideContext& ctx) {
  if (!c.id) {
    return Unexpected(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Unexpected(AlreadyExists("service_request_exists",
                                    "service request '" + c.id->value + "' is already open"));
  }
  if (auto e = CheckNotBlank(c.queue, "queue")) return Unexpected(*e);
  if (auto e = CheckNotBlank(c.subject, "subject")) return Unexpected(*e);
  if (c.due_date && *c.due_date < Date::Of(ctx.now)) {
    return Unexpected(Invalid("due_date_in_past", "due_date",
                              "due_date: " + DateText(*c.due_date) + " is already past"));
  }
  auto customer = RequireUsableCustomer(ctx.directory, c.customer_id, "customer_id");
  if (!customer.ok()) return Unexpected(customer.error());
  if (c.contact_id) {
    std::optional<ContactFacts> contact = ctx.directory.FindContact(*c.contact_id);
    if (!contact) {
      return Unexpected(
          NotFound("contact_not_found", "contact_id",
                   "contact_id: contact '" + c.contact_id->value + "' does not exist"));
    }
    if (contact->customer_id != c.customer_id) {
      return Unexpected(Invalid("contact_customer_mismatch", "contact_id",
                                "contact_id: the contact belongs to another customer"));
    }
  }
  if (c.contract_id) {
    std::optional<ContractFacts> contract = ctx.directory.FindContract(*c.contract_id);
    if (!contract) {
      return Unexpected(
          NotFound("contract_not_found", "contract_id",
                   "contract_id: contract '" + c.contract_id->value + "' does not exist"));
    }
    if (contract->customer_id != c.customer_id) {
      return Unexpected(Invalid("contract_customer_mismatch", "contract_id",
                                "contract_id: the contract belongs to another customer"));
    }
  }
  std::optional<Id> concerns = c.concerns_employee_id ? c.concerns_employee_id : customer->owner_id;
  if (c.concerns_employee_id && !ctx.directory.FindEmployee(*c.concerns_employee_id)) {
    return Unexpected(NotFound(
        "employee_not_found", "concerns_employee_id",
        "concerns_employee_id: employee '" + c.concerns_employee_id->value + "' does not exist"));
  }
  return Emit<ServiceRequestEvent>(ServiceRequestOpened{
      *c.id, c.customer_id, c.contact_id, c.type, c.priority, c.queue, c.subject, c.description,
      c.due_date, c.contract_id, concerns, ctx.actor});
}

Outcome DecideCommand(const ServiceRequestState& state, const AssignServiceRequest& c,
                      const DecideContext& ctx) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  if (state.assignee_id == c.assignee_id) {
    return Unexpected(RuleViolated(
        "already_assigned", "assignee_id",
        "assignee_id: the request is already assigned to '" + c.assignee_id.value + "'"));
  }
  auto assignee = RequireActiveEmployee(ctx.directory, c.assignee_id, "assignee_id", "assignee");
  if (!assignee.ok()) return Unexpected(assignee.error());
  return Emit<ServiceRequestEvent>(
      ServiceRequestAssigned{state.id, c.assignee_id, state.assignee_id, state.queue});
}

Outcome DecideCommand(const ServiceRequestState& state, const EscalateServiceRequest& c,
                      const DecideContext& ctx) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  if (auto e = CheckNotBlank(c.reason, "reason")) return Unexpected(*e);
  if (!c.priority && !c.escalated_to_id) {
    return Unexpected(Invalid("nothing_to_escalate", "",
                              "give a higher priority, someone to escalate to, or both"));
  }
  if (c.priority && *c.priority <= state.priority) {
    return Unexpected(RuleViolated("priority_not_raised", "priority",
                                   "priority: '" + std::string(NameOf(*c.priority)) +
                                       "' is not above the current '" +
                                       std::string(NameOf(state.priority)) + "'"));
  }
  if (c.escalated_to_id) {
    auto to =
        RequireActiveEmployee(ctx.directory, *c.escalated_to_id, "escalated_to_id", "escalated_to");
    if (!to.ok()) return Unexpected(to.error());
  }
  return Emit<ServiceRequestEvent>(
      ServiceRequestEscalated{state.id, c.priority.value_or(state.priority), state.priority,
                              c.escalated_to_id, c.reason, state.escalations + 1});
}

Outcome DecideCommand(const ServiceRequestState& state, const ResolveServiceRequest& c,
                      const DecideContext& ctx) {
  if (auto e = CheckOpen(state)) return Unexpected(*e);
  if (auto e = CheckNotBlank(c.resolution, "resolution")) return Unexpected(*e);
  return Emit<ServiceRequestEvent>(ServiceRequestResolved{
      state.id, state.customer_id, state.type, state.priority, state.assignee_id,
      state.concerns_employee_id, c.resolution, ctx.actor});
}

Outcome DecideCommand(const ServiceRequestState& state, const CloseServiceRequest& c,
                      const DecideContext& ctx) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  if (state.status != ServiceRequestStatus::kResolved) {
    return Unexpected(RuleViolated("service_request_not_resolved", "service_request_id",
                                   "service_request_id: the request is " +
                                       std::string(NameOf(state.status)) +
                                       "; only a resolved request is closed"));
  }
  if (c.satisfaction && (*c.satisfaction < 1 || *c.satisfaction > 5)) {
    return Unexpected(Invalid("satisfaction_out_of_range", "satisfaction",
                              "satisfaction: must be between 1 and 5"));
  }
  return Emit<ServiceRequestEvent>(
      ServiceRequestClosed{state.id, state.customer_id, state.type, state.assignee_id,
                           state.concerns_employee_id, c.satisfaction, c.feedback, ctx.actor});
}

Outcome DecideCommand(const ServiceRequestState& state, const ReopenServiceRequest& c,
                      const DecideContext&) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  if (state.status == ServiceRequestStatus::kOpen) {
    return Unexpected(RuleViolated("service_request_not_resolved", "service_request_id",
                                   "service_request_id: the request is still open"));
  }
  if (auto e = CheckNotBlank(c.reason, "reason")) return Unexpected(*e);
  return Emit<ServiceRequestEvent>(ServiceRequestReopened{state.id, state.status, c.reason});
}

void Apply(ServiceRequestState& s, const ServiceRequestOpened& e) {
  s.exists = true;
  s.id = e.service_request_id;
  s.customer_id = e.customer_id;
  s.contact_id = e.contact_id;
  s.type = e.type;
  s.priority = e.priority;
  s.queue = e.queue;
  s.due_date = e.due_date;
  s.concerns_employee_id = e.concerns_employee_id;
  s.status = ServiceRequestStatus::kOpen;
}

void Apply(ServiceRequestState& s, const ServiceRequestAssigned& e) {
  s.assignee_id = e.assignee_id;
}

void Apply(ServiceRequestState& s, const ServiceRequestEscalated& e) {
  s.priority = e.priority;
  s.escalations = e.level;
}

void Apply(ServiceRequestState& s, const ServiceRequestResolved&) {
  s.status = ServiceRequestStatus::kResolved;
}

void Apply(ServiceRequestState& s, const ServiceRequestClosed& e) {
  s.status = ServiceRequestStatus::kClosed;
  s.satisfaction = e.satisfaction;
}

void Apply(ServiceRequestState& s, const ServiceRequestReopened&) {
  s.status = ServiceRequestStatus::kOpen;
  s.satisfaction.reset();
}

}  // namespace

Decision<ServiceRequestEvent> ServiceRequestAggregate::Decide(const State& state,
                                                              const Command& command,
                                                              const DecideContext& context) {
  return std::visit([&](const auto& c) { return DecideCommand(state, c, context); }, command);
}

void ServiceRequestAggregate::Evolve(State& state, const Event& event, Timestamp) {
  std::visit([&](const auto& e) { Apply(state, e); }, event);
}

}  // namespace dealstream::domain
