// Customer lifecycle pipeline (DESIGN §3.2): customers per lifecycle state
// (target → potential → opportunity → signed → loyal, and churned) at an
// instant; the transitions between states in a period; conversion rates.
// Definitions: docs/projections.md#lifecycle.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "projections/books.h"
#include "projections/scope.h"

namespace dealstream::projections {

struct LifecycleStateRow {
  std::string state;
  int64_t customers = 0;  // in this state at the instant
  int64_t reached = 0;    // ever in this state or a later one of the ladder
  std::optional<double> conversion;  // reached(next) / reached(this); null for the last or when 0
};

struct LifecycleTransition {
  std::string from;
  std::string to;
  int64_t count = 0;  // transitions with business time in the period
};

struct LifecycleView {
  std::vector<LifecycleStateRow> states;  // ladder order, then churned
  std::vector<LifecycleTransition> transitions;
  int64_t customers = 0;  // registered, not merged away, in scope
  uint64_t position = 0;
};

// Filters: owner and department (the customer's, at the instant), region;
// the period selects transitions.
LifecycleView BuildLifecycle(const CrmBooks& books, const Scope& scope);

}  // namespace dealstream::projections
