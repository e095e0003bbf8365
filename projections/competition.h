// Competition (DESIGN §3.3): per competitor, the deals it competed on, won
// against it, lost to it, win rate against it and the amounts; per loss
// reason, counts and amounts; and per product of ours, our list and quoted
// prices beside the competing products' prices (catalog and as recorded on
// deals). Definitions: docs/projections.md#competition.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/common/values.h"
#include "projections/books.h"
#include "projections/scope.h"

namespace dealstream::projections {

struct ReasonCount {
  std::string reason;
  int64_t count = 0;
};

struct CompetitorRow {
  std::string competitor_id;
  std::string name;
  int64_t deals = 0;  // deals it competed on
  int64_t open_count = 0;
  domain::Money open_amount;
  int64_t won_count = 0;  // won against it
  domain::Money won_amount;
  int64_t lost_count = 0;  // lost to it
  domain::Money lost_amount;
  std::optional<double> win_rate;      // won / (won + lost); nullopt when both are 0
  std::vector<ReasonCount> loss_reasons;  // of the losses to it, by count then reason
  std::optional<domain::Money> average_quoted_price;  // its prices recorded on deals
};

struct LossReasonRow {
  std::string reason;
  int64_t count = 0;
  domain::Money amount;
  int64_t to_competitor = 0;  // losses naming the competitor who won
};

// count, average (rounded half away from zero), min and max of prices in
// the report currency; nullopt figures when count is 0.
struct PriceStats {
  int64_t count = 0;
  std::optional<domain::Money> average, min, max;
};

struct CompetingPriceRow {
  std::string competitor_id;
  std::string competitor_name;
  std::string product;  // their product's name ("" when the deal did not say)
  std::optional<std::string> competing_product_id;  // the catalog entry, if any
  std::optional<domain::Money> catalog_price;       // its catalog price at the instant
  PriceStats deal_prices;  // their quoted prices recorded on deals
};

struct ProductPriceRow {
  std::string product_id;
  std::string name;
  std::optional<domain::Money> list_price;  // at the instant, in its own currency
  PriceStats quoted;  // our net unit prices on the deals' latest quotes
  std::vector<CompetingPriceRow> competitors;  // by competitor id, then product
};

struct CompetitionView {
  std::string currency;
  int64_t deals = 0;  // selected deals with at least one competitor
  std::vector<CompetitorRow> competitors;  // by deals, then id
  std::vector<LossReasonRow> loss_reasons;  // by count, then reason
  std::vector<ProductPriceRow> products;    // by product id
  std::vector<CurrencyCount> other_currencies;
  uint64_t position = 0;
};

CompetitionView BuildCompetition(const CrmBooks& books, const Scope& scope);

// --- Internals shared by competition.cc and competition_prices.cc. ---

// A deal the scope selects, in the report currency, with its state.
struct SelectedDeal {
  uint32_t index = 0;  // OpportunityBook index
  const Deal* deal = nullptr;
  DealState state;
};

// The engagements in force on a deal under `vis`: one per competitor still
// engaged, the latest visible entry.
std::vector<EngagementEntry> EngagedAt(const DealCompetition& c, const Visibility& vis);

// Our products' price rows for the selected deals.
std::vector<ProductPriceRow> BuildPriceComparison(const CrmBooks& books, const Scope& scope,
                                                  const std::vector<SelectedDeal>& deals,
                                                  uint32_t currency_name,
                                                  const std::string& currency);

// Folds prices into PriceStats.
class PriceAccumulator {
 public:
  void Add(int64_t minor);
  PriceStats Stats(const std::string& currency) const;

 private:
  int64_t count_ = 0;
  __int128 sum_ = 0;
  int64_t min_ = 0, max_ = 0;
};

}  // namespace dealstream::projections
