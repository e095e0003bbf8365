// Events of the contract aggregate. Execution records carry who recorded
// them (the actor) and the business date, plus running totals (invoiced,
// received, outstanding) so that receivables views need no other source.
// Overdue is not an event: read models derive it from due dates and time.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "domain/common/change.h"
#include "domain/common/reflect.h"
#include "domain/common/values.h"
#include "domain/config/custom_values.h"
#include "domain/contract/contract_values.h"

namespace dealstream::domain {

struct ContractDrafted {
  static constexpr std::string_view kType = "crm.contract.drafted.v1";
  Id contract_id;
  Id customer_id;
  std::optional<Id> opportunity_id;
  Id owner_id;
  std::optional<Id> department_id;  // the owner's, for department views and approval
  std::optional<std::string> title;
  std::vector<ContractLine> lines;
  Money total;
  std::optional<std::string> payment_terms;
  std::optional<Date> start_date;
  std::optional<Date> end_date;
  Id drafted_by;
  bool operator==(const ContractDrafted&) const = default;
};
constexpr auto Fields(const ContractDrafted*) {
  using T = ContractDrafted;
  return std::tuple{F("contract_id", &T::contract_id),
                    F("customer_id", &T::customer_id),
                    F("opportunity_id", &T::opportunity_id),
                    F("owner_id", &T::owner_id),
                    F("department_id", &T::department_id),
                    F("title", &T::title).MaxLength(200),
                    F("lines", &T::lines),
                    F("total", &T::total),
                    F("payment_terms", &T::payment_terms).MaxLength(4000),
                    F("start_date", &T::start_date),
                    F("end_date", &T::end_date),
                    F("drafted_by", &T::drafted_by)};
}

struct ContractApprovalRequested {
  static constexpr std::string_view kType = "crm.contract.approval_requested.v1";
  Id contract_id;
  Money total;
  Id requested_by;
  bool operator==(const ContractApprovalRequested&) const = default;
};
constexpr auto Fields(const ContractApprovalRequested*) {
  using T = ContractApprovalRequested;
  return std::tuple{F("contract_id", &T::contract_id), F("total", &T::total),
                    F("requested_by", &T::requested_by)};
}

struct ContractApproved {
  static constexpr std::string_view kType = "crm.contract.approved.v1";
  Id contract_id;
  Money total;
  Id approved_by;
  std::optional<std::string> comment;
  bool operator==(const ContractApproved&) const = default;
};
constexpr auto Fields(const ContractApproved*) {
  using T = ContractApproved;
  return std::tuple{F("contract_id", &T::contract_id), F("total", &T::total),
                    F("approved_by", &T::approved_by), F("comment", &T::comment).MaxLength(4000)};
}

struct ContractRejected {
  static constexpr std::string_view kType = "crm.contract.rejected.v1";
  Id contract_id;
  Money total;
  Id rejected_by;
  std::string reason;
  bool operator==(const ContractRejected&) const = default;
};
constexpr auto Fields(const ContractRejected*) {
  using T = ContractRejected;
  return std::tuple{F("contract_id", &T::contract_id), F("total", &T::total),
                    F("rejected_by", &T::rejected_by), F("reason", &T::reason).MaxLength(4000)};
}

struct ContractSigned {
  static constexpr std::string_view kType = "crm.contract.signed.v1";
  Id contract_id;
  Id customer_id;
  std::optional<Id> opportunity_id;
  Id owner_id;
  std::optional<Id> department_id;
  Money total;
  Date signed_on;
  std::optional<std::string> customer_signatory;
  Id recorded_by;
  bool operator==(const ContractSigned&) const = default;
};
constexpr auto Fields(const ContractSigned*) {
  using T = ContractSigned;
  return std::tuple{F("contract_id", &T::contract_id),
                    F("customer_id", &T::customer_id),
                    F("opportunity_id", &T::opportunity_id),
                    F("owner_id", &T::owner_id),
                    F("department_id", &T::department_id),
                    F("total", &T::total),
                    F("signed_on", &T::signed_on),
                    F("customer_signatory", &T::customer_signatory).MaxLength(200),
                    F("recorded_by", &T::recorded_by)};
}

// New terms with the ones they replace. When the amendment also replaces
// the instalment plan, a ContractInstalmentsScheduled follows in the same
// append.
struct ContractAmended {
  static constexpr std::string_view kType = "crm.contract.amended.v1";
  Id contract_id;
  std::string reason;
  Money total;
  Money previous_total;
  std::vector<ContractLine> lines;
  std::vector<ContractLine> previous_lines;
  std::optional<TextChange> payment_terms;  // absent = unchanged
  std::optional<DateChange> end_date;       // absent = unchanged
  bool approval_voided = false;             // it was approved but unsigned: approve again
  bool operator==(const ContractAmended&) const = default;
};
constexpr auto Fields(const ContractAmended*) {
  using T = ContractAmended;
  return std::tuple{F("contract_id", &T::contract_id),
                    F("reason", &T::reason).MaxLength(4000),
                    F("total", &T::total),
                    F("previous_total", &T::previous_total),
                    F("lines", &T::lines),
                    F("previous_lines", &T::previous_lines),
                    F("payment_terms", &T::payment_terms),
                    F("end_date", &T::end_date),
                    F("approval_voided", &T::approval_voided)};
}

// The custom field values that changed, in key order.
struct ContractCustomFieldsSet {
  static constexpr std::string_view kType = "crm.contract.custom_fields_set.v1";
  Id contract_id;
  std::vector<CustomFieldValueChange> changes;
  bool operator==(const ContractCustomFieldsSet&) const = default;
};
constexpr auto Fields(const ContractCustomFieldsSet*) {
  using T = ContractCustomFieldsSet;
  return std::tuple{F("contract_id", &T::contract_id), F("changes", &T::changes)};
}

struct ContractCompleted {
  static constexpr std::string_view kType = "crm.contract.completed.v1";
  Id contract_id;
  Money total;
  Money received;
  bool operator==(const ContractCompleted&) const = default;
};
constexpr auto Fields(const ContractCompleted*) {
  using T = ContractCompleted;
  return std::tuple{F("contract_id", &T::contract_id), F("total", &T::total),
                    F("received", &T::received)};
}

struct ContractTerminated {
  static constexpr std::string_view kType = "crm.contract.terminated.v1";
  Id contract_id;
  ContractStatus previous_status = ContractStatus::kDraft;
  std::string reason;
  Money total;
  Money received;
  Money outstanding;  // written off by the termination
  bool operator==(const ContractTerminated&) const = default;
};
constexpr auto Fields(const ContractTerminated*) {
  using T = ContractTerminated;
  return std::tuple{F("contract_id", &T::contract_id),
                    F("previous_status", &T::previous_status),
                    F("reason", &T::reason).MaxLength(4000),
                    F("total", &T::total),
                    F("received", &T::received),
                    F("outstanding", &T::outstanding)};
}

struct ContractInstalmentsScheduled {
  static constexpr std::string_view kType = "crm.contract.instalments_scheduled.v1";
  Id contract_id;
  std::vector<Instalment> instalments;
  std::vector<Instalment> previous_instalments;
  bool operator==(const ContractInstalmentsScheduled&) const = default;
};
constexpr auto Fields(const ContractInstalmentsScheduled*) {
  using T = ContractInstalmentsScheduled;
  return std::tuple{F("contract_id", &T::contract_id), F("instalments", &T::instalments),
                    F("previous_instalments", &T::previous_instalments)};
}

struct ContractDeliveriesScheduled {
  static constexpr std::string_view kType = "crm.contract.deliveries_scheduled.v1";
  Id contract_id;
  std::vector<DeliveryBatch> deliveries;
  std::vector<DeliveryBatch> previous_deliveries;
  bool operator==(const ContractDeliveriesScheduled&) const = default;
};
constexpr auto Fields(const ContractDeliveriesScheduled*) {
  using T = ContractDeliveriesScheduled;
  return std::tuple{F("contract_id", &T::contract_id), F("deliveries", &T::deliveries),
                    F("previous_deliveries", &T::previous_deliveries)};
}

struct ContractDeliveryShipped {
  static constexpr std::string_view kType = "crm.contract.delivery_shipped.v1";
  Id contract_id;
  Id batch_id;
  Date due_date;
  Date shipped_on;
  Id recorded_by;
  std::optional<std::string> note;
  bool operator==(const ContractDeliveryShipped&) const = default;
};
constexpr auto Fields(const ContractDeliveryShipped*) {
  using T = ContractDeliveryShipped;
  return std::tuple{F("contract_id", &T::contract_id), F("batch_id", &T::batch_id),
                    F("due_date", &T::due_date),       F("shipped_on", &T::shipped_on),
                    F("recorded_by", &T::recorded_by), F("note", &T::note).MaxLength(4000)};
}

struct ContractDeliveryAccepted {
  static constexpr std::string_view kType = "crm.contract.delivery_accepted.v1";
  Id contract_id;
  Id batch_id;
  Date accepted_on;
  std::optional<Id> accepted_by_contact_id;
  Id recorded_by;
  std::optional<std::string> note;
  bool operator==(const ContractDeliveryAccepted&) const = default;
};
constexpr auto Fields(const ContractDeliveryAccepted*) {
  using T = ContractDeliveryAccepted;
  return std::tuple{
      F("contract_id", &T::contract_id), F("batch_id", &T::batch_id),
      F("accepted_on", &T::accepted_on), F("accepted_by_contact_id", &T::accepted_by_contact_id),
      F("recorded_by", &T::recorded_by), F("note", &T::note).MaxLength(4000)};
}

struct ContractInvoiceIssued {
  static constexpr std::string_view kType = "crm.contract.invoice_issued.v1";
  Id contract_id;
  Id invoice_id;
  Money amount;
  std::optional<Id> instalment_id;
  Date issued_on;
  std::optional<Date> due_date;
  Money total_invoiced;  // including this invoice
  Id recorded_by;
  bool operator==(const ContractInvoiceIssued&) const = default;
};
constexpr auto Fields(const ContractInvoiceIssued*) {
  using T = ContractInvoiceIssued;
  return std::tuple{F("contract_id", &T::contract_id),
                    F("invoice_id", &T::invoice_id),
                    F("amount", &T::amount),
                    F("instalment_id", &T::instalment_id),
                    F("issued_on", &T::issued_on),
                    F("due_date", &T::due_date),
                    F("total_invoiced", &T::total_invoiced),
                    F("recorded_by", &T::recorded_by)};
}

struct ContractPaymentReceived {
  static constexpr std::string_view kType = "crm.contract.payment_received.v1";
  Id contract_id;
  Id payment_id;
  Money amount;
  std::optional<Id> instalment_id;
  Date received_on;
  std::optional<std::string> reference;
  Money total_received;  // including this payment
  Money outstanding;     // after this payment
  Id recorded_by;
  bool operator==(const ContractPaymentReceived&) const = default;
};
constexpr auto Fields(const ContractPaymentReceived*) {
  using T = ContractPaymentReceived;
  return std::tuple{F("contract_id", &T::contract_id),
                    F("payment_id", &T::payment_id),
                    F("amount", &T::amount),
                    F("instalment_id", &T::instalment_id),
                    F("received_on", &T::received_on),
                    F("reference", &T::reference).MaxLength(200),
                    F("total_received", &T::total_received),
                    F("outstanding", &T::outstanding),
                    F("recorded_by", &T::recorded_by)};
}

using ContractEvent =
    std::variant<ContractDrafted, ContractApprovalRequested, ContractApproved, ContractRejected,
                 ContractSigned, ContractAmended, ContractCompleted, ContractTerminated,
                 ContractInstalmentsScheduled, ContractDeliveriesScheduled, ContractDeliveryShipped,
                 ContractDeliveryAccepted, ContractInvoiceIssued, ContractPaymentReceived,
                 ContractCustomFieldsSet>;

}  // namespace dealstream::domain
