#include "domain/config/loss_reasons.h"

#include "domain/config/name_list.h"

namespace dealstream::domain {

std::vector<std::string> DefaultLossReasons() {
  return {"price",  "product_fit", "competitor",  "relationship",
          "budget", "timing",      "no_decision", "other"};
}

Decision<LossReasonsAggregate::Event> LossReasonsAggregate::Decide(const State& state,
                                                                   const Command& command,
                                                                   const DecideContext&) {
  const auto& c = std::get<DefineLossReasons>(command);
  if (auto e = CheckNameList(c.reasons, "reasons", "loss_reason", kMaxLossReasons)) {
    return Unexpected(*e);
  }
  std::vector<std::string> in_force = FactsOf(state);
  if (c.reasons == in_force) {
    return Unexpected(RuleViolated("loss_reasons_unchanged", "reasons",
                                   "reasons: this list is in force already"));
  }
  return Emit<Event>(LossReasonsDefined{c.reasons, std::move(in_force)});
}

void LossReasonsAggregate::Evolve(State& state, const Event& event, Timestamp) {
  state.defined = true;
  state.reasons = std::get<LossReasonsDefined>(event).reasons;
}

std::vector<std::string> FactsOf(const LossReasonsState& state) {
  return state.defined ? state.reasons : DefaultLossReasons();
}

}  // namespace dealstream::domain
