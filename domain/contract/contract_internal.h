// Internal to the contract aggregate: one Decide overload per command and
// one Apply overload per event, defined by concern in contract_lifecycle.cc
// (draft, amend, complete, terminate), contract_approval.cc (approval,
// signature), contract_plan.cc (instalments, deliveries) and
// contract_records.cc (shipped, accepted, invoiced, paid).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/contract/contract.h"

namespace dealstream::domain::contract_internal {

using Outcome = Decision<ContractEvent>;

// --- shared rules (contract.cc) ---
// "contract_not_found" unless the contract exists.
std::optional<DomainError> CheckExists(const ContractState& state);
// As CheckExists, and "contract_closed" once completed or terminated.
std::optional<DomainError> CheckNotClosed(const ContractState& state);
// As CheckExists, and "contract_not_signed" unless signed.
std::optional<DomainError> CheckSigned(const ContractState& state);
// Lines are well formed, in `currency`, and add up to `total`. Codes:
// "quantity_not_positive", "negative_amount", "currency_mismatch",
// "product_not_found", "description_required", "lines_total_mismatch",
// "amount_too_large"; paths under `field` (e.g. "lines[1].quantity").
std::optional<DomainError> CheckLines(const std::vector<ContractLine>& lines, const Money& total,
                                      const Directory& directory, const std::string& field);
// The instalment plan is well formed and sums to `total`, and keeps what
// has been paid. Codes: "duplicate_instalment_id", "amount_not_positive",
// "currency_mismatch", "instalments_must_sum_to_total",
// "instalment_below_paid", "paid_instalment_removed".
std::optional<DomainError> CheckInstalments(const ContractState& state,
                                            const std::vector<Instalment>& instalments,
                                            const Money& total, const std::string& field);

Outcome DecideCommand(const ContractState&, const DraftContract&, const DecideContext&);
Outcome DecideCommand(const ContractState&, const AmendContract&, const DecideContext&);
Outcome DecideCommand(const ContractState&, const CompleteContract&, const DecideContext&);
Outcome DecideCommand(const ContractState&, const TerminateContract&, const DecideContext&);
void Apply(ContractState&, const ContractDrafted&, Timestamp);
void Apply(ContractState&, const ContractAmended&, Timestamp);
void Apply(ContractState&, const ContractCompleted&, Timestamp);
void Apply(ContractState&, const ContractTerminated&, Timestamp);
Outcome DecideCommand(const ContractState&, const SetContractCustomFields&, const DecideContext&);
void Apply(ContractState&, const ContractCustomFieldsSet&, Timestamp);

Outcome DecideCommand(const ContractState&, const RequestContractApproval&, const DecideContext&);
Outcome DecideCommand(const ContractState&, const ApproveContract&, const DecideContext&);
Outcome DecideCommand(const ContractState&, const RejectContract&, const DecideContext&);
Outcome DecideCommand(const ContractState&, const SignContract&, const DecideContext&);
void Apply(ContractState&, const ContractApprovalRequested&, Timestamp);
void Apply(ContractState&, const ContractApproved&, Timestamp);
void Apply(ContractState&, const ContractRejected&, Timestamp);
void Apply(ContractState&, const ContractSigned&, Timestamp);

Outcome DecideCommand(const ContractState&, const ScheduleContractInstalments&,
                      const DecideContext&);
Outcome DecideCommand(const ContractState&, const ScheduleContractDeliveries&,
                      const DecideContext&);
void Apply(ContractState&, const ContractInstalmentsScheduled&, Timestamp);
void Apply(ContractState&, const ContractDeliveriesScheduled&, Timestamp);

Outcome DecideCommand(const ContractState&, const RecordDeliveryShipped&, const DecideContext&);
Outcome DecideCommand(const ContractState&, const RecordDeliveryAccepted&, const DecideContext&);
Outcome DecideCommand(const ContractState&, const RecordInvoiceIssued&, const DecideContext&);
Outcome DecideCommand(const ContractState&, const RecordPayment&, const DecideContext&);
void Apply(ContractState&, const ContractDeliveryShipped&, Timestamp);
void Apply(ContractState&, const ContractDeliveryAccepted&, Timestamp);
void Apply(ContractState&, const ContractInvoiceIssued&, Timestamp);
void Apply(ContractState&, const ContractPaymentReceived&, Timestamp);

}  // namespace dealstream::domain::contract_internal
