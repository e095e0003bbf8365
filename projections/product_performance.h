// Product performance (DESIGN §3.12, the seed's "cash-cow products"): per
// product and per product line, won revenue, win rate, discount depth
// (quoted net unit price against the list price) and competitor pressure
// (the share of its deals with a competitor recorded).
// Definitions, including how a multi-product deal's amount is attributed:
// docs/projections.md#product-performance.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/common/values.h"
#include "projections/books.h"
#include "projections/scope.h"

namespace dealstream::projections {

struct ProductFigures {
  int64_t deals = 0;       // deals in scope that include it
  int64_t open_count = 0;
  int64_t won_count = 0;
  int64_t lost_count = 0;
  std::optional<double> win_rate;   // won / (won + lost); null when both are 0
  domain::Money won_revenue;        // attributed share of won amounts (report currency)
  int64_t quoted_lines = 0;         // lines of the deals' latest quotes priced against a list price
  domain::Money quoted_net;         // Σ net unit price of those lines
  domain::Money quoted_list;        // Σ list price in force when each was quoted
  std::optional<double> discount_depth;  // 1 − quoted_net / quoted_list; null without lines
  int64_t competed_deals = 0;       // deals with a competitor recorded
  std::optional<double> competitor_pressure;  // competed_deals / deals; null when no deals
};

struct ProductRow {
  std::string product_id;
  std::string name;
  std::string product_line;  // "" = none
  ProductFigures figures;
};

struct ProductLineRow {
  std::string product_line;
  int64_t products = 0;  // products of the line listed
  ProductFigures figures;  // each deal counted once per line
};

struct ProductPerformanceView {
  std::string currency;
  std::vector<ProductRow> products;      // by won revenue, then id
  std::vector<ProductLineRow> product_lines;  // by won revenue, then name
  int64_t unattributed_won_count = 0;    // won deals without products
  domain::Money unattributed_won_revenue;
  std::vector<CurrencyCount> other_currencies;  // deals whose money is left out
  uint64_t position = 0;
};

ProductPerformanceView BuildProductPerformance(const CrmBooks& books, const Scope& scope);

// The equal split of `amount` over `n` products: share i (0-based) in
// minor units; the remainder goes one unit each to the first products.
int64_t AttributedShare(int64_t amount, size_t n, size_t i);

}  // namespace dealstream::projections
