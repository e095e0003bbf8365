#include "projections/customer_360.h"

#include <algorithm>

#include "codec/value_rules.h"
#include "domain/common/reflect.h"
#include "domain/contract/contract.h"
#include "domain/service/service_request.h"

namespace dealstream::projections {
namespace {

std::string Day(int32_t day) { return codec::FormatDate(domain::Date{day}); }

template <typename T>
T ValueAt(const Timeline<T>& t, const Visibility& vis, T fallback = T{}) {
  const T* v = t.AsOf(vis);
  return v == nullptr ? fallback : *v;
}

std::string_view CustomerStatusName(uint8_t s) {
  switch (static_cast<CustomerStatus>(s)) {
    case CustomerStatus::kActive: return "active";
    case CustomerStatus::kArchived: return "archived";
    case CustomerStatus::kMerged: return "merged";
  }
  return "active";
}

}  // namespace

std::optional<Customer360View> BuildCustomer360(const CrmBooks& books, const Visibility& vis,
                                                std::string_view customer_id) {
  const Symbols& sym = books.symbols;
  const std::optional<uint32_t> code = sym.ids.Find(customer_id);
  if (!code || *code == 0) return std::nullopt;
  const CustomerRecord* c = books.customers.Find(*code);
  if (c == nullptr || !c->ExistsUnder(vis)) return std::nullopt;

  Customer360View v;
  v.position = books.position;
  v.customer_id = std::string(customer_id);
  v.name = c->name;
  v.status = std::string(CustomerStatusName(ValueAt(c->status, vis)));
  v.lifecycle = std::string(domain::NameOf(static_cast<domain::Lifecycle>(ValueAt(c->lifecycle, vis))));
  v.owner_id = std::string(sym.ids.Get(ValueAt(c->owner, vis)));
  v.department_id = std::string(sym.ids.Get(ValueAt(c->department, vis)));
  v.region = std::string(sym.names.Get(ValueAt(c->region, vis)));
  v.industry = std::string(sym.names.Get(ValueAt(c->industry, vis)));

  if (const std::vector<uint32_t>* contacts = books.contacts.OfCustomer(*code)) {
    for (uint32_t i : *contacts) {
      const ContactRecord& k = books.contacts.contacts()[i];
      if (!k.ExistsUnder(vis)) continue;
      v.contacts.push_back({.contact_id = std::string(sym.ids.Get(k.id)),
                            .title = std::string(sym.names.Get(ValueAt(k.title, vis))),
                            .department = std::string(sym.names.Get(ValueAt(k.department, vis))),
                            .status = ValueAt(k.left, vis) != 0 ? "left_company" : "active",
                            .added_date = Day(DayOf(k.added_time))});
    }
  }

  const OpportunityBook& deals = books.opportunities;
  std::vector<uint32_t> deal_codes;  // the customer's deals visible at the instant
  for (const Deal& d : deals.deals()) {
    if (d.customer != *code) continue;
    const DealState s = deals.StateOf(d, vis);
    if (!s.exists) continue;
    deal_codes.push_back(d.id);
    Customer360Opportunity o{.opportunity_id = std::string(sym.ids.Get(d.id)),
                             .status = std::string(DealStatusName(s.status)),
                             .stage = std::string(deals.StageName(s.stage)),
                             .amount = {s.amount, std::string(deals.CurrencyName(s.currency))},
                             .expected_close_date = Day(s.close_day),
                             .owner_id = std::string(sym.ids.Get(s.owner))};
    if (s.status != DealStatus::kOpen) o.closed_date = Day(DayOf(s.status_time));
    for (uint32_t p : d.products) o.product_ids.emplace_back(sym.ids.Get(p));
    v.opportunities.push_back(std::move(o));
  }
  std::sort(deal_codes.begin(), deal_codes.end());

  for (const ContractRecord& k : books.contracts.contracts()) {
    if (k.customer != *code || !k.ExistsUnder(vis)) continue;
    const std::string currency(sym.names.Get(k.currency));
    int64_t received = 0;
    for (const ExecutionEntry& e : k.payments) {
      if (vis.Sees(e.time, e.position)) received += e.amount;
    }
    Customer360Contract row{
        .contract_id = std::string(sym.ids.Get(k.id)),
        .status = std::string(domain::NameOf(static_cast<domain::ContractStatus>(ValueAt(k.status, vis)))),
        .total = {ValueAt(k.total, vis), currency},
        .received = {received, currency},
        .owner_id = std::string(sym.ids.Get(k.owner))};
    if (const int32_t* signed_day = k.signed_day.AsOf(vis)) row.signed_date = Day(*signed_day);
    v.contracts.push_back(std::move(row));
  }

  for (const ServiceRequestRecord& r : books.service.requests()) {
    if (r.customer != *code || !r.ExistsUnder(vis)) continue;
    v.service_requests.push_back(
        {.request_id = std::string(sym.ids.Get(r.id)),
         .type = std::string(domain::NameOf(static_cast<domain::ServiceRequestType>(r.type))),
         .status = std::string(domain::NameOf(static_cast<domain::ServiceRequestStatus>(ValueAt(r.status, vis)))),
         .priority = std::string(domain::NameOf(static_cast<domain::ServicePriority>(ValueAt(r.priority, vis)))),
         .opened_date = Day(DayOf(r.opened_time))});
  }

  // Activities of the customer's deals visible at the instant, most recent
  // date first (ties: the later-planned record first).
  struct Dated {
    int32_t day;
    size_t index;
    ActivityState state;
  };
  std::vector<Dated> dated;
  const std::vector<ActivityRecord>& activities = books.activities.activities();
  for (size_t i = 0; i < activities.size(); ++i) {
    const ActivityRecord& a = activities[i];
    if (!std::binary_search(deal_codes.begin(), deal_codes.end(), a.opportunity)) continue;
    const uint8_t* state = a.state.AsOf(vis);
    if (state == nullptr) continue;
    const auto s = static_cast<ActivityState>(*state);
    dated.push_back({s == ActivityState::kCompleted ? a.completed_day : a.planned_day, i, s});
  }
  std::sort(dated.begin(), dated.end(), [](const Dated& x, const Dated& y) {
    if (x.day != y.day) return x.day > y.day;
    return x.index > y.index;
  });
  v.activities_total = static_cast<int64_t>(dated.size());
  for (size_t i = 0; i < dated.size() && i < kCustomer360Activities; ++i) {
    const ActivityRecord& a = activities[dated[i].index];
    v.activities.push_back({.activity_id = std::string(sym.ids.Get(a.id)),
                            .opportunity_id = std::string(sym.ids.Get(a.opportunity)),
                            .type = std::string(sym.names.Get(a.type)),
                            .subject = a.subject,
                            .state = std::string(ActivityStateName(dated[i].state)),
                            .date = Day(dated[i].day),
                            .assignee_id = std::string(sym.ids.Get(a.assignee))});
  }
  return v;
}

}  // namespace dealstream::projections
