// Commands of the activity type list: the kinds of planned and completed
// actions on a deal (DESIGN §2.3: call, visit, demo, ...), which the
// employee performance read model counts separately. A
// configuration record at a fixed id (see sales_process_commands.h).
#pragma once

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "domain/common/reflect.h"

namespace dealstream::domain {

// Replaces the whole list. Types no longer listed stay valid on the
// activities recorded with them; new activities use the new list.
struct DefineActivityTypes {
  static constexpr std::string_view kType = "DefineActivityTypes";
  static constexpr std::string_view kTargetField = "";
  static constexpr std::string_view kFixedId = "activity_types";
  static constexpr bool kCreates = false;
  std::vector<std::string> types;
};
constexpr auto Fields(const DefineActivityTypes*) {
  using T = DefineActivityTypes;
  return std::tuple{F("types", &T::types).MaxLength(80).Doc("type codes, e.g. \"visit\"; unique")};
}

}  // namespace dealstream::domain
