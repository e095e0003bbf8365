// The price comparison of the competition read model: per product of ours,
// our list price and our quoted prices beside the competing products'
// catalog prices and the prices competitors quoted on deals.
#include <algorithm>
#include <map>
#include <tuple>

#include "projections/competition.h"

namespace dealstream::projections {
namespace {

struct CompetingAcc {
  const CompetingProductRecord* catalog = nullptr;
  PriceAccumulator prices;
};

struct ProductAcc {
  PriceAccumulator quoted;
  // (competitor, their product's name) -> prices
  std::map<std::pair<uint32_t, uint32_t>, CompetingAcc> competing;
};

std::optional<domain::Money> MoneyOf(const Symbols& sym, const PriceValue* p) {
  if (p == nullptr || p->currency == 0) return std::nullopt;
  return domain::Money{p->minor, std::string(sym.names.Get(p->currency))};
}

const QuoteFact* LatestQuote(const DealCompetition& c, const Visibility& vis) {
  for (auto it = c.quotes.rbegin(); it != c.quotes.rend(); ++it) {
    if (vis.Sees(it->time, it->position)) return &*it;
  }
  return nullptr;
}

}  // namespace

std::vector<ProductPriceRow> BuildPriceComparison(const CrmBooks& books, const Scope& scope,
                                                  const std::vector<SelectedDeal>& deals,
                                                  uint32_t currency_name,
                                                  const std::string& currency) {
  std::vector<ProductPriceRow> out;
  if (scope.matches_nothing) return out;
  const CompetitionBook& book = books.competition;
  const Symbols& sym = books.symbols;
  const Visibility& vis = scope.vis;
  auto wanted = [&](uint32_t product) { return !scope.product || *scope.product == product; };

  std::map<uint32_t, ProductAcc> rows;
  for (const ProductRecord& p : book.products()) {
    if (p.list_price.AsOf(vis) != nullptr && wanted(p.id)) rows[p.id];
  }
  // The catalog at the instant, and its lookup by (competitor, name).
  std::map<std::pair<uint32_t, uint32_t>, const CompetingProductRecord*> catalog;
  for (const CompetingProductRecord& cp : book.competing_products()) {
    const uint32_t* to = cp.compared_to.AsOf(vis);
    if (to == nullptr) continue;  // not registered at the instant
    catalog[{cp.competitor, cp.name}] = &cp;
    if (*to != 0 && wanted(*to)) rows[*to].competing[{cp.competitor, cp.name}].catalog = &cp;
  }

  for (const SelectedDeal& d : deals) {
    const DealCompetition* c = book.Find(d.index);
    if (c == nullptr) continue;
    if (const QuoteFact* quote = LatestQuote(*c, vis)) {
      for (const QuoteLineFact& line : quote->lines) {
        if (line.currency == currency_name && wanted(line.product)) {
          rows[line.product].quoted.Add(line.net_unit_price);
        }
      }
    }
    for (const EngagementEntry& e : EngagedAt(*c, vis)) {
      if (e.quoted.currency == 0 || e.quoted.currency != currency_name) continue;
      // Which product of ours the price compares with: the catalog's
      // compared-to product of the competing product the deal names, else
      // the deal's only product.
      const CompetingProductRecord* cp = nullptr;
      if (auto it = catalog.find({e.competitor, e.product}); e.product != 0 && it != catalog.end()) {
        cp = it->second;
      }
      const uint32_t* to = cp ? cp->compared_to.AsOf(vis) : nullptr;
      uint32_t target = 0;
      if (to != nullptr && *to != 0) {
        target = *to;
      } else if (d.deal->products.size() == 1) {
        target = d.deal->products.front();
      }
      if (target == 0 || !wanted(target)) continue;
      CompetingAcc& acc = rows[target].competing[{e.competitor, e.product}];
      if (cp != nullptr) acc.catalog = cp;
      acc.prices.Add(e.quoted.minor);
    }
  }

  for (const auto& [product, acc] : rows) {
    const ProductRecord* p = book.FindProduct(product);
    ProductPriceRow row{.product_id = std::string(sym.ids.Get(product)),
                        .name = p ? p->name : std::string(sym.ids.Get(product)),
                        .list_price = p ? MoneyOf(sym, p->list_price.AsOf(vis)) : std::nullopt,
                        .quoted = acc.quoted.Stats(currency)};
    for (const auto& [key, competing] : acc.competing) {
      CompetingPriceRow r{.competitor_id = std::string(sym.ids.Get(key.first)),
                          .competitor_name = std::string(book.CompetitorName(key.first)),
                          .product = std::string(sym.names.Get(key.second)),
                          .deal_prices = competing.prices.Stats(currency)};
      if (competing.catalog != nullptr) {
        r.competing_product_id = std::string(sym.ids.Get(competing.catalog->id));
        r.catalog_price = MoneyOf(sym, competing.catalog->price.AsOf(vis));
      }
      row.competitors.push_back(std::move(r));
    }
    std::stable_sort(row.competitors.begin(), row.competitors.end(),
                     [](const CompetingPriceRow& x, const CompetingPriceRow& y) {
                       return std::tie(x.competitor_id, x.product) < std::tie(y.competitor_id, y.product);
                     });
    out.push_back(std::move(row));
  }
  std::sort(out.begin(), out.end(), [](const ProductPriceRow& x, const ProductPriceRow& y) {
    return x.product_id < y.product_id;
  });
  return out;
}

}  // namespace dealstream::projections
