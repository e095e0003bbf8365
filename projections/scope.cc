#include "projections/scope.h"

#include "projections/calendar.h"

namespace dealstream::projections {

Result<Scope> ResolveScope(const CrmBooks& books, const Visibility& vis, const Filters& f) {
  Scope scope;
  scope.vis = vis;
  auto id_code = [&](const std::optional<std::string>& id) -> std::optional<uint32_t> {
    if (!id) return std::nullopt;
    std::optional<uint32_t> code = books.symbols.ids.Find(*id);
    if (!code || *code == 0) scope.matches_nothing = true;
    return code.value_or(0);
  };
  if (f.period) {
    std::optional<MonthRange> months = ParsePeriod(*f.period);
    if (!months) {
      return Status::InvalidArgument("period \"" + *f.period +
                                     "\" must be a year (2017), a quarter (2017-Q1) or a month "
                                     "(2017-03)");
    }
    scope.months = *months;
  }
  if (f.currency) {
    const std::string& c = *f.currency;
    if (c.size() != 3 || !std::all_of(c.begin(), c.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
      return Status::InvalidArgument("currency \"" + c + "\" must be three upper-case letters");
    }
    scope.currency = c;
  }
  if (f.department) {
    const std::optional<uint32_t> root = id_code(f.department);
    scope.departments = books.org.Subtree(root.value_or(0), vis);
  }
  scope.owner = id_code(f.owner);
  scope.product = id_code(f.product);
  if (f.region) {
    std::optional<uint32_t> region = books.symbols.names.Find(*f.region);
    if (!region || *region == 0) scope.matches_nothing = true;
    scope.region = region.value_or(0);
  }
  return scope;
}

const CellTable& CellsFor(const CrmBooks& books, const Scope& scope, CellTable& storage,
                          CellDetail need) {
  const OpportunityBook& book = books.opportunities;
  if (scope.matches_nothing) {
    storage.clear();
    return storage;
  }
  const CellDetail detail{.owner = need.owner || scope.owner.has_value(),
                          .department = need.department || scope.departments.has_value(),
                          .month = need.month || !scope.months.all()};
  if (scope.vis.is_now() && !scope.has_deal_filters()) {
    return detail.none() ? book.now_summary() : book.now_cells();
  }
  std::function<bool(const Deal&)> keep;
  if (scope.has_deal_filters()) {
    keep = [&](const Deal& d) {
      if (scope.product &&
          std::find(d.products.begin(), d.products.end(), *scope.product) == d.products.end()) {
        return false;
      }
      return !scope.region || books.customers.RegionOf(d.customer, scope.vis) == *scope.region;
    };
  }
  storage = book.BuildCells(scope.vis, keep, detail);
  return storage;
}

bool AllowsCell(const Scope& scope, const CellKey& key) {
  return scope.AllowsOwner(key.owner) && scope.AllowsDepartment(key.department) &&
         scope.months.Contains(key.month);
}

int64_t WeightedMinor(__int128 v) {
  const __int128 q = v / 100;
  const __int128 r = v % 100;
  if (r >= 50) return static_cast<int64_t>(q + 1);
  if (r <= -50) return static_cast<int64_t>(q - 1);
  return static_cast<int64_t>(q);
}

CurrencyChoice ChooseCurrency(const OpportunityBook& book, const Scope& scope,
                              const CellTable& cells) {
  std::vector<int64_t> counts(book.currency_count(), 0);
  for (const auto& [key, value] : cells) {
    if (AllowsCell(scope, key)) counts[key.currency] += value.count;
  }
  return ChooseCurrency(book, scope, counts);
}

CurrencyChoice ChooseCurrency(const OpportunityBook& book, const Scope& scope,
                              const std::vector<int64_t>& counts) {
  CurrencyChoice choice;
  if (scope.currency) {
    choice.index = book.FindCurrency(*scope.currency);
    choice.name = *scope.currency;
  } else {
    for (size_t i = 0; i < counts.size(); ++i) {
      if (counts[i] > 0 && (!choice.index || counts[i] > counts[*choice.index])) {
        choice.index = static_cast<uint16_t>(i);
      }
    }
    choice.name = choice.index ? std::string(book.CurrencyName(*choice.index))
                               : std::string(kDefaultReportCurrency);
  }
  for (size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] > 0 && (!choice.index || i != *choice.index)) {
      choice.others.push_back({std::string(book.CurrencyName(static_cast<uint16_t>(i))), counts[i]});
    }
  }
  return choice;
}

}  // namespace dealstream::projections
