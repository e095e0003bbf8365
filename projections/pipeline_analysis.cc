#include "projections/pipeline_analysis.h"

#include <algorithm>

#include "projections/calendar.h"

namespace dealstream::projections {
namespace {

std::optional<double> Ratio(int64_t num, int64_t den) {
  if (den == 0) return std::nullopt;
  return static_cast<double>(num) / static_cast<double>(den);
}

std::optional<double> AverageDays(int64_t total_micros, int64_t n) {
  if (n == 0) return std::nullopt;
  return static_cast<double>(total_micros) / static_cast<double>(kMicrosPerDay) /
         static_cast<double>(n);
}

}  // namespace

bool DealInScope(const CrmBooks& books, const Scope& scope, const Deal& d, const DealState& s) {
  if (!s.exists || scope.matches_nothing) return false;
  if (!scope.AllowsOwner(s.owner) || !scope.AllowsDepartment(s.department)) return false;
  if (!scope.months.Contains(s.PeriodMonth())) return false;
  if (scope.product &&
      std::find(d.products.begin(), d.products.end(), *scope.product) == d.products.end()) {
    return false;
  }
  return !scope.region || books.customers.RegionOf(d.customer, scope.vis) == *scope.region;
}

PipelineAnalysisView BuildPipelineAnalysis(const CrmBooks& books, const Scope& scope) {
  const OpportunityBook& book = books.opportunities;
  PipelineAnalysisView view;
  view.position = books.position;

  // Process order of each of the book's stages; -1 for closed or unknown.
  std::vector<std::string> open_stages;
  for (const ProcessStage& p : books.process.StagesAsOf(scope.vis)) {
    if (!p.closed) open_stages.push_back(p.name);
  }
  std::vector<int> order(book.stage_count(), -1);
  for (size_t i = 0; i < open_stages.size(); ++i) {
    if (auto s = book.FindStage(open_stages[i])) order[*s] = static_cast<int>(i);
  }
  const size_t n = open_stages.size();
  std::vector<int64_t> reached_at_least(n + 1, 0);  // by highest order reached
  std::vector<int64_t> stay_micros(n, 0), stays(n, 0);
  int64_t won_micros = 0, lost_micros = 0;

  for (const Deal& d : book.deals()) {
    const DealState final_state = book.StateOf(d, scope.vis);
    if (!DealInScope(books, scope, d, final_state)) continue;
    DealState s;
    int highest = -1;
    bool staying = false;
    uint16_t stay_stage = 0;
    int64_t stay_start = 0;
    for (const DealEntry& e : d.entries) {
      if (e.position > scope.vis.max_position) break;
      if (e.time > scope.vis.max_time.micros()) continue;
      s.Apply(e);
      const bool open = s.exists && s.status == DealStatus::kOpen;
      if (staying && (!open || s.stage != stay_stage)) {
        const int o = order[stay_stage];
        if (o >= 0) {
          stay_micros[o] += std::max<int64_t>(0, e.time - stay_start);
          ++stays[o];
        }
      }
      if (open && (!staying || s.stage != stay_stage)) {
        stay_stage = s.stage;
        stay_start = e.time;
      }
      staying = open;
      if (open) highest = std::max(highest, order[s.stage]);
    }
    if (final_state.status == DealStatus::kWon) {
      ++view.won;
      won_micros += std::max<int64_t>(0, final_state.status_time - final_state.opened_time);
      highest = static_cast<int>(n);  // a won deal passed every stage
    } else if (final_state.status == DealStatus::kLost) {
      ++view.lost;
      lost_micros += std::max<int64_t>(0, final_state.status_time - final_state.opened_time);
    }
    if (highest >= 0) ++reached_at_least[highest];
  }
  // Suffix sums: reached stage i = highest order reached >= i.
  for (size_t i = n; i-- > 0;) reached_at_least[i] += reached_at_least[i + 1];
  for (size_t i = 0; i < n; ++i) {
    const int64_t reached = reached_at_least[i];
    const int64_t advanced = reached_at_least[i + 1];  // index n counts won deals
    view.conversions.push_back({open_stages[i], reached, advanced, Ratio(advanced, reached)});
    view.days_in_stage.push_back({open_stages[i], stays[i], AverageDays(stay_micros[i], stays[i])});
  }
  view.win_rate = Ratio(view.won, view.won + view.lost);
  view.won_cycle_days = AverageDays(won_micros, view.won);
  view.lost_cycle_days = AverageDays(lost_micros, view.lost);
  return view;
}

}  // namespace dealstream::projections
