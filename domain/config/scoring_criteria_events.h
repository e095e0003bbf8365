// Events of the opportunity scoring questionnaire.
#pragma once

#include <string_view>
#include <tuple>
#include <vector>

#include "domain/common/reflect.h"
#include "domain/config/scoring_criteria_commands.h"

namespace dealstream::domain {

struct ScoringCriteriaDefined {
  static constexpr std::string_view kType = "crm.config.scoring_criteria_defined.v1";
  std::vector<ScoringCriterion> criteria;
  std::vector<ScoringCriterion> previous_criteria;  // the questionnaire in force before
  bool operator==(const ScoringCriteriaDefined&) const = default;
};
constexpr auto Fields(const ScoringCriteriaDefined*) {
  using T = ScoringCriteriaDefined;
  return std::tuple{F("criteria", &T::criteria), F("previous_criteria", &T::previous_criteria)};
}

}  // namespace dealstream::domain
