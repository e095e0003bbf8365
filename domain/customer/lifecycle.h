// The lifecycle of a customer (DESIGN §2.2): target → potential →
// opportunity → signed → loyal, plus churned. See lifecycle_policy.h for
// the transitions derived from other events.
#pragma once

#include <array>
#include <string_view>
#include <utility>

namespace dealstream::domain {

enum class Lifecycle { kTarget, kPotential, kOpportunity, kSigned, kLoyal, kChurned };
constexpr auto EnumNames(Lifecycle) {
  return std::array{std::pair{Lifecycle::kTarget, std::string_view("target")},
                    std::pair{Lifecycle::kPotential, std::string_view("potential")},
                    std::pair{Lifecycle::kOpportunity, std::string_view("opportunity")},
                    std::pair{Lifecycle::kSigned, std::string_view("signed")},
                    std::pair{Lifecycle::kLoyal, std::string_view("loyal")},
                    std::pair{Lifecycle::kChurned, std::string_view("churned")}};
}

// Who moved the customer: a person with a reason, or the lifecycle process
// manager reacting to another event (whose id is the causation id).
enum class LifecycleCause { kManual, kDerived };
constexpr auto EnumNames(LifecycleCause) {
  return std::array{std::pair{LifecycleCause::kManual, std::string_view("manual")},
                    std::pair{LifecycleCause::kDerived, std::string_view("derived")}};
}

}  // namespace dealstream::domain
