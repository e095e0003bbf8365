// Forecast (DESIGN §3.1): the open pipeline by expected close period and
// forecast category — count, amount and weighted amount — next to what was
// already won in each period (category "closed"), and won / lost counts and
// amounts per period. Definitions: docs/projections.md#forecast.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/common/values.h"
#include "projections/books.h"
#include "projections/calendar.h"
#include "projections/funnel.h"
#include "projections/scope.h"

namespace dealstream::projections {

struct ForecastRow {
  std::string period;    // "2017-03", "2017-Q1" or "2017" per granularity
  std::string category;  // forecast category in force on the deal; "closed" = won
  int64_t count = 0;
  domain::Money amount;
  domain::Money weighted_amount;  // equals amount for "closed"
};

struct WonLostRow {
  std::string period;
  int64_t won_count = 0;
  domain::Money won_amount;
  int64_t lost_count = 0;
  domain::Money lost_amount;
};

struct ForecastView {
  std::string currency;
  Granularity granularity = Granularity::kQuarter;
  std::vector<ForecastRow> rows;          // by period, then category
  std::vector<WonLostRow> won_lost;       // by period
  std::vector<CurrencyCount> other_currencies;
  uint64_t position = 0;
};

ForecastView BuildForecast(const CrmBooks& books, const Scope& scope, Granularity granularity);

}  // namespace dealstream::projections
