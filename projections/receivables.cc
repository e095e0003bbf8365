#include "projections/receivables.h"

#include <algorithm>
#include <array>
#include <map>

#include "codec/value_rules.h"
#include "domain/common/reflect.h"

namespace dealstream::projections {
namespace {

using domain::ContractStatus;

struct Acc {
  int64_t contracts = 0, total = 0, invoiced = 0, received = 0, outstanding = 0, overdue = 0,
          unscheduled = 0, written_off = 0;
  std::array<int64_t, 5> aging{};
  DeliveryProgress deliveries;

  void Add(const Acc& o) {
    contracts += o.contracts;
    total += o.total;
    invoiced += o.invoiced;
    received += o.received;
    outstanding += o.outstanding;
    overdue += o.overdue;
    unscheduled += o.unscheduled;
    written_off += o.written_off;
    for (size_t i = 0; i < aging.size(); ++i) aging[i] += o.aging[i];
    deliveries.batches += o.deliveries.batches;
    deliveries.shipped += o.deliveries.shipped;
    deliveries.accepted += o.deliveries.accepted;
    deliveries.overdue += o.deliveries.overdue;
  }
};

ReceivableFigures Figures(const Acc& a, const std::string& cur) {
  return ReceivableFigures{.contracts = a.contracts,
                           .total = {a.total, cur},
                           .invoiced = {a.invoiced, cur},
                           .received = {a.received, cur},
                           .outstanding = {a.outstanding, cur},
                           .overdue = {a.overdue, cur},
                           .unscheduled = {a.unscheduled, cur},
                           .written_off = {a.written_off, cur},
                           .aging = {.current = {a.aging[0], cur},
                                     .days_1_30 = {a.aging[1], cur},
                                     .days_31_60 = {a.aging[2], cur},
                                     .days_61_90 = {a.aging[3], cur},
                                     .over_90 = {a.aging[4], cur}},
                           .deliveries = a.deliveries};
}

// 0 = current, 1 = 1–30, 2 = 31–60, 3 = 61–90, 4 = over 90 days past due.
size_t Bucket(int32_t days_past_due) {
  if (days_past_due <= 0) return 0;
  if (days_past_due <= 30) return 1;
  if (days_past_due <= 60) return 2;
  if (days_past_due <= 90) return 3;
  return 4;
}

template <typename Entry>
const Entry* LatestVisible(const std::vector<Entry>& entries, const Visibility& vis) {
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    if (vis.Sees(it->time, it->position)) return &*it;
  }
  return nullptr;
}

// Calls fn(entry) for each visible entry (entries are in position order).
template <typename Fn>
void ForVisible(const std::vector<ExecutionEntry>& entries, const Visibility& vis, Fn fn) {
  for (const ExecutionEntry& e : entries) {
    if (e.position > vis.max_position) break;
    if (e.time <= vis.max_time.micros()) fn(e);
  }
}

// Whether a visible entry records `batch`.
bool Recorded(const std::vector<DeliveryEntry>& entries, uint32_t batch, const Visibility& vis) {
  return std::any_of(entries.begin(), entries.end(), [&](const DeliveryEntry& e) {
    return e.batch == batch && vis.Sees(e.time, e.position);
  });
}

// The delivery plan in force and how far its batches got by the aging day.
DeliveryProgress Deliveries(const ContractRecord& c, const Visibility& vis, int32_t aging_day,
                            bool executing) {
  DeliveryProgress d;
  const DeliveryPlanVersion* plan = nullptr;
  for (auto it = c.deliveries.rbegin(); it != c.deliveries.rend(); ++it) {
    if (vis.Sees(it->time, it->position)) {
      plan = &*it;
      break;
    }
  }
  if (plan == nullptr) return d;
  for (const DeliveryFact& b : plan->batches) {
    ++d.batches;
    const bool shipped = Recorded(c.shipped, b.id, vis);
    d.shipped += shipped ? 1 : 0;
    d.accepted += Recorded(c.accepted, b.id, vis) ? 1 : 0;
    d.overdue += (executing && !shipped && b.due_day < aging_day) ? 1 : 0;
  }
  return d;
}

struct Candidate {
  const ContractRecord* contract;
  ContractStatus status;
  int32_t signed_day;
};

bool HasProduct(const ContractRecord& c, uint32_t product, const Visibility& vis) {
  const LinesVersion* lines = LatestVisible(c.lines, vis);
  return lines != nullptr &&
         std::find(lines->products.begin(), lines->products.end(), product) != lines->products.end();
}

// One contract's figures and instalment rows.
Acc Evaluate(const Candidate& k, const Visibility& vis, int32_t aging_day, const Symbols& sym,
             const std::string& cur, std::vector<InstalmentRow>* rows) {
  const ContractRecord& c = *k.contract;
  Acc a;
  a.contracts = 1;
  a.total = *c.total.AsOf(vis);
  int64_t unallocated = 0;
  std::map<uint32_t, int64_t> paid, invoiced;
  ForVisible(c.invoices, vis, [&](const ExecutionEntry& e) {
    a.invoiced += e.amount;
    if (e.instalment != 0) invoiced[e.instalment] += e.amount;
  });
  ForVisible(c.payments, vis, [&](const ExecutionEntry& e) {
    a.received += e.amount;
    if (e.instalment != 0) {
      paid[e.instalment] += e.amount;
    } else {
      unallocated += e.amount;
    }
  });
  const PlanVersion* plan = LatestVisible(c.plans, vis);
  std::vector<InstalmentFact> instalments = plan ? plan->instalments : std::vector<InstalmentFact>{};
  std::stable_sort(instalments.begin(), instalments.end(),
                   [](const InstalmentFact& x, const InstalmentFact& y) { return x.due_day < y.due_day; });
  // Payments against an instalment no longer planned count as unallocated.
  for (const auto& [id, amount] : paid) {
    if (std::none_of(instalments.begin(), instalments.end(),
                     [&](const InstalmentFact& i) { return i.id == id; })) {
      unallocated += amount;
    }
  }
  const bool executing = k.status == ContractStatus::kSigned;
  int64_t open_total = 0;
  for (const InstalmentFact& i : instalments) {
    int64_t p = std::min(paid.count(i.id) ? paid[i.id] : 0, i.amount);
    unallocated += (paid.count(i.id) ? paid[i.id] : 0) - p;
    const int64_t take = std::min(unallocated, i.amount - p);
    p += take;
    unallocated -= take;
    const int64_t open = i.amount - p;
    const int32_t days = open > 0 && aging_day > i.due_day ? aging_day - i.due_day : 0;
    if (executing && open > 0) {
      open_total += open;
      a.aging[Bucket(days)] += open;
      if (days > 0) a.overdue += open;
    }
    rows->push_back({.instalment_id = std::string(sym.ids.Get(i.id)),
                     .due_date = codec::FormatDate(domain::Date{i.due_day}),
                     .amount = {i.amount, cur},
                     .invoiced = {invoiced.count(i.id) ? invoiced[i.id] : 0, cur},
                     .paid = {p, cur},
                     .open = {open, cur},
                     .days_past_due = days});
  }
  if (k.status == ContractStatus::kTerminated) {
    a.written_off = std::max<int64_t>(0, a.total - a.received);
  } else {
    a.outstanding = std::max<int64_t>(0, a.total - a.received);
  }
  if (executing) a.unscheduled = std::max<int64_t>(0, a.outstanding - open_total);
  a.deliveries = Deliveries(c, vis, aging_day, executing);
  return a;
}

}  // namespace

ReceivablesView BuildReceivables(const CrmBooks& books, const Scope& scope, int32_t aging_day) {
  ReceivablesView view;
  view.position = books.position;
  view.aging_date = codec::FormatDate(domain::Date{aging_day});
  const Visibility& vis = scope.vis;
  const Symbols& sym = books.symbols;

  std::vector<Candidate> candidates;
  std::map<uint32_t, int64_t> per_currency;
  for (const ContractRecord& c : books.contracts.contracts()) {
    if (scope.matches_nothing || !c.ExistsUnder(vis)) continue;
    const uint8_t* status = c.status.AsOf(vis);
    const int32_t* signed_day = c.signed_day.AsOf(vis);
    if (status == nullptr || signed_day == nullptr) continue;  // never signed
    const auto s = static_cast<ContractStatus>(*status);
    if (s != ContractStatus::kSigned && s != ContractStatus::kCompleted &&
        s != ContractStatus::kTerminated) {
      continue;
    }
    if (!scope.AllowsOwner(c.owner) || !scope.AllowsDepartment(c.department) ||
        !scope.months.Contains(MonthOfDay(*signed_day))) {
      continue;
    }
    if (scope.region && books.customers.RegionOf(c.customer, vis) != *scope.region) continue;
    if (scope.product && !HasProduct(c, *scope.product, vis)) continue;
    candidates.push_back({&c, s, *signed_day});
    ++per_currency[c.currency];
  }

  // The report currency: the requested one, else the one most contracts use.
  std::optional<uint32_t> chosen;
  if (scope.currency) {
    view.currency = *scope.currency;
    chosen = sym.names.Find(*scope.currency);
  } else {
    for (const auto& [currency, n] : per_currency) {
      if (!chosen || n > per_currency[*chosen]) chosen = currency;
    }
    view.currency = chosen ? std::string(sym.names.Get(*chosen)) : std::string(kDefaultReportCurrency);
  }
  for (const auto& [currency, n] : per_currency) {
    if (!chosen || currency != *chosen) view.other_currencies.push_back({std::string(sym.names.Get(currency)), n});
  }

  const std::string& cur = view.currency;
  Acc totals;
  std::map<uint32_t, Acc> by_customer;
  for (const Candidate& k : candidates) {
    const ContractRecord& c = *k.contract;
    if (!chosen || c.currency != *chosen) continue;
    ContractReceivable row{.contract_id = std::string(sym.ids.Get(c.id)),
                           .customer_id = std::string(sym.ids.Get(c.customer)),
                           .owner_id = std::string(sym.ids.Get(c.owner)),
                           .department_id = std::string(sym.ids.Get(c.department)),
                           .status = std::string(domain::NameOf(k.status)),
                           .signed_date = codec::FormatDate(domain::Date{k.signed_day})};
    const Acc a = Evaluate(k, vis, aging_day, sym, cur, &row.instalments);
    row.figures = Figures(a, cur);
    totals.Add(a);
    by_customer[c.customer].Add(a);
    view.contracts.push_back(std::move(row));
  }
  std::sort(view.contracts.begin(), view.contracts.end(),
            [](const ContractReceivable& x, const ContractReceivable& y) { return x.contract_id < y.contract_id; });
  view.totals = Figures(totals, cur);
  for (const auto& [customer, a] : by_customer) {
    const CustomerRecord* record = books.customers.Find(customer);
    view.customers.push_back({.customer_id = std::string(sym.ids.Get(customer)),
                              .name = record ? record->name : std::string(),
                              .figures = Figures(a, cur)});
  }
  std::sort(view.customers.begin(), view.customers.end(),
            [](const CustomerReceivable& x, const CustomerReceivable& y) {
              if (x.figures.outstanding.minor != y.figures.outstanding.minor) {
                return x.figures.outstanding.minor > y.figures.outstanding.minor;
              }
              return x.customer_id < y.customer_id;
            });
  return view;
}

}  // namespace dealstream::projections
