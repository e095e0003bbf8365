#include "domain/contract/contract.h"

#include <string>
#include <variant>

#include "domain/common/checks.h"
#include "domain/contract/contract_internal.h"

namespace dealstream::domain {

namespace contract_internal {

std::optional<DomainError> CheckExists(const ContractState& state) {
  if (state.exists) return std::nullopt;
  return NotFound("contract_not_found", "contract_id",
                  "contract_id: no contract with this id has been drafted");
}

std::optional<DomainError> CheckNotClosed(const ContractState& state) {
  if (auto e = CheckExists(state)) return e;
  if (state.status != ContractStatus::kCompleted && state.status != ContractStatus::kTerminated) {
    return std::nullopt;
  }
  return RuleViolated("contract_closed", "contract_id",
                      "contract_id: contract '" + state.id.value + "' is " +
                          std::string(NameOf(state.status)) + " and takes no further change");
}

std::optional<DomainError> CheckSigned(const ContractState& state) {
  if (auto e = CheckExists(state)) return e;
  if (state.status == ContractStatus::kSigned) return std::nullopt;
  return RuleViolated("contract_not_signed", "contract_id",
                      "contract_id: contract '" + state.id.value + "' is " +
                          std::string(NameOf(state.status)) +
                          "; execution is recorded only on a signed contract");
}

std::optional<DomainError> CheckLines(const std::vector<ContractLine>& lines, const Money& total,
                                      const Directory& directory, const std::string& field) {
  int64_t sum = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const ContractLine& line = lines[i];
    const std::string prefix = field + "[" + std::to_string(i) + "]";
    if (auto e = CheckNotBlank(line.description, prefix + ".description")) {
      return Invalid("description_required", e->field, e->message);
    }
    if (line.product_id && !directory.FindProduct(*line.product_id)) {
      return NotFound(
          "product_not_found", prefix + ".product_id",
          prefix + ".product_id: product '" + line.product_id->value + "' does not exist");
    }
    if (line.quantity < 1) {
      return Invalid("quantity_not_positive", prefix + ".quantity",
                     prefix + ".quantity: must be at least 1");
    }
    if (auto e = CheckNotNegative(line.unit_price, prefix + ".unit_price")) return e;
    if (auto e = CheckCurrency(line.unit_price, total.currency, prefix + ".unit_price")) return e;
    int64_t amount = 0;
    if (!CheckedMultiply(line.quantity, line.unit_price.minor, &amount) ||
        !CheckedAdd(sum, amount, &sum)) {
      return Invalid("amount_too_large", prefix,
                     prefix + ": the amount is too large to compute exactly");
    }
  }
  if (!lines.empty() && sum != total.minor) {
    return Invalid("lines_total_mismatch", field,
                   field + ": the lines add up to " + std::to_string(sum) +
                       " minor units, not the total of " + std::to_string(total.minor));
  }
  return std::nullopt;
}

std::optional<DomainError> CheckInstalments(const ContractState& state,
                                            const std::vector<Instalment>& instalments,
                                            const Money& total, const std::string& field) {
  int64_t sum = 0;
  for (size_t i = 0; i < instalments.size(); ++i) {
    const Instalment& instalment = instalments[i];
    const std::string prefix = field + "[" + std::to_string(i) + "]";
    for (size_t j = 0; j < i; ++j) {
      if (instalments[j].instalment_id == instalment.instalment_id) {
        return Invalid(
            "duplicate_instalment_id", prefix + ".instalment_id",
            prefix + ".instalment_id: '" + instalment.instalment_id.value + "' is used twice");
      }
    }
    if (auto e = CheckPositive(instalment.amount, prefix + ".amount")) return e;
    if (auto e = CheckCurrency(instalment.amount, total.currency, prefix + ".amount")) return e;
    if (!CheckedAdd(sum, instalment.amount.minor, &sum)) {
      return Invalid("amount_too_large", prefix + ".amount",
                     prefix + ".amount: the amount is too large to compute exactly");
    }
  }
  // An empty plan clears the schedule; any plan must cover the total.
  if (!instalments.empty() && sum != total.minor) {
    return Invalid("instalments_must_sum_to_total", field,
                   field + ": the instalments sum to " + std::to_string(sum) +
                       " minor units, the contract total is " + std::to_string(total.minor));
  }
  for (const InstalmentState& current : state.instalments) {
    if (current.paid.minor == 0) continue;
    bool kept = false;
    for (size_t i = 0; i < instalments.size(); ++i) {
      if (instalments[i].instalment_id != current.plan.instalment_id) continue;
      kept = true;
      if (instalments[i].amount.minor < current.paid.minor) {
        const std::string path = field + "[" + std::to_string(i) + "].amount";
        return RuleViolated("instalment_below_paid", path,
                            path + ": less than the " + std::to_string(current.paid.minor) +
                                " minor units already paid against it");
      }
    }
    if (!kept) {
      return RuleViolated("paid_instalment_removed", field,
                          field + ": instalment '" + current.plan.instalment_id.value +
                              "' has payments and must stay in the plan");
    }
  }
  return std::nullopt;
}

}  // namespace contract_internal

Decision<ContractEvent> ContractAggregate::Decide(const State& state, const Command& command,
                                                  const DecideContext& context) {
  return std::visit(
      [&](const auto& c) { return contract_internal::DecideCommand(state, c, context); }, command);
}

void ContractAggregate::Evolve(State& state, const Event& event, Timestamp at) {
  std::visit([&](const auto& e) { contract_internal::Apply(state, e, at); }, event);
}

Money OutstandingOf(const ContractState& state) {
  return Money{state.total.minor - state.received.minor, state.total.currency};
}

ContractFacts FactsOf(const ContractState& state) {
  return ContractFacts{state.id, state.customer_id, std::string(NameOf(state.status))};
}

}  // namespace dealstream::domain
