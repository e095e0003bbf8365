#include "domain/expense/expense.h"

#include <string>
#include <variant>

#include "domain/common/checks.h"

namespace dealstream::domain {

namespace {

using Outcome = Decision<ExpenseEvent>;

std::optional<DomainError> CheckExists(const ExpenseState& state) {
  if (state.exists) return std::nullopt;
  return NotFound("expense_not_found", "expense_id",
                  "expense_id: no expense with this id has been claimed");
}

std::optional<DomainError> CheckLinks(const ExpenseLinks& links, const Directory& directory) {
  std::optional<OpportunityFacts> opportunity;
  if (links.opportunity_id) {
    opportunity = directory.FindOpportunity(*links.opportunity_id);
    if (!opportunity) {
      return NotFound("opportunity_not_found", "related.opportunity_id",
                      "related.opportunity_id: opportunity '" + links.opportunity_id->value +
                          "' does not exist");
    }
  }
  if (links.activity_id && !links.opportunity_id) {
    return Invalid("opportunity_required", "related.activity_id",
                   "related.activity_id: an activity is named together with its opportunity");
  }
  std::optional<Id> customer = links.customer_id;
  if (links.customer_id) {
    if (!directory.FindCustomer(*links.customer_id)) {
      return NotFound(
          "customer_not_found", "related.customer_id",
          "related.customer_id: customer '" + links.customer_id->value + "' does not exist");
    }
    if (opportunity && opportunity->customer_id != *links.customer_id) {
      return Invalid("opportunity_customer_mismatch", "related.opportunity_id",
                     "related.opportunity_id: the opportunity belongs to another customer");
    }
  } else if (opportunity) {
    customer = opportunity->customer_id;
  }
  if (links.contact_id) {
    std::optional<ContactFacts> contact = directory.FindContact(*links.contact_id);
    if (!contact) {
      return NotFound(
          "contact_not_found", "related.contact_id",
          "related.contact_id: contact '" + links.contact_id->value + "' does not exist");
    }
    if (customer && contact->customer_id != *customer) {
      return Invalid("contact_customer_mismatch", "related.contact_id",
                     "related.contact_id: the contact belongs to another customer");
    }
  }
  if (links.campaign_id && !directory.FindCampaign(*links.campaign_id)) {
    return NotFound(
        "campaign_not_found", "related.campaign_id",
        "related.campaign_id: campaign '" + links.campaign_id->value + "' does not exist");
  }
  return std::nullopt;
}

// The expense awaits a decision and the actor may take it.
std::optional<DomainError> CheckDecidable(const ExpenseState& state, const DecideContext& ctx) {
  if (auto e = CheckExists(state)) return e;
  if (state.status != ExpenseStatus::kClaimed) {
    return RuleViolated("expense_not_pending", "expense_id",
                        "expense_id: the expense is " + std::string(NameOf(state.status)) +
                            ", not awaiting a decision");
  }
  // The claimant's current department; the one claimed under if unknown.
  std::optional<EmployeeFacts> claimant = ctx.directory.FindEmployee(state.employee_id);
  const Id department = claimant ? claimant->department_id : state.department_id;
  return CheckApprover(ctx.directory, ctx.actor, department,
                       {&state.employee_id, &state.claimed_by});
}

Outcome DecideCommand(const ExpenseState& state, const ClaimExpense& c, const DecideContext& ctx) {
  if (!c.id) {
    return Unexpected(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Unexpected(
        AlreadyExists("expense_exists", "expense '" + c.id->value + "' is already claimed"));
  }
  auto employee = RequireActiveEmployee(ctx.directory, c.employee_id, "employee_id", "employee");
  if (!employee.ok()) return Unexpected(employee.error());
  if (auto e = CheckPositive(c.amount, "amount")) return Unexpected(*e);
  if (c.incurred_on > Date::Of(ctx.now)) {
    return Unexpected(Invalid("incurred_in_future", "incurred_on",
                              "incurred_on: " + DateText(c.incurred_on) + " has not happened yet"));
  }
  if (auto e = CheckNotBlank(c.description, "description")) return Unexpected(*e);
  const ExpenseLinks links = c.related.value_or(ExpenseLinks{});
  if (auto e = CheckLinks(links, ctx.directory)) return Unexpected(*e);
  return Emit<ExpenseEvent>(ExpenseClaimed{*c.id, c.employee_id, employee->department_id,
                                           c.category, c.amount, c.incurred_on, c.description,
                                           links, ctx.actor});
}

Outcome DecideCommand(const ExpenseState& state, const ApproveExpense& c,
                      const DecideContext& ctx) {
  if (auto e = CheckDecidable(state, ctx)) return Unexpected(*e);
  return Emit<ExpenseEvent>(ExpenseApproved{state.id, state.employee_id, state.department_id,
                                            state.amount, ctx.actor, c.comment});
}

Outcome DecideCommand(const ExpenseState& state, const RejectExpense& c, const DecideContext& ctx) {
  if (auto e = CheckDecidable(state, ctx)) return Unexpected(*e);
  if (auto e = CheckNotBlank(c.reason, "reason")) return Unexpected(*e);
  return Emit<ExpenseEvent>(ExpenseRejected{state.id, state.employee_id, state.department_id,
                                            state.amount, ctx.actor, c.reason});
}

Outcome DecideCommand(const ExpenseState& state, const PayExpense& c, const DecideContext& ctx) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  if (state.status == ExpenseStatus::kPaid) {
    return Unexpected(RuleViolated("expense_already_paid", "expense_id",
                                   "expense_id: the expense has already been paid"));
  }
  if (state.status != ExpenseStatus::kApproved) {
    return Unexpected(RuleViolated("expense_not_approved", "expense_id",
                                   "expense_id: the expense is " +
                                       std::string(NameOf(state.status)) +
                                       "; only an approved expense is paid"));
  }
  return Emit<ExpenseEvent>(ExpensePaid{state.id, state.employee_id, state.amount,
                                        Date::Of(ctx.now), c.reference, ctx.actor});
}

void Apply(ExpenseState& s, const ExpenseClaimed& e) {
  s.exists = true;
  s.id = e.expense_id;
  s.employee_id = e.employee_id;
  s.department_id = e.department_id;
  s.category = e.category;
  s.amount = e.amount;
  s.incurred_on = e.incurred_on;
  s.related = e.related;
  s.claimed_by = e.claimed_by;
  s.status = ExpenseStatus::kClaimed;
}

void Apply(ExpenseState& s, const ExpenseApproved& e) {
  s.status = ExpenseStatus::kApproved;
  s.decided_by = e.approved_by;
}

void Apply(ExpenseState& s, const ExpenseRejected& e) {
  s.status = ExpenseStatus::kRejected;
  s.decided_by = e.rejected_by;
}

void Apply(ExpenseState& s, const ExpensePaid&) { s.status = ExpenseStatus::kPaid; }

}  // namespace

Decision<ExpenseEvent> ExpenseAggregate::Decide(const State& state, const Command& command,
                                                const DecideContext& context) {
  return std::visit([&](const auto& c) { return DecideCommand(state, c, context); }, command);
}

void ExpenseAggregate::Evolve(State& state, const Event& event, Timestamp) {
  std::visit([&](const auto& e) { Apply(state, e); }, event);
}

}  // namespace dealstream::domain
