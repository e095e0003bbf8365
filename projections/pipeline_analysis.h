// Pipeline analysis (DESIGN §3.1): stage-to-stage conversion rates, average
// days in each stage, and sales cycle length, computed from each deal's
// stage history as visible at the query instant.
// Definitions: docs/projections.md#pipeline-analysis.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "projections/books.h"
#include "projections/scope.h"

namespace dealstream::projections {

struct StageConversion {
  std::string stage;
  int64_t reached = 0;   // deals that reached this stage or a later one, or were won
  int64_t advanced = 0;  // of those, deals that reached the next stage (or won, for the last)
  std::optional<double> rate;  // advanced / reached; nullopt when reached == 0
};

struct StageDuration {
  std::string stage;
  int64_t stays = 0;  // completed stays: the deal entered the stage and left it
  std::optional<double> average_days;
};

struct PipelineAnalysisView {
  std::vector<StageConversion> conversions;  // open stages in process order
  int64_t won = 0;
  int64_t lost = 0;
  std::optional<double> win_rate;            // won / (won + lost)
  std::vector<StageDuration> days_in_stage;  // open stages in process order
  std::optional<double> won_cycle_days;      // average, opened -> won
  std::optional<double> lost_cycle_days;     // average, opened -> lost
  uint64_t position = 0;
};

PipelineAnalysisView BuildPipelineAnalysis(const CrmBooks& books, const Scope& scope);

// True if deal `d` in state `s` passes the scope's deal-level filters
// (owner, department subtree, period, product, region).
bool DealInScope(const CrmBooks& books, const Scope& scope, const Deal& d, const DealState& s);

}  // namespace dealstream::projections
