// The activity type list (category "config", id "activity_types").
//
// Rules: activity_types_required, too_many_activity_types, activity_type_blank,
// activity_type_duplicate (field "types[i]", case-insensitive),
// activity_types_unchanged.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/common/aggregate.h"
#include "domain/config/activity_types_commands.h"
#include "domain/config/activity_types_events.h"

namespace dealstream::domain {

inline constexpr size_t kMaxActivityTypes = 100;

// In force until the list is defined: the activities of DESIGN §2.3,
// call, visit, demo, proposal, bid, negotiation, care.
std::vector<std::string> DefaultActivityTypes();

struct ActivityTypesState {
  bool defined = false;  // false: DefaultActivityTypes() are in force
  std::vector<std::string> types;
};

struct ActivityTypesAggregate {
  static constexpr std::string_view kCategory = "config";
  static constexpr std::string_view kFixedId = "activity_types";
  using State = ActivityTypesState;
  using Command = std::variant<DefineActivityTypes>;
  using Event = std::variant<ActivityTypesDefined>;
  static Decision<Event> Decide(const State& state, const Command& command,
                                const DecideContext& ctx);
  static void Evolve(State& state, const Event& event, Timestamp at);
};

// The types in force: the defined ones, or the defaults.
std::vector<std::string> FactsOf(const ActivityTypesState& state);

}  // namespace dealstream::domain
