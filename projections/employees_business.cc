// The employee figures that come from books other than the deal timelines:
// quotes drafted on their deals, their expenses, and the complaints and
// praise that concern them (DESIGN §3.4; docs/projections.md#employees).
#include <algorithm>

#include "domain/service/service_request.h"
#include "projections/employees.h"

namespace dealstream::projections {

void AddBusinessCounts(const CrmBooks& books, const Scope& scope,
                       const std::unordered_map<uint32_t, size_t>& row_of,
                       std::optional<uint32_t> currency_name, std::vector<BusinessCounts>& counts) {
  const Visibility& vis = scope.vis;
  auto row = [&](uint32_t employee) -> BusinessCounts* {
    auto it = row_of.find(employee);
    return it == row_of.end() ? nullptr : &counts[it->second];
  };
  auto region_ok = [&](uint32_t customer) {
    return !scope.region || (customer != 0 && books.customers.RegionOf(customer, vis) == *scope.region);
  };

  // Quotes: versions drafted (visible, business time in the period) on the
  // deals each employee owns at the instant, under the deal filters.
  const std::vector<Deal>& deals = books.opportunities.deals();
  for (const auto& [index, competition] : books.competition.deals()) {
    if (competition.quotes.empty() || index >= deals.size()) continue;
    const Deal& d = deals[index];
    if (scope.product && std::find(d.products.begin(), d.products.end(), *scope.product) == d.products.end()) {
      continue;
    }
    if (!region_ok(d.customer)) continue;
    const DealState s = books.opportunities.StateOf(d, vis);
    BusinessCounts* c = s.exists ? row(s.owner) : nullptr;
    if (c == nullptr) continue;
    for (const QuoteFact& q : competition.quotes) {
      if (vis.Sees(q.time, q.position) && scope.months.Contains(MonthOfTime(q.time))) ++c->quotes;
    }
  }

  // Expenses: the claimant's approved or paid claims in the report
  // currency, incurred in the period (region: the related customer's).
  for (const ExpenseRecord& x : books.expenses.expenses()) {
    if (!x.ExistsUnder(vis) || !currency_name || x.currency != *currency_name) continue;
    BusinessCounts* c = row(x.employee);
    const uint8_t* status = x.status.AsOf(vis);
    const int64_t* amount = x.amount.AsOf(vis);
    if (c == nullptr || status == nullptr || amount == nullptr) continue;
    const auto st = static_cast<ExpenseStatus>(*status);
    if (st != ExpenseStatus::kApproved && st != ExpenseStatus::kPaid) continue;
    if (!scope.months.Contains(MonthOfDay(x.incurred_day)) || !region_ok(x.customer)) continue;
    c->expenses += *amount;
  }

  // Complaints and praise: requests of those types concerning the employee,
  // opened in the period (region: the customer's).
  for (const ServiceRequestRecord& r : books.service.requests()) {
    const auto type = static_cast<domain::ServiceRequestType>(r.type);
    if (type != domain::ServiceRequestType::kComplaint && type != domain::ServiceRequestType::kPraise) {
      continue;
    }
    BusinessCounts* c = r.concerns != 0 ? row(r.concerns) : nullptr;
    if (c == nullptr || !r.ExistsUnder(vis) || !scope.months.Contains(MonthOfTime(r.opened_time)) ||
        !region_ok(r.customer)) {
      continue;
    }
    ++(type == domain::ServiceRequestType::kComplaint ? c->complaints : c->praise);
  }
}

}  // namespace dealstream::projections
