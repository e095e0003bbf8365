#include "projections/product_performance.h"

#include <algorithm>
#include <map>
#include <set>

#include "projections/pipeline_analysis.h"

namespace dealstream::projections {
namespace {

struct Acc {
  int64_t deals = 0, open = 0, won = 0, lost = 0, revenue = 0;
  int64_t lines = 0, net = 0, list = 0, competed = 0;
};

std::optional<double> Ratio(int64_t num, int64_t den) {
  if (den == 0) return std::nullopt;
  return static_cast<double>(num) / static_cast<double>(den);
}

ProductFigures Figures(const Acc& a, const std::string& cur) {
  ProductFigures f{.deals = a.deals,
                   .open_count = a.open,
                   .won_count = a.won,
                   .lost_count = a.lost,
                   .win_rate = Ratio(a.won, a.won + a.lost),
                   .won_revenue = {a.revenue, cur},
                   .quoted_lines = a.lines,
                   .quoted_net = {a.net, cur},
                   .quoted_list = {a.list, cur},
                   .competed_deals = a.competed,
                   .competitor_pressure = Ratio(a.competed, a.deals)};
  if (a.list > 0) f.discount_depth = 1.0 - static_cast<double>(a.net) / static_cast<double>(a.list);
  return f;
}

bool Competed(const DealCompetition* c, const Visibility& vis) {
  if (c == nullptr) return false;
  return std::any_of(c->engagements.begin(), c->engagements.end(), [&](const EngagementEntry& e) {
    return e.engaged != 0 && vis.Sees(e.time, e.position);
  });
}

const QuoteFact* LatestQuote(const DealCompetition* c, const Visibility& vis) {
  if (c == nullptr) return nullptr;
  for (auto it = c->quotes.rbegin(); it != c->quotes.rend(); ++it) {
    if (vis.Sees(it->time, it->position)) return &*it;
  }
  return nullptr;
}

}  // namespace

int64_t AttributedShare(int64_t amount, size_t n, size_t i) {
  const int64_t base = amount / static_cast<int64_t>(n);
  const int64_t rest = amount % static_cast<int64_t>(n);  // same sign as amount
  const int64_t extra = static_cast<int64_t>(i) < (rest < 0 ? -rest : rest) ? (rest < 0 ? -1 : 1) : 0;
  return base + extra;
}

ProductPerformanceView BuildProductPerformance(const CrmBooks& books, const Scope& scope) {
  ProductPerformanceView view;
  view.position = books.position;
  const Visibility& vis = scope.vis;
  const Symbols& sym = books.symbols;
  const OpportunityBook& book = books.opportunities;

  struct Selected {
    const Deal* deal;
    uint32_t index;  // OpportunityBook index (CompetitionBook's key)
    DealState state;
    std::vector<uint32_t> products;  // distinct, in the deal's order
  };
  std::vector<Selected> selected;
  std::vector<int64_t> per_currency(book.currency_count(), 0);
  for (uint32_t index = 0; index < book.deals().size(); ++index) {
    const Deal& d = book.deals()[index];
    const DealState s = book.StateOf(d, vis);
    if (!DealInScope(books, scope, d, s)) continue;
    Selected k{&d, index, s, {}};
    for (uint32_t p : d.products) {
      if (std::find(k.products.begin(), k.products.end(), p) == k.products.end()) k.products.push_back(p);
    }
    ++per_currency[s.currency];
    selected.push_back(std::move(k));
  }
  CurrencyChoice choice = ChooseCurrency(book, scope, per_currency);
  const std::optional<uint16_t> chosen = choice.index;
  view.currency = std::move(choice.name);
  view.other_currencies = std::move(choice.others);
  const std::optional<uint32_t> report_currency = sym.names.Find(view.currency);

  std::map<uint32_t, Acc> products;  // product code -> figures
  std::map<uint32_t, Acc> lines;     // line name code -> figures
  std::map<uint32_t, std::set<uint32_t>> line_products;
  for (const Selected& k : selected) {
    const DealState& s = k.state;
    const bool same_currency = chosen && s.currency == *chosen;
    const DealCompetition* competition = books.competition.Find(k.index);
    const bool competed = Competed(competition, vis);
    if (s.status == DealStatus::kWon && k.products.empty() && same_currency) {
      ++view.unattributed_won_count;
      view.unattributed_won_revenue.minor += s.amount;
    }
    // Per product line, each deal counts once.
    std::set<uint32_t> deal_lines;
    for (size_t i = 0; i < k.products.size(); ++i) {
      const uint32_t p = k.products[i];
      if (scope.product && p != *scope.product) continue;
      Acc& a = products[p];
      const uint32_t line = books.catalog.LineOf(p, vis);
      Acc* l = nullptr;
      if (line != 0) {
        line_products[line].insert(p);
        l = &lines[line];
      }
      const bool first_of_line = line != 0 && deal_lines.insert(line).second;
      const int64_t share = s.status == DealStatus::kWon && same_currency
                                ? AttributedShare(s.amount, k.products.size(), i)
                                : 0;
      for (Acc* acc : {&a, first_of_line ? l : nullptr}) {
        if (acc == nullptr) continue;
        ++acc->deals;
        acc->open += s.status == DealStatus::kOpen;
        acc->won += s.status == DealStatus::kWon;
        acc->lost += s.status == DealStatus::kLost;
        acc->competed += competed;
      }
      a.revenue += share;
      if (l != nullptr) l->revenue += share;
    }
    // Discount depth: the lines of the deal's latest visible quote.
    const QuoteFact* quote = LatestQuote(competition, vis);
    if (quote == nullptr || !report_currency) continue;
    for (const QuoteLineFact& q : quote->lines) {
      if (scope.product && q.product != *scope.product) continue;
      if (q.currency != *report_currency) continue;
      const ProductRecord* record = books.competition.FindProduct(q.product);
      if (record == nullptr) continue;
      const Visibility then{.max_time = Timestamp::FromMicros(quote->time),
                            .max_position = vis.max_position};
      const PriceValue* list = record->list_price.AsOf(then);
      if (list == nullptr || list->currency != q.currency || list->minor <= 0) continue;
      for (Acc* acc : {&products[q.product], books.catalog.LineOf(q.product, vis) != 0
                                                 ? &lines[books.catalog.LineOf(q.product, vis)]
                                                 : nullptr}) {
        if (acc == nullptr) continue;
        ++acc->lines;
        acc->net += q.net_unit_price;
        acc->list += list->minor;
      }
    }
  }

  const std::string& cur = view.currency;
  view.unattributed_won_revenue.currency = cur;
  for (const auto& [code, a] : products) {
    const ProductRecord* record = books.competition.FindProduct(code);
    const uint32_t line = books.catalog.LineOf(code, vis);
    view.products.push_back({.product_id = std::string(sym.ids.Get(code)),
                             .name = record ? record->name : std::string(),
                             .product_line = std::string(sym.names.Get(line)),
                             .figures = Figures(a, cur)});
  }
  for (const auto& [line, a] : lines) {
    view.product_lines.push_back({.product_line = std::string(sym.names.Get(line)),
                                  .products = static_cast<int64_t>(line_products[line].size()),
                                  .figures = Figures(a, cur)});
  }
  std::sort(view.products.begin(), view.products.end(), [](const ProductRow& x, const ProductRow& y) {
    if (x.figures.won_revenue.minor != y.figures.won_revenue.minor) {
      return x.figures.won_revenue.minor > y.figures.won_revenue.minor;
    }
    return x.product_id < y.product_id;
  });
  std::sort(view.product_lines.begin(), view.product_lines.end(),
            [](const ProductLineRow& x, const ProductLineRow& y) {
              if (x.figures.won_revenue.minor != y.figures.won_revenue.minor) {
                return x.figures.won_revenue.minor > y.figures.won_revenue.minor;
              }
              return x.product_line < y.product_line;
            });
  return view;
}

}  // namespace dealstream::projections
