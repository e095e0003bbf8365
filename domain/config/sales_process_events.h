// Events of the sales process configuration.
#pragma once

#include <string_view>
#include <tuple>
#include <vector>

#include "domain/common/reflect.h"
#include "domain/config/sales_process_commands.h"

namespace dealstream::domain {

// The process in force from this event on. Opportunities copy the
// probability of a stage into their own stage events, so reconfiguring
// never changes a past forecast.
struct SalesProcessConfigured {
  static constexpr std::string_view kType = "crm.config.sales_process_configured.v1";
  std::vector<SalesStage> stages;
  bool operator==(const SalesProcessConfigured&) const = default;
};
constexpr auto Fields(const SalesProcessConfigured*) {
  using T = SalesProcessConfigured;
  return std::tuple{F("stages", &T::stages)};
}

}  // namespace dealstream::domain
