// The approval workflow and the signature, which needs an approval.
#include <string>

#include "domain/common/checks.h"
#include "domain/contract/contract_internal.h"

namespace dealstream::domain::contract_internal {

namespace {

// The contract awaits approval and the actor may decide on it.
std::optional<DomainError> CheckDecidable(const ContractState& state, const DecideContext& ctx) {
  if (auto e = CheckNotClosed(state)) return e;
  if (state.status != ContractStatus::kPendingApproval) {
    return RuleViolated("contract_not_pending", "contract_id",
                        "contract_id: the contract is " + std::string(NameOf(state.status)) +
                            ", not pending approval");
  }
  // The owner's current department; the contract's if the owner is unknown.
  std::optional<EmployeeFacts> owner = ctx.directory.FindEmployee(state.owner_id);
  Id department = owner ? owner->department_id : state.department_id.value_or(Id{});
  const Id* requester = state.approval_requested_by ? &*state.approval_requested_by : nullptr;
  return CheckApprover(ctx.directory, ctx.actor, department, {&state.owner_id, requester});
}

}  // namespace

Outcome DecideCommand(const ContractState& state, const RequestContractApproval&,
                      const DecideContext& ctx) {
  if (auto e = CheckNotClosed(state)) return Unexpected(*e);
  if (state.status != ContractStatus::kDraft && state.status != ContractStatus::kRejected) {
    return Unexpected(RuleViolated("contract_not_draft", "contract_id",
                                   "contract_id: the contract is " +
                                       std::string(NameOf(state.status)) +
                                       "; only a draft or rejected contract is submitted"));
  }
  return Emit<ContractEvent>(ContractApprovalRequested{state.id, state.total, ctx.actor});
}

void Apply(ContractState& s, const ContractApprovalRequested& e, Timestamp) {
  s.status = ContractStatus::kPendingApproval;
  s.approval_requested_by = e.requested_by;
}

Outcome DecideCommand(const ContractState& state, const ApproveContract& c,
                      const DecideContext& ctx) {
  if (auto e = CheckDecidable(state, ctx)) return Unexpected(*e);
  return Emit<ContractEvent>(ContractApproved{state.id, state.total, ctx.actor, c.comment});
}

void Apply(ContractState& s, const ContractApproved& e, Timestamp) {
  s.status = ContractStatus::kApproved;
  s.approved_by = e.approved_by;
}

Outcome DecideCommand(const ContractState& state, const RejectContract& c,
                      const DecideContext& ctx) {
  if (auto e = CheckDecidable(state, ctx)) return Unexpected(*e);
  if (auto e = CheckNotBlank(c.reason, "reason")) return Unexpected(*e);
  return Emit<ContractEvent>(ContractRejected{state.id, state.total, ctx.actor, c.reason});
}

void Apply(ContractState& s, const ContractRejected&, Timestamp) {
  s.status = ContractStatus::kRejected;
}

Outcome DecideCommand(const ContractState& state, const SignContract& c, const DecideContext& ctx) {
  if (auto e = CheckNotClosed(state)) return Unexpected(*e);
  if (state.status != ContractStatus::kApproved) {
    return Unexpected(RuleViolated("contract_not_approved", "contract_id",
                                   "contract_id: the contract is " +
                                       std::string(NameOf(state.status)) +
                                       "; it is signed only after approval"));
  }
  const Date today = Date::Of(ctx.now);
  const Date signed_on = c.signed_date.value_or(today);
  if (signed_on > today) {
    return Unexpected(Invalid("signed_in_future", "signed_date",
                              "signed_date: " + DateText(signed_on) + " has not happened yet"));
  }
  return Emit<ContractEvent>(ContractSigned{state.id, state.customer_id, state.opportunity_id,
                                            state.owner_id, state.department_id, state.total,
                                            signed_on, c.customer_signatory, ctx.actor});
}

void Apply(ContractState& s, const ContractSigned& e, Timestamp) {
  s.status = ContractStatus::kSigned;
  s.signed_on = e.signed_on;
}

}  // namespace dealstream::domain::contract_internal
