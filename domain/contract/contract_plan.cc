// The execution plan: instalments and delivery batches, both revisable
// without rewriting what has already happened (payments, shipments).
#include <string>

#include "domain/common/checks.h"
#include "domain/common/text_rules.h"
#include "domain/contract/contract_internal.h"

namespace dealstream::domain::contract_internal {

namespace {

std::optional<DomainError> CheckBatch(const std::vector<DeliveryBatch>& batches, size_t i,
                                      const Directory& directory) {
  const DeliveryBatch& batch = batches[i];
  const std::string prefix = "deliveries[" + std::to_string(i) + "]";
  for (size_t j = 0; j < i; ++j) {
    if (batches[j].batch_id == batch.batch_id) {
      return Invalid("duplicate_batch_id", prefix + ".batch_id",
                     prefix + ".batch_id: '" + batch.batch_id.value + "' is used twice");
    }
  }
  if (batch.items.empty()) {
    return Invalid("delivery_items_required", prefix + ".items",
                   prefix + ".items: a delivery batch needs an item");
  }
  for (size_t k = 0; k < batch.items.size(); ++k) {
    const DeliveryItem& item = batch.items[k];
    const std::string path = prefix + ".items[" + std::to_string(k) + "]";
    if (IsBlank(item.description)) {
      return Invalid("description_required", path + ".description",
                     path + ".description: must not be empty or blank");
    }
    if (item.quantity < 1) {
      return Invalid("quantity_not_positive", path + ".quantity",
                     path + ".quantity: must be at least 1");
    }
    if (item.product_id && !directory.FindProduct(*item.product_id)) {
      return NotFound(
          "product_not_found", path + ".product_id",
          path + ".product_id: product '" + item.product_id->value + "' does not exist");
    }
  }
  return std::nullopt;
}

}  // namespace

Outcome DecideCommand(const ContractState& state, const ScheduleContractInstalments& c,
                      const DecideContext&) {
  if (auto e = CheckNotClosed(state)) return Unexpected(*e);
  if (auto e = CheckInstalments(state, c.instalments, state.total, "instalments")) {
    return Unexpected(*e);
  }
  std::vector<Instalment> previous;
  for (const InstalmentState& i : state.instalments) previous.push_back(i.plan);
  return Emit<ContractEvent>(ContractInstalmentsScheduled{state.id, c.instalments, previous});
}

void Apply(ContractState& s, const ContractInstalmentsScheduled& e, Timestamp) {
  std::vector<InstalmentState> next;
  for (const Instalment& plan : e.instalments) {
    Money paid{0, plan.amount.currency};
    for (const InstalmentState& current : s.instalments) {
      if (current.plan.instalment_id == plan.instalment_id) paid = current.paid;
    }
    next.push_back({plan, paid});
  }
  s.instalments = std::move(next);
}

Outcome DecideCommand(const ContractState& state, const ScheduleContractDeliveries& c,
                      const DecideContext& ctx) {
  if (auto e = CheckNotClosed(state)) return Unexpected(*e);
  for (size_t i = 0; i < c.deliveries.size(); ++i) {
    if (auto e = CheckBatch(c.deliveries, i, ctx.directory)) return Unexpected(*e);
  }
  std::vector<DeliveryBatch> previous;
  for (const DeliveryState& current : state.deliveries) {
    previous.push_back(current.plan);
    if (!current.shipped_on) continue;
    bool kept = false;
    for (const DeliveryBatch& batch : c.deliveries) {
      kept = kept || batch == current.plan;
    }
    if (!kept) {
      return Unexpected(RuleViolated("delivery_already_shipped", "deliveries",
                                     "deliveries: batch '" + current.plan.batch_id.value +
                                         "' has shipped and must stay unchanged in the plan"));
    }
  }
  return Emit<ContractEvent>(ContractDeliveriesScheduled{state.id, c.deliveries, previous});
}

void Apply(ContractState& s, const ContractDeliveriesScheduled& e, Timestamp) {
  std::vector<DeliveryState> next;
  for (const DeliveryBatch& plan : e.deliveries) {
    DeliveryState state{plan, std::nullopt, std::nullopt};
    for (const DeliveryState& current : s.deliveries) {
      if (current.plan.batch_id != plan.batch_id) continue;
      state.shipped_on = current.shipped_on;
      state.accepted_on = current.accepted_on;
    }
    next.push_back(std::move(state));
  }
  s.deliveries = std::move(next);
}

}  // namespace dealstream::domain::contract_internal
