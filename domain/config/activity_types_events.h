// Events of the activity type list.
#pragma once

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "domain/common/reflect.h"

namespace dealstream::domain {

struct ActivityTypesDefined {
  static constexpr std::string_view kType = "crm.config.activity_types_defined.v1";
  std::vector<std::string> types;
  std::vector<std::string> previous_types;  // the list in force before
  bool operator==(const ActivityTypesDefined&) const = default;
};
constexpr auto Fields(const ActivityTypesDefined*) {
  using T = ActivityTypesDefined;
  return std::tuple{F("types", &T::types).MaxLength(80),
                    F("previous_types", &T::previous_types).MaxLength(80)};
}

}  // namespace dealstream::domain
