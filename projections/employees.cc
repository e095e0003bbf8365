#include "projections/employees.h"

#include <algorithm>
#include <unordered_map>

namespace dealstream::projections {
namespace {

struct Acc {
  int64_t won_count = 0, won_amount = 0, lost_count = 0;
  int64_t open_count = 0, open_amount = 0;
  __int128 weighted = 0;
  std::map<uint32_t, int64_t> activities;  // type code -> count
  int64_t dm_meetings = 0;
  int64_t target = 0;
  bool has_target = false;
  BusinessCounts business;

  void Add(const Acc& o) {
    won_count += o.won_count;
    won_amount += o.won_amount;
    lost_count += o.lost_count;
    open_count += o.open_count;
    open_amount += o.open_amount;
    weighted += o.weighted;
    for (const auto& [t, n] : o.activities) activities[t] += n;
    dm_meetings += o.dm_meetings;
    target += o.target;
    has_target = has_target || o.has_target;
    business.Add(o.business);
  }
};

PerformanceFigures Figures(const Acc& a, const std::string& currency, const Symbols& symbols) {
  PerformanceFigures f;
  f.won_count = a.won_count;
  f.won_amount = {a.won_amount, currency};
  f.lost_count = a.lost_count;
  if (a.won_count + a.lost_count > 0) {
    f.win_rate = static_cast<double>(a.won_count) / static_cast<double>(a.won_count + a.lost_count);
  }
  f.open_count = a.open_count;
  f.open_amount = {a.open_amount, currency};
  f.weighted_pipeline = {WeightedMinor(a.weighted), currency};
  for (const auto& [type, n] : a.activities) f.activities[std::string(symbols.names.Get(type))] += n;
  f.decision_maker_meetings = a.dm_meetings;
  if (a.has_target) {
    f.target = domain::Money{a.target, currency};
    if (a.target > 0) f.attainment = static_cast<double>(a.won_amount) / static_cast<double>(a.target);
  }
  f.quotes = a.business.quotes;
  f.expenses = {a.business.expenses, currency};
  f.complaints = a.business.complaints;
  f.praise = a.business.praise;
  return f;
}

// The amount of a target that counts under `scope`: active at the instant,
// in the report currency, and with its period inside the scope's period
// (any target when no period is given). nullptr when it does not count.
const int64_t* TargetInScope(const TargetRecord& t, const Scope& scope,
                             std::optional<uint32_t> currency_name) {
  const uint8_t* active = t.active.AsOf(scope.vis);
  const int64_t* amount = t.amount.AsOf(scope.vis);
  if (active == nullptr || *active == 0 || amount == nullptr) return nullptr;
  if (!currency_name || t.currency != *currency_name) return nullptr;
  if (!scope.months.all() &&
      (t.months.first < scope.months.first || t.months.last > scope.months.last)) {
    return nullptr;
  }
  return amount;
}

// Competition ranking ("1, 2, 2, 4") by won amount, then won count.
template <typename Row>
void Rank(std::vector<Row>& rows, const std::vector<Acc>& accs, auto id_of) {
  std::vector<size_t> order(rows.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto key = [&](size_t i) { return std::pair(accs[i].won_amount, accs[i].won_count); };
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (key(a) != key(b)) return key(a) > key(b);
    return id_of(rows[a]) < id_of(rows[b]);
  });
  std::vector<Row> sorted;
  sorted.reserve(rows.size());
  for (size_t k = 0; k < order.size(); ++k) {
    Row r = std::move(rows[order[k]]);
    r.rank = (k > 0 && key(order[k]) == key(order[k - 1])) ? sorted.back().rank
                                                           : static_cast<int32_t>(k + 1);
    sorted.push_back(std::move(r));
  }
  rows = std::move(sorted);
}

}  // namespace

EmployeesView BuildEmployees(const CrmBooks& books, const Scope& scope) {
  const Symbols& sym = books.symbols;
  const OpportunityBook& book = books.opportunities;
  const Visibility& vis = scope.vis;
  EmployeesView view;
  view.position = books.position;
  if (scope.matches_nothing) return view;

  // Deal figures come from the cells, filtered by period and deal-level
  // filters; the department filter selects employees, not deals.
  Scope deal_scope = scope;
  deal_scope.departments.reset();
  deal_scope.owner.reset();
  CellTable storage;
  const CellTable& cells = CellsFor(books, deal_scope, storage, {.owner = true});
  CurrencyChoice choice = ChooseCurrency(book, deal_scope, cells);
  const std::optional<uint16_t> currency = choice.index;
  view.currency = choice.name;
  view.other_currencies = std::move(choice.others);

  const std::optional<uint32_t> currency_name = sym.names.Find(view.currency);

  // Who is listed: employees hired at the instant, plus deal owners the org
  // book does not know (imported history), within the department and owner
  // filters.
  std::unordered_map<uint32_t, size_t> row_of;
  std::vector<Acc> accs;
  auto list = [&](uint32_t id, const std::string& name, uint32_t dept, bool active) {
    if (!scope.AllowsOwner(id) || !scope.AllowsDepartment(dept)) return;
    if (row_of.count(id)) return;
    row_of.emplace(id, view.employees.size());
    view.employees.push_back({.employee_id = std::string(sym.ids.Get(id)),
                              .name = name,
                              .department_id = std::string(sym.ids.Get(dept)),
                              .active = active});
    accs.emplace_back();
  };
  for (const EmployeeRecord& e : books.org.employees()) {
    const uint8_t* active = e.active.AsOf(vis);
    if (active == nullptr) continue;  // not hired yet at the instant
    list(e.id, e.name, books.org.DepartmentOf(e.id, vis), *active != 0);
  }
  for (const auto& [key, value] : cells) {
    if (value.count != 0 && books.org.FindEmployee(key.owner) == nullptr) {
      list(key.owner, "", 0, true);
    }
  }

  for (const auto& [key, value] : cells) {
    if (!currency || key.currency != *currency || !scope.months.Contains(key.month)) continue;
    auto it = row_of.find(key.owner);
    if (it == row_of.end()) continue;
    Acc& a = accs[it->second];
    switch (static_cast<DealStatus>(key.status)) {
      case DealStatus::kWon: a.won_count += value.count; a.won_amount += value.amount; break;
      case DealStatus::kLost: a.lost_count += value.count; break;
      case DealStatus::kOpen:
        a.open_count += value.count;
        a.open_amount += value.amount;
        a.weighted += value.weighted;
        break;
      case DealStatus::kAbandoned: break;
    }
  }
  for (const ActivityRecord& act : books.activities.activities()) {
    auto it = row_of.find(act.assignee);
    if (it == row_of.end()) continue;
    const uint8_t* state = act.state.AsOf(vis);
    if (state == nullptr || static_cast<ActivityState>(*state) != ActivityState::kCompleted) continue;
    if (!scope.months.Contains(MonthOfDay(act.completed_day))) continue;
    Acc& a = accs[it->second];
    ++a.activities[act.type];
    a.dm_meetings += act.decision_maker_met;
  }
  {
    std::vector<BusinessCounts> counts(accs.size());
    AddBusinessCounts(books, scope, row_of, currency_name, counts);
    for (size_t i = 0; i < accs.size(); ++i) accs[i].business = counts[i];
  }
  for (const TargetRecord& t : books.org.targets()) {
    if (t.employee == 0) continue;
    const int64_t* amount = TargetInScope(t, scope, currency_name);
    auto it = row_of.find(t.employee);
    if (amount == nullptr || it == row_of.end()) continue;
    accs[it->second].target += *amount;
    accs[it->second].has_target = true;
  }

  // Department roll-ups: each department's subtree, over the listed
  // employees. A department's target is the one set on the department
  // itself when there is one, else the sum of its employees' targets.
  std::vector<Acc> dept_accs;
  for (const DepartmentRecord& d : books.org.departments()) {
    const uint32_t* parent = d.parent.AsOf(vis);
    if (parent == nullptr || !scope.AllowsDepartment(d.id)) continue;
    DepartmentRollup r{.department_id = std::string(sym.ids.Get(d.id)),
                       .name = d.name,
                       .parent_id = std::string(sym.ids.Get(*parent))};
    Acc sum;
    for (size_t i = 0; i < view.employees.size(); ++i) {
      const std::optional<uint32_t> dept = sym.ids.Find(view.employees[i].department_id);
      if (dept && *dept != 0 && books.org.IsWithin(*dept, d.id, vis)) {
        sum.Add(accs[i]);
        ++r.employees;
      }
    }
    int64_t own_target = 0;
    bool has_own_target = false;
    for (const TargetRecord& t : books.org.targets()) {
      if (t.department != d.id) continue;
      if (const int64_t* amount = TargetInScope(t, scope, currency_name)) {
        own_target += *amount;
        has_own_target = true;
      }
    }
    if (has_own_target) {
      sum.target = own_target;
      sum.has_target = true;
    }
    view.departments.push_back(std::move(r));
    dept_accs.push_back(std::move(sum));
  }
  for (size_t i = 0; i < view.departments.size(); ++i) {
    view.departments[i].figures = Figures(dept_accs[i], view.currency, sym);
  }
  for (size_t i = 0; i < view.employees.size(); ++i) {
    view.employees[i].figures = Figures(accs[i], view.currency, sym);
  }
  Rank(view.employees, accs, [](const EmployeeRow& r) { return r.employee_id; });
  Rank(view.departments, dept_accs, [](const DepartmentRollup& r) { return r.department_id; });
  return view;
}

}  // namespace dealstream::projections
