// Events of the loss reason list.
#pragma once

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "domain/common/reflect.h"

namespace dealstream::domain {

struct LossReasonsDefined {
  static constexpr std::string_view kType = "crm.config.loss_reasons_defined.v1";
  std::vector<std::string> reasons;
  std::vector<std::string> previous_reasons;  // the list in force before
  bool operator==(const LossReasonsDefined&) const = default;
};
constexpr auto Fields(const LossReasonsDefined*) {
  using T = LossReasonsDefined;
  return std::tuple{F("reasons", &T::reasons).MaxLength(80),
                    F("previous_reasons", &T::previous_reasons).MaxLength(80)};
}

}  // namespace dealstream::domain
