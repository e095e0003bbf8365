// The contract aggregate (stream category "contract"): drafting, approval,
// signature, amendments, the execution plan (instalments, delivery batches)
// and execution records (shipped, accepted, invoiced, paid) — DESIGN §2.5.
//
// Rules enforced by Decide (each a DomainError code), among others:
//   - signed only after approval ("contract_not_approved"); approval by a
//     manager/director above the owner's department, never by the owner or
//     the requester ("self_approval", "approver_*");
//   - instalments sum to the contract total ("instalments_must_sum_to_total");
//   - a payment never exceeds what is outstanding, on the contract
//     ("payment_exceeds_outstanding") or on its instalment
//     ("payment_exceeds_instalment"); invoices never exceed the total;
//   - execution is recorded only on a signed contract ("contract_not_signed");
//     completed and terminated contracts take no further change
//     ("contract_closed").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "domain/common/aggregate.h"
#include "domain/common/reflect.h"
#include "domain/contract/contract_commands.h"
#include "domain/contract/contract_events.h"
#include "domain/contract/contract_values.h"

namespace dealstream::domain {

struct InstalmentState {
  Instalment plan;
  Money paid;
  bool operator==(const InstalmentState&) const = default;
};
constexpr auto Fields(const InstalmentState*) {
  using T = InstalmentState;
  return std::tuple{F("plan", &T::plan), F("paid", &T::paid)};
}

struct DeliveryState {
  DeliveryBatch plan;
  std::optional<Date> shipped_on;
  std::optional<Date> accepted_on;
  bool operator==(const DeliveryState&) const = default;
};
constexpr auto Fields(const DeliveryState*) {
  using T = DeliveryState;
  return std::tuple{F("plan", &T::plan), F("shipped_on", &T::shipped_on),
                    F("accepted_on", &T::accepted_on)};
}

// Default-constructed = no events yet (exists == false).
struct ContractState {
  bool exists = false;
  Id id;
  Id customer_id;
  std::optional<Id> opportunity_id;
  Id owner_id;
  std::optional<Id> department_id;
  std::optional<std::string> title;
  std::vector<ContractLine> lines;
  Money total;
  std::optional<std::string> payment_terms;
  std::optional<Date> start_date;
  std::optional<Date> end_date;
  ContractStatus status = ContractStatus::kDraft;
  std::optional<Id> approval_requested_by;
  std::optional<Id> approved_by;
  std::optional<Date> signed_on;
  std::vector<InstalmentState> instalments;
  std::vector<DeliveryState> deliveries;
  std::vector<Id> invoice_ids;
  std::vector<Id> payment_ids;
  Money invoiced;
  Money received;
  CustomFieldValues custom_fields;
};
constexpr auto Fields(const ContractState*) {
  using T = ContractState;
  return std::tuple{F("exists", &T::exists),
                    F("id", &T::id),
                    F("customer_id", &T::customer_id),
                    F("opportunity_id", &T::opportunity_id),
                    F("owner_id", &T::owner_id),
                    F("department_id", &T::department_id),
                    F("title", &T::title),
                    F("lines", &T::lines),
                    F("total", &T::total),
                    F("payment_terms", &T::payment_terms),
                    F("start_date", &T::start_date),
                    F("end_date", &T::end_date),
                    F("status", &T::status),
                    F("approval_requested_by", &T::approval_requested_by),
                    F("approved_by", &T::approved_by),
                    F("signed_on", &T::signed_on),
                    F("instalments", &T::instalments),
                    F("deliveries", &T::deliveries),
                    F("invoice_ids", &T::invoice_ids),
                    F("payment_ids", &T::payment_ids),
                    F("invoiced", &T::invoiced),
                    F("received", &T::received),
                    F("custom_fields", &T::custom_fields)};
}

struct ContractAggregate {
  static constexpr std::string_view kCategory = "contract";
  using State = ContractState;
  using Command = ContractCommand;
  using Event = ContractEvent;

  // The events `command` causes in `state`, or the rule it breaks.
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& context);
  // Applies one event whose business time is `at`; never fails.
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// What is still to be paid: total − received.
Money OutstandingOf(const ContractState& state);

// The Directory facts other aggregates see. Precondition: state.exists.
ContractFacts FactsOf(const ContractState& state);

}  // namespace dealstream::domain
