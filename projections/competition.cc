#include "projections/competition.h"

#include <algorithm>
#include <map>

namespace dealstream::projections {
namespace {

// The loss in force on a lost deal: its latest visible loss.
const LossEntry* LossAt(const DealCompetition* c, const Visibility& vis) {
  if (c == nullptr) return nullptr;
  for (auto it = c->losses.rbegin(); it != c->losses.rend(); ++it) {
    if (vis.Sees(it->time, it->position)) return &*it;
  }
  return nullptr;
}

struct CompetitorAcc {
  int64_t deals = 0, open_count = 0, won_count = 0, lost_count = 0;
  int64_t open_amount = 0, won_amount = 0, lost_amount = 0;
  std::map<uint32_t, int64_t> reasons;
  PriceAccumulator quoted;
};

struct ReasonAcc {
  int64_t count = 0, amount = 0, to_competitor = 0;
};

// Deals the scope selects (existing at the instant, owner, department,
// period, product, region), before the currency is chosen.
std::vector<SelectedDeal> SelectDeals(const CrmBooks& books, const Scope& scope) {
  std::vector<SelectedDeal> out;
  if (scope.matches_nothing) return out;
  const std::vector<Deal>& deals = books.opportunities.deals();
  for (uint32_t i = 0; i < deals.size(); ++i) {
    const Deal& d = deals[i];
    if (scope.product && std::find(d.products.begin(), d.products.end(), *scope.product) == d.products.end()) {
      continue;
    }
    DealState s = books.opportunities.StateOf(d, scope.vis);
    if (!s.exists || !scope.AllowsOwner(s.owner) || !scope.AllowsDepartment(s.department) ||
        !scope.months.Contains(s.PeriodMonth())) {
      continue;
    }
    if (scope.region && books.customers.RegionOf(d.customer, scope.vis) != *scope.region) continue;
    out.push_back({.index = i, .deal = &d, .state = s});
  }
  return out;
}

}  // namespace

std::vector<EngagementEntry> EngagedAt(const DealCompetition& c, const Visibility& vis) {
  std::vector<EngagementEntry> latest;  // per competitor, in first-seen order
  for (const EngagementEntry& e : c.engagements) {
    if (e.position > vis.max_position) break;  // position order
    if (e.time > vis.max_time.micros()) continue;
    auto it = std::find_if(latest.begin(), latest.end(),
                           [&](const EngagementEntry& x) { return x.competitor == e.competitor; });
    if (it == latest.end()) {
      latest.push_back(e);
    } else {
      *it = e;
    }
  }
  std::erase_if(latest, [](const EngagementEntry& e) { return e.engaged == 0; });
  return latest;
}

void PriceAccumulator::Add(int64_t minor) {
  min_ = count_ == 0 ? minor : std::min(min_, minor);
  max_ = count_ == 0 ? minor : std::max(max_, minor);
  sum_ += minor;
  ++count_;
}

PriceStats PriceAccumulator::Stats(const std::string& currency) const {
  PriceStats s{.count = count_};
  if (count_ == 0) return s;
  const __int128 twice = sum_ * 2 / count_;  // round half away from zero
  const int64_t average = static_cast<int64_t>(twice >= 0 ? (twice + 1) / 2 : (twice - 1) / 2);
  s.average = domain::Money{average, currency};
  s.min = domain::Money{min_, currency};
  s.max = domain::Money{max_, currency};
  return s;
}

CompetitionView BuildCompetition(const CrmBooks& books, const Scope& scope) {
  CompetitionView view;
  view.position = books.position;
  const OpportunityBook& opportunities = books.opportunities;
  const CompetitionBook& competition = books.competition;
  std::vector<SelectedDeal> selected = SelectDeals(books, scope);

  // The report currency: the requested one, else the one most selected
  // deals use (ties: the first seen); the others are counted apart.
  std::vector<int64_t> per_currency(opportunities.currency_count(), 0);
  for (const SelectedDeal& d : selected) ++per_currency[d.state.currency];
  CurrencyChoice choice = ChooseCurrency(opportunities, scope, per_currency);
  const std::optional<uint16_t> chosen = choice.index;
  view.currency = std::move(choice.name);
  view.other_currencies = std::move(choice.others);
  std::erase_if(selected, [&](const SelectedDeal& d) { return !chosen || d.state.currency != *chosen; });
  const uint32_t currency_name = books.symbols.names.Find(view.currency).value_or(UINT32_MAX);

  std::map<uint32_t, CompetitorAcc> by_competitor;
  std::map<uint32_t, ReasonAcc> by_reason;
  for (const SelectedDeal& d : selected) {
    const DealState& s = d.state;
    const DealCompetition* c = competition.Find(d.index);
    const LossEntry* loss = s.status == DealStatus::kLost ? LossAt(c, scope.vis) : nullptr;
    if (s.status == DealStatus::kLost) {
      ReasonAcc& r = by_reason[loss ? loss->reason : 0];
      ++r.count;
      r.amount += s.amount;
      r.to_competitor += (loss && loss->winner != 0) ? 1 : 0;
    }
    std::vector<EngagementEntry> engaged;
    if (c != nullptr) engaged = EngagedAt(*c, scope.vis);
    std::vector<uint32_t> encountered;
    for (const EngagementEntry& e : engaged) encountered.push_back(e.competitor);
    if (loss && loss->winner != 0 &&
        std::find(encountered.begin(), encountered.end(), loss->winner) == encountered.end()) {
      encountered.push_back(loss->winner);
    }
    if (encountered.empty()) continue;
    ++view.deals;
    for (uint32_t competitor : encountered) {
      CompetitorAcc& a = by_competitor[competitor];
      ++a.deals;
      switch (s.status) {
        case DealStatus::kOpen:
          ++a.open_count;
          a.open_amount += s.amount;
          break;
        case DealStatus::kWon:
          ++a.won_count;
          a.won_amount += s.amount;
          break;
        case DealStatus::kLost:
          if (loss && loss->winner == competitor) {
            ++a.lost_count;
            a.lost_amount += s.amount;
            ++a.reasons[loss->reason];
          }
          break;
        case DealStatus::kAbandoned: break;
      }
    }
    for (const EngagementEntry& e : engaged) {
      if (e.quoted.currency != 0 && e.quoted.currency == currency_name) {
        by_competitor[e.competitor].quoted.Add(e.quoted.minor);
      }
    }
  }

  const Symbols& sym = books.symbols;
  const std::string& cur = view.currency;
  for (const auto& [id, a] : by_competitor) {
    CompetitorRow row{.competitor_id = std::string(sym.ids.Get(id)),
                      .name = std::string(competition.CompetitorName(id)),
                      .deals = a.deals,
                      .open_count = a.open_count,
                      .open_amount = {a.open_amount, cur},
                      .won_count = a.won_count,
                      .won_amount = {a.won_amount, cur},
                      .lost_count = a.lost_count,
                      .lost_amount = {a.lost_amount, cur}};
    if (a.won_count + a.lost_count > 0) {
      row.win_rate = static_cast<double>(a.won_count) / static_cast<double>(a.won_count + a.lost_count);
    }
    for (const auto& [reason, n] : a.reasons) {
      row.loss_reasons.push_back({std::string(sym.names.Get(reason)), n});
    }
    std::stable_sort(row.loss_reasons.begin(), row.loss_reasons.end(),
                     [](const ReasonCount& x, const ReasonCount& y) {
                       if (x.count != y.count) return x.count > y.count;
                       return x.reason < y.reason;
                     });
    row.average_quoted_price = a.quoted.Stats(cur).average;
    view.competitors.push_back(std::move(row));
  }
  std::stable_sort(view.competitors.begin(), view.competitors.end(),
                   [](const CompetitorRow& x, const CompetitorRow& y) {
                     if (x.deals != y.deals) return x.deals > y.deals;
                     return x.competitor_id < y.competitor_id;
                   });
  for (const auto& [reason, r] : by_reason) {
    view.loss_reasons.push_back({.reason = std::string(sym.names.Get(reason)),
                                 .count = r.count,
                                 .amount = {r.amount, cur},
                                 .to_competitor = r.to_competitor});
  }
  std::stable_sort(view.loss_reasons.begin(), view.loss_reasons.end(),
                   [](const LossReasonRow& x, const LossReasonRow& y) {
                     if (x.count != y.count) return x.count > y.count;
                     return x.reason < y.reason;
                   });
  view.products = BuildPriceComparison(books, scope, selected, currency_name, cur);
  return view;
}

}  // namespace dealstream::projections
