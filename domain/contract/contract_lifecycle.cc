// Drafting, amending, completing and terminating a contract.
#include <string>

#include "domain/common/checks.h"
#include "domain/contract/contract_internal.h"

namespace dealstream::domain::contract_internal {

namespace {

std::optional<DomainError> CheckDates(const std::optional<Date>& start,
                                      const std::optional<Date>& end) {
  if (!start || !end || *start <= *end) return std::nullopt;
  return Invalid("end_before_start", "end_date",
                 "end_date: " + DateText(*end) + " is before the start date " + DateText(*start));
}

// The contract owner: as asked, else the won opportunity's owner, else the
// customer's owner, else whoever drafts it.
Result<Id, DomainError> ResolveOwner(const DraftContract& c,
                                     const std::optional<OpportunityFacts>& opportunity,
                                     const CustomerFacts& customer, const DecideContext& ctx) {
  if (c.owner_id) {
    auto owner = RequireActiveEmployee(ctx.directory, *c.owner_id, "owner_id", "owner");
    if (!owner.ok()) return Unexpected(owner.error());
    return *c.owner_id;
  }
  if (opportunity) return opportunity->owner_id;
  if (customer.owner_id) return *customer.owner_id;
  return ctx.actor;
}

}  // namespace

Outcome DecideCommand(const ContractState& state, const DraftContract& c,
                      const DecideContext& ctx) {
  if (!c.id) {
    return Unexpected(Invalid("id_required", "id", "id: the command service must assign an id"));
  }
  if (state.exists) {
    return Unexpected(AlreadyExists("contract_exists",
                                    "contract '" + c.id->value + "' has already been drafted"));
  }
  if (auto e = CheckNotNegative(c.total, "total")) return Unexpected(*e);
  auto customer = RequireUsableCustomer(ctx.directory, c.customer_id, "customer_id");
  if (!customer.ok()) return Unexpected(customer.error());
  std::optional<OpportunityFacts> opportunity;
  if (c.opportunity_id) {
    opportunity = ctx.directory.FindOpportunity(*c.opportunity_id);
    if (!opportunity) {
      return Unexpected(
          NotFound("opportunity_not_found", "opportunity_id",
                   "opportunity_id: opportunity '" + c.opportunity_id->value + "' does not exist"));
    }
    if (opportunity->customer_id != c.customer_id) {
      return Unexpected(Invalid("opportunity_customer_mismatch", "opportunity_id",
                                "opportunity_id: opportunity '" + c.opportunity_id->value +
                                    "' belongs to another customer"));
    }
    if (opportunity->status != "won") {
      return Unexpected(RuleViolated("opportunity_not_won", "opportunity_id",
                                     "opportunity_id: opportunity '" + c.opportunity_id->value +
                                         "' is " + opportunity->status +
                                         "; a contract follows a won opportunity"));
    }
  }
  const std::vector<ContractLine> lines = c.lines.value_or(std::vector<ContractLine>{});
  if (auto e = CheckLines(lines, c.total, ctx.directory, "lines")) return Unexpected(*e);
  if (auto e = CheckDates(c.start_date, c.end_date)) return Unexpected(*e);
  auto owner = ResolveOwner(c, opportunity, *customer, ctx);
  if (!owner.ok()) return Unexpected(owner.error());
  std::optional<Id> department = customer->department_id;
  if (std::optional<EmployeeFacts> employee = ctx.directory.FindEmployee(*owner)) {
    department = employee->department_id;
  }
  ContractDrafted drafted;
  drafted.contract_id = *c.id;
  drafted.customer_id = c.customer_id;
  drafted.opportunity_id = c.opportunity_id;
  drafted.owner_id = *owner;
  drafted.department_id = department;
  drafted.title = c.title;
  drafted.lines = lines;
  drafted.total = c.total;
  drafted.payment_terms = c.payment_terms;
  drafted.start_date = c.start_date;
  drafted.end_date = c.end_date;
  drafted.drafted_by = ctx.actor;
  return Emit<ContractEvent>(std::move(drafted));
}

void Apply(ContractState& s, const ContractDrafted& e, Timestamp) {
  s.exists = true;
  s.id = e.contract_id;
  s.customer_id = e.customer_id;
  s.opportunity_id = e.opportunity_id;
  s.owner_id = e.owner_id;
  s.department_id = e.department_id;
  s.title = e.title;
  s.lines = e.lines;
  s.total = e.total;
  s.payment_terms = e.payment_terms;
  s.start_date = e.start_date;
  s.end_date = e.end_date;
  s.status = ContractStatus::kDraft;
  s.invoiced = Money{0, e.total.currency};
  s.received = Money{0, e.total.currency};
}

Outcome DecideCommand(const ContractState& state, const AmendContract& c,
                      const DecideContext& ctx) {
  if (auto e = CheckNotClosed(state)) return Unexpected(*e);
  if (state.status == ContractStatus::kPendingApproval) {
    return Unexpected(RuleViolated("contract_pending_approval", "contract_id",
                                   "contract_id: the contract awaits approval; have it approved "
                                   "or rejected before amending it"));
  }
  if (auto e = CheckNotBlank(c.reason, "reason")) return Unexpected(*e);
  if (!c.total && !c.lines && !c.payment_terms && !c.end_date && !c.instalments) {
    return Unexpected(Invalid("nothing_to_amend", "",
                              "give at least one of total, lines, payment_terms, end_date, "
                              "instalments"));
  }
  const Money total = c.total.value_or(state.total);
  if (auto e = CheckNotNegative(total, "total")) return Unexpected(*e);
  if (auto e = CheckCurrency(total, state.total.currency, "total")) return Unexpected(*e);
  if (total.minor < state.received.minor) {
    return Unexpected(RuleViolated("total_below_received", "total",
                                   "total: less than the " + std::to_string(state.received.minor) +
                                       " minor units already received"));
  }
  if (total.minor < state.invoiced.minor) {
    return Unexpected(RuleViolated("total_below_invoiced", "total",
                                   "total: less than the " + std::to_string(state.invoiced.minor) +
                                       " minor units already invoiced"));
  }
  const std::vector<ContractLine> lines = c.lines.value_or(state.lines);
  if (auto e = CheckLines(lines, total, ctx.directory, "lines")) return Unexpected(*e);
  if (auto e = CheckDates(state.start_date, c.end_date ? c.end_date : state.end_date)) {
    return Unexpected(*e);
  }
  if (c.instalments) {
    if (auto e = CheckInstalments(state, *c.instalments, total, "instalments")) {
      return Unexpected(*e);
    }
  } else if (total != state.total && !state.instalments.empty()) {
    return Unexpected(Invalid("instalments_must_sum_to_total", "instalments",
                              "instalments: the total changes, so give the new instalments "
                              "summing to it"));
  }
  ContractAmended amended;
  amended.contract_id = state.id;
  amended.reason = c.reason;
  amended.total = total;
  amended.previous_total = state.total;
  amended.lines = lines;
  amended.previous_lines = state.lines;
  amended.payment_terms = DiffText(c.payment_terms, state.payment_terms);
  if (c.end_date && c.end_date != state.end_date) {
    amended.end_date = DateChange{c.end_date, state.end_date};
  }
  amended.approval_voided = state.status == ContractStatus::kApproved;
  std::vector<ContractEvent> events;
  events.emplace_back(std::move(amended));
  if (c.instalments) {
    std::vector<Instalment> previous;
    for (const InstalmentState& i : state.instalments) previous.push_back(i.plan);
    events.emplace_back(ContractInstalmentsScheduled{state.id, *c.instalments, previous});
  }
  return events;
}

void Apply(ContractState& s, const ContractAmended& e, Timestamp) {
  s.total = e.total;
  s.lines = e.lines;
  ApplyChange(e.payment_terms, s.payment_terms);
  if (e.end_date) s.end_date = e.end_date->value;
  if (e.approval_voided) {
    s.status = ContractStatus::kDraft;
    s.approved_by.reset();
  }
}

Outcome DecideCommand(const ContractState& state, const CompleteContract&, const DecideContext&) {
  if (auto e = CheckSigned(state)) return Unexpected(*e);
  if (state.received.minor < state.total.minor) {
    return Unexpected(RuleViolated("contract_not_fully_paid", "contract_id",
                                   "contract_id: " + std::to_string(OutstandingOf(state).minor) +
                                       " minor units are still outstanding"));
  }
  for (const DeliveryState& delivery : state.deliveries) {
    if (!delivery.accepted_on) {
      return Unexpected(RuleViolated("deliveries_not_accepted", "contract_id",
                                     "contract_id: delivery batch '" +
                                         delivery.plan.batch_id.value + "' has not been accepted"));
    }
  }
  return Emit<ContractEvent>(ContractCompleted{state.id, state.total, state.received});
}

void Apply(ContractState& s, const ContractCompleted&, Timestamp) {
  s.status = ContractStatus::kCompleted;
}

Outcome DecideCommand(const ContractState& state, const TerminateContract& c,
                      const DecideContext&) {
  if (auto e = CheckNotClosed(state)) return Unexpected(*e);
  if (auto e = CheckNotBlank(c.reason, "reason")) return Unexpected(*e);
  return Emit<ContractEvent>(ContractTerminated{state.id, state.status, c.reason, state.total,
                                                state.received, OutstandingOf(state)});
}

void Apply(ContractState& s, const ContractTerminated&, Timestamp) {
  s.status = ContractStatus::kTerminated;
}

Outcome DecideCommand(const ContractState& state, const SetContractCustomFields& c,
                      const DecideContext& ctx) {
  if (auto e = CheckExists(state)) return Unexpected(*e);
  auto changes = DiffCustomFieldValues("contract", state.custom_fields, c.values, ctx.directory);
  if (!changes.ok()) return Unexpected(changes.error());
  return Emit<ContractEvent>(ContractCustomFieldsSet{c.contract_id, std::move(*changes)});
}

void Apply(ContractState& s, const ContractCustomFieldsSet& e, Timestamp) {
  ApplyCustomFieldChanges(s.custom_fields, e.changes);
}

}  // namespace dealstream::domain::contract_internal
