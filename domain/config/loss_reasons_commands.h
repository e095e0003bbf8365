// Commands of the loss reason list: the reason codes a lost opportunity
// must give (DESIGN §2.3, "reason code from a configurable list"). A
// configuration record at a fixed id (see sales_process_commands.h).
#pragma once

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "domain/common/reflect.h"

namespace dealstream::domain {

// Replaces the whole list. Reasons no longer listed stay valid in the
// history of opportunities lost with them; new losses use the new list.
struct DefineLossReasons {
  static constexpr std::string_view kType = "DefineLossReasons";
  static constexpr std::string_view kTargetField = "";
  static constexpr std::string_view kFixedId = "loss_reasons";
  static constexpr bool kCreates = false;
  std::vector<std::string> reasons;
};
constexpr auto Fields(const DefineLossReasons*) {
  using T = DefineLossReasons;
  return std::tuple{
      F("reasons", &T::reasons).MaxLength(80).Doc("reason codes, e.g. \"price\"; unique")};
}

}  // namespace dealstream::domain
