// Commands of the opportunity scoring questionnaire (DESIGN §2.3: "answers
// + rule set → score"): the criteria an evaluation answers and their
// weights. A configuration record at a fixed id (see
// sales_process_commands.h); until it is defined, the default
// questionnaire of DefaultScoringCriteria() is in force.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "domain/common/reflect.h"

namespace dealstream::domain {

struct ScoringCriterion {
  std::string name;
  int32_t weight = 1;
  bool operator==(const ScoringCriterion&) const = default;
};
constexpr auto Fields(const ScoringCriterion*) {
  using T = ScoringCriterion;
  return std::tuple{
      F("name", &T::name).MinLength(1).MaxLength(64).Doc("[a-z][a-z0-9_]*, e.g. \"budget_secured\""),
      F("weight", &T::weight).Range(1, 100).Doc("relative weight; the score divides by their sum")};
}

// Replaces the whole questionnaire. Evaluations already stored keep the
// weights they were scored with (each answer carries its weight).
struct DefineScoringCriteria {
  static constexpr std::string_view kType = "DefineScoringCriteria";
  static constexpr std::string_view kTargetField = "";
  static constexpr std::string_view kFixedId = "scoring_criteria";
  static constexpr bool kCreates = false;
  std::vector<ScoringCriterion> criteria;
};
constexpr auto Fields(const DefineScoringCriteria*) {
  using T = DefineScoringCriteria;
  return std::tuple{F("criteria", &T::criteria).Doc("the questionnaire, in the order it is asked")};
}

}  // namespace dealstream::domain
