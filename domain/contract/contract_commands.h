// Commands of the contract aggregate (DESIGN §2.5, §10). The actor
// (DecideContext::actor) is who does or records each step; the business
// time (DecideContext::now) is when.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "domain/common/reflect.h"
#include "domain/common/values.h"
#include "domain/contract/contract_values.h"

namespace dealstream::domain {

// Drafts a contract, from a won opportunity or directly.
struct DraftContract {
  static constexpr std::string_view kType = "DraftContract";
  static constexpr std::string_view kTargetField = "id";
  static constexpr bool kCreates = true;
  std::optional<Id> id;
  Id customer_id;
  std::optional<Id> opportunity_id;
  Money total;  // its currency is the contract's currency
  std::optional<std::string> title;
  std::optional<std::vector<ContractLine>> lines;
  std::optional<std::string> payment_terms;
  std::optional<Id>
      owner_id;  // default: the opportunity's, else the customer's owner, else the actor
  std::optional<Date> start_date;
  std::optional<Date> end_date;
};
constexpr auto Fields(const DraftContract*) {
  using T = DraftContract;
  return std::tuple{
      F("id", &T::id),
      F("customer_id", &T::customer_id),
      F("opportunity_id", &T::opportunity_id).Doc("a won opportunity of the same customer"),
      F("total", &T::total).Doc("the contract value; lines, if given, must add up to it"),
      F("title", &T::title).MaxLength(200),
      F("lines", &T::lines),
      F("payment_terms", &T::payment_terms)
          .MaxLength(4000)
          .Doc("e.g. '30% on signing, 70% on acceptance'"),
      F("owner_id", &T::owner_id)
          .Doc("default: the opportunity's or customer's owner, else the actor"),
      F("start_date", &T::start_date),
      F("end_date", &T::end_date).Doc("not before start_date")};
}

struct RequestContractApproval {
  static constexpr std::string_view kType = "RequestContractApproval";
  static constexpr std::string_view kTargetField = "contract_id";
  static constexpr bool kCreates = false;
  Id contract_id;
};
constexpr auto Fields(const RequestContractApproval*) {
  return std::tuple{F("contract_id", &RequestContractApproval::contract_id)};
}

// By the actor: a manager or director of a department containing the
// owner's department, who neither owns the contract nor requested approval.
struct ApproveContract {
  static constexpr std::string_view kType = "ApproveContract";
  static constexpr std::string_view kTargetField = "contract_id";
  static constexpr bool kCreates = false;
  Id contract_id;
  std::optional<std::string> comment;
};
constexpr auto Fields(const ApproveContract*) {
  using T = ApproveContract;
  return std::tuple{F("contract_id", &T::contract_id), F("comment", &T::comment).MaxLength(4000)};
}

struct RejectContract {
  static constexpr std::string_view kType = "RejectContract";
  static constexpr std::string_view kTargetField = "contract_id";
  static constexpr bool kCreates = false;
  Id contract_id;
  std::string reason;
};
constexpr auto Fields(const RejectContract*) {
  using T = RejectContract;
  return std::tuple{F("contract_id", &T::contract_id),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000)};
}

// Only an approved contract can be signed.
struct SignContract {
  static constexpr std::string_view kType = "SignContract";
  static constexpr std::string_view kTargetField = "contract_id";
  static constexpr bool kCreates = false;
  Id contract_id;
  std::optional<Date> signed_date;  // default: the business date of the command
  std::optional<std::string> customer_signatory;
};
constexpr auto Fields(const SignContract*) {
  using T = SignContract;
  return std::tuple{F("contract_id", &T::contract_id),
                    F("signed_date", &T::signed_date).Doc("default: today; not in the future"),
                    F("customer_signatory", &T::customer_signatory).MaxLength(200)};
}

// Changes terms; absent fields stay. Amending an approved, unsigned
// contract voids the approval. When the total changes and instalments are
// scheduled, the new instalments (summing to the new total) come with it.
struct AmendContract {
  static constexpr std::string_view kType = "AmendContract";
  static constexpr std::string_view kTargetField = "contract_id";
  static constexpr bool kCreates = false;
  Id contract_id;
  std::string reason;
  std::optional<Money> total;
  std::optional<std::vector<ContractLine>> lines;
  std::optional<std::string> payment_terms;
  std::optional<Date> end_date;
  std::optional<std::vector<Instalment>> instalments;
};
constexpr auto Fields(const AmendContract*) {
  using T = AmendContract;
  return std::tuple{F("contract_id", &T::contract_id),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000),
                    F("total", &T::total),
                    F("lines", &T::lines),
                    F("payment_terms", &T::payment_terms).MaxLength(4000),
                    F("end_date", &T::end_date),
                    F("instalments", &T::instalments)
                        .Doc("required when the total changes and instalments are scheduled")};
}

// Sets custom field values by key (fields defined for entity type
// "contract"); "" clears a value. Accepted in every status, closed included.
struct SetContractCustomFields {
  static constexpr std::string_view kType = "SetContractCustomFields";
  static constexpr std::string_view kTargetField = "contract_id";
  static constexpr bool kCreates = false;
  Id contract_id;
  std::map<std::string, std::string> values;
};
constexpr auto Fields(const SetContractCustomFields*) {
  using T = SetContractCustomFields;
  return std::tuple{F("contract_id", &T::contract_id),
                    F("values", &T::values).MaxLength(4000).Doc("key -> value; \"\" clears")};
}

// Every instalment paid and every delivery accepted.
struct CompleteContract {
  static constexpr std::string_view kType = "CompleteContract";
  static constexpr std::string_view kTargetField = "contract_id";
  static constexpr bool kCreates = false;
  Id contract_id;
};
constexpr auto Fields(const CompleteContract*) {
  return std::tuple{F("contract_id", &CompleteContract::contract_id)};
}

struct TerminateContract {
  static constexpr std::string_view kType = "TerminateContract";
  static constexpr std::string_view kTargetField = "contract_id";
  static constexpr bool kCreates = false;
  Id contract_id;
  std::string reason;
};
constexpr auto Fields(const TerminateContract*) {
  using T = TerminateContract;
  return std::tuple{F("contract_id", &T::contract_id),
                    F("reason", &T::reason).MinLength(1).MaxLength(4000)};
}

// Replaces the instalment plan; the instalments sum to the contract total.
struct ScheduleContractInstalments {
  static constexpr std::string_view kType = "ScheduleContractInstalments";
  static constexpr std::string_view kTargetField = "contract_id";
  static constexpr bool kCreates = false;
  Id contract_id;
  std::vector<Instalment> instalments;
};
constexpr auto Fields(const ScheduleContractInstalments*) {
  using T = ScheduleContractInstalments;
  return std::tuple{F("contract_id", &T::contract_id),
                    F("instalments", &T::instalments).Doc("sum to the contract total")};
}

// Replaces the delivery plan; shipped batches stay as they were.
struct ScheduleContractDeliveries {
  static constexpr std::string_view kType = "ScheduleContractDeliveries";
  static constexpr std::string_view kTargetField = "contract_id";
  static constexpr bool kCreates = false;
  Id contract_id;
  std::vector<DeliveryBatch> deliveries;
};
constexpr auto Fields(const ScheduleContractDeliveries*) {
  using T = ScheduleContractDeliveries;
  return std::tuple{F("contract_id", &T::contract_id), F("deliveries", &T::deliveries)};
}

struct RecordDeliveryShipped {
  static constexpr std::string_view kType = "RecordDeliveryShipped";
  static constexpr std::string_view kTargetField = "contract_id";
  static constexpr bool kCreates = false;
  Id contract_id;
  Id batch_id;
  std::optional<std::string> note;
};
constexpr auto Fields(const RecordDeliveryShipped*) {
  using T = RecordDeliveryShipped;
  return std::tuple{F("contract_id", &T::contract_id), F("batch_id", &T::batch_id),
                    F("note", &T::note).MaxLength(4000)};
}

struct RecordDeliveryAccepted {
  static constexpr std::string_view kType = "RecordDeliveryAccepted";
  static constexpr std::string_view kTargetField = "contract_id";
  static constexpr bool kCreates = false;
  Id contract_id;
  Id batch_id;
  std::optional<Id> accepted_by_contact_id;
  std::optional<std::string> note;
};
constexpr auto Fields(const RecordDeliveryAccepted*) {
  using T = RecordDeliveryAccepted;
  return std::tuple{F("contract_id", &T::contract_id), F("batch_id", &T::batch_id),
                    F("accepted_by_contact_id", &T::accepted_by_contact_id)
                        .Doc("the customer's contact who signed off"),
                    F("note", &T::note).MaxLength(4000)};
}

struct RecordInvoiceIssued {
  static constexpr std::string_view kType = "RecordInvoiceIssued";
  static constexpr std::string_view kTargetField = "contract_id";
  static constexpr bool kCreates = false;
  Id contract_id;
  std::optional<Id> invoice_id;  // default: "invoice-<n>"
  Money amount;
  std::optional<Id> instalment_id;
  std::optional<Date> due_date;
};
constexpr auto Fields(const RecordInvoiceIssued*) {
  using T = RecordInvoiceIssued;
  return std::tuple{F("contract_id", &T::contract_id),
                    F("invoice_id", &T::invoice_id).Doc("default: invoice-<n>"),
                    F("amount", &T::amount).Doc("invoiced in total at most the contract total"),
                    F("instalment_id", &T::instalment_id), F("due_date", &T::due_date)};
}

// A payment received; it cannot exceed what is outstanding on the contract
// (nor on the instalment it is against).
struct RecordPayment {
  static constexpr std::string_view kType = "RecordPayment";
  static constexpr std::string_view kTargetField = "contract_id";
  static constexpr bool kCreates = false;
  Id contract_id;
  Money amount;
  std::optional<Id> instalment_id;
  std::optional<Id> payment_id;  // default: "payment-<n>"
  std::optional<std::string> reference;
};
constexpr auto Fields(const RecordPayment*) {
  using T = RecordPayment;
  return std::tuple{F("contract_id", &T::contract_id),
                    F("amount", &T::amount).Doc("positive; at most what is outstanding"),
                    F("instalment_id", &T::instalment_id),
                    F("payment_id", &T::payment_id).Doc("default: payment-<n>"),
                    F("reference", &T::reference).MaxLength(200).Doc("e.g. bank transfer number")};
}

using ContractCommand =
    std::variant<DraftContract, RequestContractApproval, ApproveContract, RejectContract,
                 SignContract, AmendContract, CompleteContract, TerminateContract,
                 ScheduleContractInstalments, ScheduleContractDeliveries, RecordDeliveryShipped,
                 RecordDeliveryAccepted, RecordInvoiceIssued, RecordPayment,
                 SetContractCustomFields>;

}  // namespace dealstream::domain
