// Filters (DESIGN §3, §10) every read model accepts, and Scope, their form
// resolved against the books for one query instant.
//
//   department  a department id: the department and its whole subtree, as
//               the tree stood at the query instant
//   owner       an employee id (the record's owner at the query instant)
//   region      a customer region (the customer's region at the instant)
//   product     a product id among the opportunity's products
//   period      "2017", "2017-Q1" or "2017-03": which records count in a
//               period is defined per figure in docs/projections.md
//   currency    an ISO code: report this currency (default: the currency
//               most of the selected records use)
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "projections/books.h"
#include "projections/calendar.h"
#include "projections/time_travel.h"

namespace dealstream::projections {

struct Filters {
  std::optional<std::string> department;
  std::optional<std::string> owner;
  std::optional<std::string> region;
  std::optional<std::string> product;
  std::optional<std::string> period;
  std::optional<std::string> currency;
};

struct Scope {
  Visibility vis;
  std::optional<std::vector<uint32_t>> departments;  // sorted id codes
  std::optional<uint32_t> owner;
  std::optional<uint32_t> product;
  std::optional<uint32_t> region;  // Symbols::names
  MonthRange months;
  std::optional<std::string> currency;
  // A filter names a record or value the books have never seen: nothing
  // can match (an empty answer, not an error).
  bool matches_nothing = false;

  bool AllowsDepartment(uint32_t department) const {
    return !departments || std::binary_search(departments->begin(), departments->end(), department);
  }
  bool AllowsOwner(uint32_t owner_code) const { return !owner || *owner == owner_code; }
  // Filters that need the deal itself, not just its cell.
  bool has_deal_filters() const { return product.has_value() || region.has_value(); }
};

// Resolves `filters` for the instant `vis`. Errors: InvalidArgument for a
// malformed period or currency (the message names the filter).
Result<Scope> ResolveScope(const CrmBooks& books, const Visibility& vis, const Filters& filters);

// The pipeline cells the scope selects before cell-level filters: the
// maintained "now" cells when possible, else cells folded for the instant
// (into `storage`). Product and region filters are applied here.
// `need` names the key fields the caller groups by beyond the scope's own
// filters (forecast: month; employees: owner); fields neither needs are
// merged away, which keeps the table small.
const CellTable& CellsFor(const CrmBooks& books, const Scope& scope, CellTable& storage,
                          CellDetail need = {false, false, false});
// Cell-level filters: owner, department, period.
bool AllowsCell(const Scope& scope, const CellKey& key);

// Σ amount × percent / 100, rounded half away from zero to minor units.
int64_t WeightedMinor(__int128 amount_times_percent);

// Deals left out of a report because they are in another currency.
struct CurrencyCount {
  std::string currency;
  int64_t count = 0;
};

// The currency a pipeline report uses: the requested one, else the one
// most selected deals use (ties: the first seen). Deals in other currencies
// are counted in `others`.
// When no deal is selected at all, reports still name a currency so that
// their zero amounts keep the Money shape.
inline constexpr std::string_view kDefaultReportCurrency = "USD";

struct CurrencyChoice {
  std::optional<uint16_t> index;  // OpportunityBook currency index
  std::string name;               // kDefaultReportCurrency when no deal is selected
  std::vector<CurrencyCount> others;
};
CurrencyChoice ChooseCurrency(const OpportunityBook& book, const Scope& scope,
                              const CellTable& cells);
// The same choice from counts per OpportunityBook currency index (a
// report that counts its own selection of deals).
CurrencyChoice ChooseCurrency(const OpportunityBook& book, const Scope& scope,
                              const std::vector<int64_t>& counts);

}  // namespace dealstream::projections
