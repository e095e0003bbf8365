#include "projections/funnel.h"

#include <algorithm>
#include <map>

namespace dealstream::projections {
namespace {

struct Sum {
  int64_t count = 0;
  int64_t amount = 0;
  __int128 weighted = 0;
  void Add(const CellValue& v) {
    count += v.count;
    amount += v.amount;
    weighted += v.weighted;
  }
};

domain::Money M(int64_t minor, const std::string& currency) { return {minor, currency}; }

FunnelTotal Total(const Sum& s, const std::string& currency) {
  return {s.count, M(s.amount, currency), M(WeightedMinor(s.weighted), currency)};
}

}  // namespace

FunnelView BuildFunnel(const CrmBooks& books, const Scope& scope) {
  const OpportunityBook& book = books.opportunities;
  FunnelView view;
  view.position = books.position;
  CellTable storage;
  const CellTable& cells = CellsFor(books, scope, storage);

  CurrencyChoice choice = ChooseCurrency(book, scope, cells);
  const std::optional<uint16_t> currency = choice.index;
  view.currency = choice.name;
  view.other_currencies = std::move(choice.others);


  // Open deals count in the row of their stage; closed deals in the row of
  // the process's won or lost stage, whatever stage field an out-of-order
  // history left them with.
  const std::vector<ProcessStage>& process = books.process.StagesAsOf(scope.vis);
  std::optional<uint16_t> won_stage, lost_stage;
  for (const ProcessStage& p : process) {
    if (p.closed && p.won) won_stage = book.FindStage(p.name);
    if (p.closed && !p.won) lost_stage = book.FindStage(p.name);
  }
  std::vector<Sum> by_stage(book.stage_count());
  Sum open, won, lost, abandoned;
  for (const auto& [key, value] : cells) {
    if (!currency || key.currency != *currency || !AllowsCell(scope, key)) continue;
    uint16_t row = key.stage;
    switch (static_cast<DealStatus>(key.status)) {
      case DealStatus::kOpen: open.Add(value); break;
      case DealStatus::kWon: won.Add(value); row = won_stage.value_or(row); break;
      case DealStatus::kLost: lost.Add(value); row = lost_stage.value_or(row); break;
      case DealStatus::kAbandoned: abandoned.Add(value); continue;  // no stage row
    }
    by_stage[row].Add(value);
  }
  view.open = Total(open, view.currency);
  view.won = Total(won, view.currency);
  view.lost = Total(lost, view.currency);
  view.abandoned = Total(abandoned, view.currency);

  // Rows: every stage of the process in force, in order, then stages deals
  // still stand in that the process no longer has.
  std::vector<bool> listed(book.stage_count(), false);
  auto row = [&](FunnelStageRow r, std::optional<uint16_t> stage) {
    if (stage) {
      const Sum& s = by_stage[*stage];
      listed[*stage] = true;
      r.count = s.count;
      r.amount = M(s.amount, view.currency);
      r.weighted_amount = M(WeightedMinor(s.weighted), view.currency);
    } else {
      r.amount = M(0, view.currency);
      r.weighted_amount = M(0, view.currency);
    }
    view.stages.push_back(std::move(r));
  };
  for (const ProcessStage& p : process) {
    row({.stage = p.name, .probability = p.probability,
         .forecast_category = p.forecast_category, .closed = p.closed},
        book.FindStage(p.name));
  }
  for (size_t i = 0; i < listed.size(); ++i) {
    if (listed[i] || by_stage[i].count == 0) continue;
    row({.stage = std::string(book.StageName(static_cast<uint16_t>(i)))},
        static_cast<uint16_t>(i));
  }
  return view;
}

}  // namespace dealstream::projections
