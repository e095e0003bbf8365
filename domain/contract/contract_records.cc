// Execution records: deliveries shipped and accepted, invoices issued and
// payments received, each by the actor on the business date.
#include <algorithm>
#include <string>

#include "domain/common/checks.h"
#include "domain/contract/contract_internal.h"

namespace dealstream::domain::contract_internal {

namespace {

const DeliveryState* FindBatch(const ContractState& state, const Id& id) {
  for (const DeliveryState& d : state.deliveries) {
    if (d.plan.batch_id == id) return &d;
  }
  return nullptr;
}

const InstalmentState* FindInstalment(const ContractState& state, const Id& id) {
  for (const InstalmentState& i : state.instalments) {
    if (i.plan.instalment_id == id) return &i;
  }
  return nullptr;
}

Result<DeliveryState, DomainError> RequireBatch(const ContractState& state, const Id& id) {
  const DeliveryState* batch = FindBatch(state, id);
  if (batch == nullptr) {
    return Unexpected(
        NotFound("delivery_not_found", "batch_id",
                 "batch_id: '" + id.value + "' is not a delivery batch of this contract"));
  }
  return *batch;
}

std::optional<DomainError> CheckInstalmentRef(const ContractState& state,
                                              const std::optional<Id>& id) {
  if (!id || FindInstalment(state, *id) != nullptr) return std::nullopt;
  return NotFound("instalment_not_found", "instalment_id",
                  "instalment_id: '" + id->value + "' is not an instalment of this contract");
}

}  // namespace

Outcome DecideCommand(const ContractState& state, const RecordDeliveryShipped& c,
                      const DecideContext& ctx) {
  if (auto e = CheckSigned(state)) return Unexpected(*e);
  auto batch = RequireBatch(state, c.batch_id);
  if (!batch.ok()) return Unexpected(batch.error());
  if (batch->shipped_on) {
    return Unexpected(RuleViolated(
        "delivery_already_shipped", "batch_id",
        "batch_id: '" + c.batch_id.value + "' shipped on " + DateText(*batch->shipped_on)));
  }
  return Emit<ContractEvent>(ContractDeliveryShipped{state.id, c.batch_id, batch->plan.due_date,
                                                     Date::Of(ctx.now), ctx.actor, c.note});
}

void Apply(ContractState& s, const ContractDeliveryShipped& e, Timestamp) {
  for (DeliveryState& d : s.deliveries) {
    if (d.plan.batch_id == e.batch_id) d.shipped_on = e.shipped_on;
  }
}

Outcome DecideCommand(const ContractState& state, const RecordDeliveryAccepted& c,
                      const DecideContext& ctx) {
  if (auto e = CheckSigned(state)) return Unexpected(*e);
  auto batch = RequireBatch(state, c.batch_id);
  if (!batch.ok()) return Unexpected(batch.error());
  if (!batch->shipped_on) {
    return Unexpected(RuleViolated(
        "delivery_not_shipped", "batch_id",
        "batch_id: '" + c.batch_id.value + "' has not shipped; it cannot be accepted yet"));
  }
  if (batch->accepted_on) {
    return Unexpected(RuleViolated(
        "delivery_already_accepted", "batch_id",
        "batch_id: '" + c.batch_id.value + "' was accepted on " + DateText(*batch->accepted_on)));
  }
  if (c.accepted_by_contact_id) {
    std::optional<ContactFacts> contact = ctx.directory.FindContact(*c.accepted_by_contact_id);
    if (!contact) {
      return Unexpected(NotFound("contact_not_found", "accepted_by_contact_id",
                                 "accepted_by_contact_id: contact '" +
                                     c.accepted_by_contact_id->value + "' does not exist"));
    }
    if (contact->customer_id != state.customer_id) {
      return Unexpected(Invalid("contact_customer_mismatch", "accepted_by_contact_id",
                                "accepted_by_contact_id: the contact belongs to another "
                                "customer than this contract's"));
    }
  }
  return Emit<ContractEvent>(ContractDeliveryAccepted{state.id, c.batch_id, Date::Of(ctx.now),
                                                      c.accepted_by_contact_id, ctx.actor, c.note});
}

void Apply(ContractState& s, const ContractDeliveryAccepted& e, Timestamp) {
  for (DeliveryState& d : s.deliveries) {
    if (d.plan.batch_id == e.batch_id) d.accepted_on = e.accepted_on;
  }
}

Outcome DecideCommand(const ContractState& state, const RecordInvoiceIssued& c,
                      const DecideContext& ctx) {
  if (auto e = CheckSigned(state)) return Unexpected(*e);
  if (auto e = CheckPositive(c.amount, "amount")) return Unexpected(*e);
  if (auto e = CheckCurrency(c.amount, state.total.currency, "amount")) return Unexpected(*e);
  if (auto e = CheckInstalmentRef(state, c.instalment_id)) return Unexpected(*e);
  const Date today = Date::Of(ctx.now);
  if (c.due_date && *c.due_date < today) {
    return Unexpected(
        Invalid("due_before_issue", "due_date",
                "due_date: " + DateText(*c.due_date) + " is before the invoice is issued"));
  }
  const int64_t uninvoiced = state.total.minor - state.invoiced.minor;
  if (c.amount.minor > uninvoiced) {
    return Unexpected(RuleViolated("invoice_exceeds_total", "amount",
                                   "amount: only " + std::to_string(uninvoiced) +
                                       " minor units of the total are not yet invoiced"));
  }
  auto taken = [&](const Id& id) {
    return std::find(state.invoice_ids.begin(), state.invoice_ids.end(), id) !=
           state.invoice_ids.end();
  };
  if (c.invoice_id && taken(*c.invoice_id)) {
    return Unexpected(RuleViolated(
        "duplicate_invoice_id", "invoice_id",
        "invoice_id: '" + c.invoice_id->value + "' is already an invoice of this contract"));
  }
  Id id =
      c.invoice_id ? *c.invoice_id : NextLocalId("invoice", state.invoice_ids.size() + 1, taken);
  return Emit<ContractEvent>(ContractInvoiceIssued{
      state.id, id, c.amount, c.instalment_id, today, c.due_date,
      Money{state.invoiced.minor + c.amount.minor, state.total.currency}, ctx.actor});
}

void Apply(ContractState& s, const ContractInvoiceIssued& e, Timestamp) {
  s.invoice_ids.push_back(e.invoice_id);
  s.invoiced = e.total_invoiced;
}

Outcome DecideCommand(const ContractState& state, const RecordPayment& c,
                      const DecideContext& ctx) {
  if (auto e = CheckSigned(state)) return Unexpected(*e);
  if (auto e = CheckPositive(c.amount, "amount")) return Unexpected(*e);
  if (auto e = CheckCurrency(c.amount, state.total.currency, "amount")) return Unexpected(*e);
  if (auto e = CheckInstalmentRef(state, c.instalment_id)) return Unexpected(*e);
  const Money outstanding = OutstandingOf(state);
  if (c.amount.minor > outstanding.minor) {
    return Unexpected(RuleViolated("payment_exceeds_outstanding", "amount",
                                   "amount: only " + std::to_string(outstanding.minor) +
                                       " minor units are outstanding on the contract"));
  }
  if (c.instalment_id) {
    const InstalmentState* instalment = FindInstalment(state, *c.instalment_id);
    const int64_t open = instalment->plan.amount.minor - instalment->paid.minor;
    if (c.amount.minor > open) {
      return Unexpected(RuleViolated("payment_exceeds_instalment", "amount",
                                     "amount: only " + std::to_string(open) +
                                         " minor units are outstanding on instalment '" +
                                         c.instalment_id->value + "'"));
    }
  }
  auto taken = [&](const Id& id) {
    return std::find(state.payment_ids.begin(), state.payment_ids.end(), id) !=
           state.payment_ids.end();
  };
  if (c.payment_id && taken(*c.payment_id)) {
    return Unexpected(RuleViolated(
        "duplicate_payment_id", "payment_id",
        "payment_id: '" + c.payment_id->value + "' is already a payment of this contract"));
  }
  Id id =
      c.payment_id ? *c.payment_id : NextLocalId("payment", state.payment_ids.size() + 1, taken);
  const Money received{state.received.minor + c.amount.minor, state.total.currency};
  return Emit<ContractEvent>(ContractPaymentReceived{
      state.id, id, c.amount, c.instalment_id, Date::Of(ctx.now), c.reference, received,
      Money{state.total.minor - received.minor, state.total.currency}, ctx.actor});
}

void Apply(ContractState& s, const ContractPaymentReceived& e, Timestamp) {
  s.payment_ids.push_back(e.payment_id);
  s.received = e.total_received;
  if (!e.instalment_id) return;
  for (InstalmentState& i : s.instalments) {
    if (i.plan.instalment_id == *e.instalment_id) i.paid.minor += e.amount.minor;
  }
}

}  // namespace dealstream::domain::contract_internal
