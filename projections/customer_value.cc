#include "projections/customer_value.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "codec/value_rules.h"
#include "domain/service/service_request.h"
#include "projections/receivables.h"

namespace dealstream::projections {
namespace {

struct Acc {
  const CustomerRecord* record = nullptr;
  uint32_t owner = 0;
  int64_t revenue = 0, won = 0, previous = 0, previous_won = 0;
  int64_t lost = 0, lost_amount = 0, complaints = 0, overdue = 0;
};

std::string Trend(int64_t revenue, int64_t previous) {
  if (previous == 0) return revenue == 0 ? "none" : "new";
  if (revenue > previous) return "up";
  if (revenue < previous) return "down";
  return "flat";
}

// Overdue instalments per customer on `day`, over every contract currency:
// the receivables read model's instalment rows, unfiltered.
std::unordered_map<std::string, int64_t> OverdueByCustomer(const CrmBooks& books,
                                                           const Visibility& vis, int32_t day) {
  std::map<uint32_t, bool> currencies;
  for (const ContractRecord& c : books.contracts.contracts()) currencies[c.currency] = true;
  std::unordered_map<std::string, int64_t> out;
  for (const auto& [currency, unused] : currencies) {
    Scope all;
    all.vis = vis;
    all.currency = std::string(books.symbols.names.Get(currency));
    for (const ContractReceivable& c : BuildReceivables(books, all, day).contracts) {
      for (const InstalmentRow& i : c.instalments) {
        if (i.open.minor > 0 && i.days_past_due > 0) ++out[c.customer_id];
      }
    }
  }
  return out;
}

}  // namespace

CustomerValueView BuildCustomerValue(const CrmBooks& books, const Scope& scope,
                                     int32_t reference_day) {
  CustomerValueView view;
  view.position = books.position;
  view.reference_date = codec::FormatDate(domain::Date{reference_day});
  const Visibility& vis = scope.vis;
  const Symbols& sym = books.symbols;
  const OpportunityBook& deals = books.opportunities;

  MonthRange period = scope.months;
  if (period.all()) {
    const int32_t month = MonthOfDay(reference_day);
    period = {month - 11, month};
  }
  const int32_t length = period.last - period.first + 1;
  const MonthRange previous{period.first - length, period.first - 1};
  view.period_start = MonthName(period.first);
  view.period_end = MonthName(period.last);
  view.previous_start = MonthName(previous.first);
  view.previous_end = MonthName(previous.last);

  // The customers in scope: existing, not merged away, owner, department
  // and region at the instant.
  std::unordered_map<uint32_t, Acc> accs;
  for (const CustomerRecord& c : books.customers.customers()) {
    if (scope.matches_nothing || !c.ExistsUnder(vis)) continue;
    const uint8_t* status = c.status.AsOf(vis);
    if (status != nullptr && static_cast<CustomerStatus>(*status) == CustomerStatus::kMerged) continue;
    const uint32_t* owner = c.owner.AsOf(vis);
    const uint32_t* dept = c.department.AsOf(vis);
    if (!scope.AllowsOwner(owner ? *owner : 0) || !scope.AllowsDepartment(dept ? *dept : 0)) continue;
    if (scope.region && books.customers.RegionOf(c.id, vis) != *scope.region) continue;
    accs[c.id] = Acc{.record = &c, .owner = owner ? *owner : 0};
  }

  // Closed deals of those customers, with the product filter; currency
  // chosen among the deals won in either period.
  struct Closed {
    uint32_t customer;
    DealState state;
    bool in_period;
  };
  std::vector<Closed> closed;
  std::vector<int64_t> won_per_currency(deals.currency_count(), 0);
  for (const Deal& d : deals.deals()) {
    if (!accs.count(d.customer)) continue;
    if (scope.product &&
        std::find(d.products.begin(), d.products.end(), *scope.product) == d.products.end()) {
      continue;
    }
    const DealState s = deals.StateOf(d, vis);
    if (!s.exists || (s.status != DealStatus::kWon && s.status != DealStatus::kLost)) continue;
    const int32_t month = MonthOfTime(s.status_time);
    const bool in_period = period.Contains(month);
    if (!in_period && !previous.Contains(month)) continue;
    if (s.status == DealStatus::kWon) ++won_per_currency[s.currency];
    closed.push_back({d.customer, s, in_period});
  }
  CurrencyChoice choice = ChooseCurrency(deals, scope, won_per_currency);
  const std::optional<uint16_t> chosen = choice.index;
  view.currency = std::move(choice.name);
  view.other_currencies = std::move(choice.others);

  for (const Closed& k : closed) {
    Acc& a = accs[k.customer];
    if (k.state.status == DealStatus::kLost) {
      if (!k.in_period) continue;
      ++a.lost;  // lost deals count in any currency; their amount only in the report's
      if (chosen && k.state.currency == *chosen) a.lost_amount += k.state.amount;
      continue;
    }
    if (!chosen || k.state.currency != *chosen) continue;
    if (k.in_period) {
      a.revenue += k.state.amount;
      ++a.won;
    } else {
      a.previous += k.state.amount;
      ++a.previous_won;
    }
  }

  // Complaints opened in the period.
  for (const ServiceRequestRecord& r : books.service.requests()) {
    if (r.type != static_cast<uint8_t>(domain::ServiceRequestType::kComplaint)) continue;
    if (!r.ExistsUnder(vis) || !period.Contains(MonthOfTime(r.opened_time))) continue;
    auto it = accs.find(r.customer);
    if (it != accs.end()) ++it->second.complaints;
  }
  if (!accs.empty()) {
    for (const auto& [customer, n] : OverdueByCustomer(books, vis, reference_day)) {
      std::optional<uint32_t> code = sym.ids.Find(customer);
      if (!code) continue;
      auto it = accs.find(*code);
      if (it != accs.end()) it->second.overdue += n;
    }
  }

  // Rank: revenue descending, then customer id.
  std::vector<CustomerValueRow> rows;
  int64_t total = 0, previous_total = 0;
  const std::string& cur = view.currency;
  for (const auto& [code, a] : accs) {
    CustomerValueRow row{.customer_id = std::string(sym.ids.Get(code)),
                         .name = a.record->name,
                         .owner_id = std::string(sym.ids.Get(a.owner)),
                         .revenue = {a.revenue, cur},
                         .won_count = a.won,
                         .previous_revenue = {a.previous, cur},
                         .previous_won_count = a.previous_won,
                         .change = {a.revenue - a.previous, cur},
                         .trend = Trend(a.revenue, a.previous),
                         .lost_count = a.lost,
                         .lost_amount = {a.lost_amount, cur},
                         .complaints = a.complaints,
                         .overdue_instalments = a.overdue};
    if (a.previous != 0) {
      row.change_ratio = static_cast<double>(a.revenue - a.previous) / static_cast<double>(a.previous);
    }
    const int64_t moved = a.revenue > a.previous ? a.revenue - a.previous : a.previous - a.revenue;
    row.changing_value = a.previous == 0 ? a.revenue > 0
                                         : moved * 100 >= kChangingValuePercent * a.previous;
    if (a.lost > 0) row.problems.emplace_back("lost_deals");
    if (a.complaints > 0) row.problems.emplace_back("complaints");
    if (a.overdue > 0) row.problems.emplace_back("overdue_payments");
    row.problem_customer = !row.problems.empty();
    total += a.revenue;
    previous_total += a.previous;
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const CustomerValueRow& x, const CustomerValueRow& y) {
    if (x.revenue.minor != y.revenue.minor) return x.revenue.minor > y.revenue.minor;
    return x.customer_id < y.customer_id;
  });

  // Segments: a group of equal revenue takes the class of the share ranked
  // before its first member (so ties never split); no revenue is C.
  std::map<std::string, SegmentSummary> segments;
  for (const char* s : {"A", "B", "C"}) segments[s] = {s, 0, {0, cur}};
  int64_t before = 0;  // revenue of the customers ranked above the current group
  int64_t running = 0;
  std::string group_segment;
  for (size_t i = 0; i < rows.size(); ++i) {
    CustomerValueRow& row = rows[i];
    row.rank = static_cast<int64_t>(i) + 1;
    if (i == 0 || row.revenue.minor != rows[i - 1].revenue.minor) {
      before = running;
      if (row.revenue.minor <= 0 || total <= 0) {
        group_segment = "C";
      } else if (static_cast<__int128>(before) * 100 < static_cast<__int128>(kSegmentAPercent) * total) {
        group_segment = "A";
      } else if (static_cast<__int128>(before) * 100 < static_cast<__int128>(kSegmentBPercent) * total) {
        group_segment = "B";
      } else {
        group_segment = "C";
      }
    }
    running += row.revenue.minor;
    row.segment = group_segment;
    row.value_customer = group_segment == "A";
    if (total > 0) {
      row.share = static_cast<double>(row.revenue.minor) / static_cast<double>(total);
      row.cumulative_share = static_cast<double>(running) / static_cast<double>(total);
    }
    SegmentSummary& seg = segments[group_segment];
    ++seg.customers;
    seg.revenue.minor += row.revenue.minor;
  }
  for (auto& [name, seg] : segments) view.segments.push_back(std::move(seg));
  view.total_revenue = {total, cur};
  view.previous_total_revenue = {previous_total, cur};
  view.customers = std::move(rows);
  return view;
}

}  // namespace dealstream::projections
