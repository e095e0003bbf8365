// Sales funnel (DESIGN §3.1): per stage of the sales process, how many
// deals stand there and their amount and weighted amount (Σ amount ×
// probability in force); totals of the open pipeline, won, lost and
// abandoned deals. Definitions: docs/projections.md#funnel.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/common/values.h"
#include "projections/books.h"
#include "projections/scope.h"

namespace dealstream::projections {

struct FunnelStageRow {
  std::string stage;
  int32_t probability = 0;        // the process's probability for the stage
  std::string forecast_category;  // the process's category for the stage
  bool closed = false;            // the won and lost stages
  int64_t count = 0;
  domain::Money amount;
  domain::Money weighted_amount;
};

struct FunnelTotal {
  int64_t count = 0;
  domain::Money amount;
  domain::Money weighted_amount;
};

struct FunnelView {
  std::string currency;                // the report currency (scope.h)
  std::vector<FunnelStageRow> stages;  // process order; unknown stages after
  FunnelTotal open, won, lost, abandoned;
  std::vector<CurrencyCount> other_currencies;
  uint64_t position = 0;               // last log position the books reflect
};

FunnelView BuildFunnel(const CrmBooks& books, const Scope& scope);

}  // namespace dealstream::projections
