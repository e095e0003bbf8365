#include "domain/config/activity_types.h"

#include "domain/config/name_list.h"

namespace dealstream::domain {

std::vector<std::string> DefaultActivityTypes() {
  return {"call", "visit", "demo", "proposal", "bid", "negotiation", "care"};
}

Decision<ActivityTypesAggregate::Event> ActivityTypesAggregate::Decide(const State& state,
                                                                       const Command& command,
                                                                       const DecideContext&) {
  const auto& c = std::get<DefineActivityTypes>(command);
  if (auto e = CheckNameList(c.types, "types", "activity_type", kMaxActivityTypes)) {
    return Unexpected(*e);
  }
  std::vector<std::string> in_force = FactsOf(state);
  if (c.types == in_force) {
    return Unexpected(
        RuleViolated("activity_types_unchanged", "types", "types: this list is in force already"));
  }
  return Emit<Event>(ActivityTypesDefined{c.types, std::move(in_force)});
}

void ActivityTypesAggregate::Evolve(State& state, const Event& event, Timestamp) {
  state.defined = true;
  state.types = std::get<ActivityTypesDefined>(event).types;
}

std::vector<std::string> FactsOf(const ActivityTypesState& state) {
  return state.defined ? state.types : DefaultActivityTypes();
}

}  // namespace dealstream::domain
