#include "projections/expenses.h"

#include <algorithm>

#include "codec/value_rules.h"
#include "domain/common/reflect.h"
#include "domain/expense/budget_commands.h"

namespace dealstream::projections {
namespace {

using domain::BudgetScope;

struct FigureAcc {
  int64_t claims = 0, actual = 0, pending = 0, rejected = 0;
  std::map<uint32_t, int64_t> by_category;

  void Add(ExpenseStatus status, int64_t amount, uint32_t category) {
    switch (status) {
      case ExpenseStatus::kRejected: rejected += amount; return;
      case ExpenseStatus::kClaimed: pending += amount; break;
      case ExpenseStatus::kApproved:
      case ExpenseStatus::kPaid:
        actual += amount;
        by_category[category] += amount;
        break;
    }
    ++claims;
  }
  ExpenseFigures Figures(const Symbols& sym, const std::string& cur) const {
    ExpenseFigures f{.claims = claims,
                     .actual = {actual, cur},
                     .pending = {pending, cur},
                     .rejected = {rejected, cur}};
    for (const auto& [category, amount] : by_category) {
      f.by_category[std::string(sym.names.Get(category))] = {amount, cur};
    }
    return f;
  }
};

// A claim's status and amount in force, or false when it does not exist.
bool ClaimAt(const ExpenseRecord& x, const Visibility& vis, ExpenseStatus* status, int64_t* amount) {
  if (!x.ExistsUnder(vis)) return false;
  const uint8_t* s = x.status.AsOf(vis);
  const int64_t* a = x.amount.AsOf(vis);
  if (s == nullptr || a == nullptr) return false;
  *status = static_cast<ExpenseStatus>(*s);
  *amount = *a;
  return true;
}

// The deal state of an opportunity id code under `vis`, if the deal exists.
std::optional<DealState> DealOf(const CrmBooks& books, uint32_t code, const Visibility& vis) {
  if (code == 0) return std::nullopt;
  const std::optional<uint32_t> index = books.opportunities.Find(books.symbols.ids.Get(code));
  if (!index) return std::nullopt;
  DealState s = books.opportunities.StateOf(*index, vis);
  if (!s.exists) return std::nullopt;
  return s;
}

bool DealHasProduct(const CrmBooks& books, uint32_t code, uint32_t product) {
  if (code == 0) return false;
  const std::optional<uint32_t> index = books.opportunities.Find(books.symbols.ids.Get(code));
  if (!index) return false;
  const std::vector<uint32_t>& p = books.opportunities.deals()[*index].products;
  return std::find(p.begin(), p.end(), product) != p.end();
}

bool ClaimInScope(const CrmBooks& books, const Scope& scope, const ExpenseRecord& x) {
  if (!scope.AllowsOwner(x.employee) || !scope.AllowsDepartment(x.department) ||
      !scope.months.Contains(MonthOfDay(x.incurred_day))) {
    return false;
  }
  if (scope.region && (x.customer == 0 || books.customers.RegionOf(x.customer, scope.vis) != *scope.region)) {
    return false;
  }
  return !scope.product || DealHasProduct(books, x.opportunity, *scope.product);
}

// Whether a budget is listed under the scope's filters (see the docs: the
// filters select budgets by whom their spending belongs to).
bool BudgetInScope(const CrmBooks& books, const Scope& scope, const BudgetRecord& b) {
  const MonthRange months{MonthOfDay(b.start_day), MonthOfDay(b.end_day)};
  if (months.last < scope.months.first || months.first > scope.months.last) return false;
  const auto kind = static_cast<BudgetScope>(b.scope);
  if (scope.region || scope.product) {
    if (kind != BudgetScope::kOpportunity) return false;
    const std::optional<uint32_t> index = books.opportunities.Find(books.symbols.ids.Get(b.scope_id));
    if (!index) return false;
    const Deal& d = books.opportunities.deals()[*index];
    if (scope.product && !DealHasProduct(books, b.scope_id, *scope.product)) return false;
    if (scope.region && books.customers.RegionOf(d.customer, scope.vis) != *scope.region) return false;
  }
  if (!scope.owner && !scope.departments) return true;
  switch (kind) {
    case BudgetScope::kEmployee:
      return scope.AllowsOwner(b.scope_id) &&
             scope.AllowsDepartment(books.org.DepartmentOf(b.scope_id, scope.vis));
    case BudgetScope::kOpportunity: {
      const std::optional<DealState> deal = DealOf(books, b.scope_id, scope.vis);
      return deal && scope.AllowsOwner(deal->owner) && scope.AllowsDepartment(deal->department);
    }
    case BudgetScope::kDepartment:
      return !scope.owner && scope.AllowsDepartment(b.scope_id);
    case BudgetScope::kCampaign: return false;  // belongs to no department or owner
  }
  return false;
}

// Whether a claim is charged to a budget: same currency, incurred within
// the budget's period, and of the budget's scope.
bool ChargedTo(const BudgetRecord& b, const ExpenseRecord& x,
               const std::vector<uint32_t>& subtree) {
  if (x.currency != b.currency || x.incurred_day < b.start_day || x.incurred_day > b.end_day) {
    return false;
  }
  switch (static_cast<BudgetScope>(b.scope)) {
    case BudgetScope::kEmployee: return x.employee == b.scope_id;
    case BudgetScope::kOpportunity: return x.opportunity == b.scope_id;
    case BudgetScope::kCampaign: return x.campaign == b.scope_id;
    case BudgetScope::kDepartment:
      return std::binary_search(subtree.begin(), subtree.end(), x.department);
  }
  return false;
}

BudgetRow Evaluate(const CrmBooks& books, const BudgetRecord& b, const Visibility& vis) {
  const Symbols& sym = books.symbols;
  const std::string cur(sym.names.Get(b.currency));
  std::vector<uint32_t> subtree;
  if (static_cast<BudgetScope>(b.scope) == BudgetScope::kDepartment) subtree = books.org.Subtree(b.scope_id, vis);
  int64_t actual = 0, pending = 0;
  for (const ExpenseRecord& x : books.expenses.expenses()) {
    ExpenseStatus status;
    int64_t amount = 0;
    if (!ClaimAt(x, vis, &status, &amount) || !ChargedTo(b, x, subtree)) continue;
    if (status == ExpenseStatus::kClaimed) pending += amount;
    if (status == ExpenseStatus::kApproved || status == ExpenseStatus::kPaid) actual += amount;
  }
  const int64_t budget = *b.amount.AsOf(vis);
  BudgetRow row{.budget_id = std::string(sym.ids.Get(b.id)),
                .scope = std::string(domain::NameOf(static_cast<BudgetScope>(b.scope))),
                .scope_id = std::string(sym.ids.Get(b.scope_id)),
                .period = std::string(sym.names.Get(b.period)),
                .start_date = codec::FormatDate(domain::Date{b.start_day}),
                .end_date = codec::FormatDate(domain::Date{b.end_day}),
                .budget = {budget, cur},
                .actual = {actual, cur},
                .pending = {pending, cur},
                .remaining = {budget - actual - pending, cur},
                .over_budget = actual + pending > budget};
  if (budget != 0) row.utilisation = static_cast<double>(actual) / static_cast<double>(budget);
  return row;
}

}  // namespace

ExpensesView BuildExpenses(const CrmBooks& books, const Scope& scope) {
  ExpensesView view;
  view.position = books.position;
  const Visibility& vis = scope.vis;
  const Symbols& sym = books.symbols;
  if (scope.matches_nothing) {
    view.currency = std::string(kDefaultReportCurrency);
    view.totals = FigureAcc{}.Figures(sym, view.currency);
    return view;
  }

  struct Selected {
    const ExpenseRecord* claim;
    ExpenseStatus status;
    int64_t amount;
  };
  std::vector<Selected> selected;
  std::map<uint32_t, int64_t> per_currency;
  for (const ExpenseRecord& x : books.expenses.expenses()) {
    Selected s{&x, ExpenseStatus::kClaimed, 0};
    if (!ClaimAt(x, vis, &s.status, &s.amount) || !ClaimInScope(books, scope, x)) continue;
    selected.push_back(s);
    ++per_currency[x.currency];
  }
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

  FigureAcc totals;
  std::map<uint32_t, FigureAcc> by_department;
  std::map<int32_t, FigureAcc> by_month;
  for (const Selected& s : selected) {
    if (!chosen || s.claim->currency != *chosen) continue;
    totals.Add(s.status, s.amount, s.claim->category);
    by_department[s.claim->department].Add(s.status, s.amount, s.claim->category);
    by_month[MonthOfDay(s.claim->incurred_day)].Add(s.status, s.amount, s.claim->category);
  }
  view.totals = totals.Figures(sym, cur);

  std::map<uint32_t, int64_t> department_budgets;
  for (const BudgetRecord& b : books.expenses.budgets()) {
    if (!b.ExistsUnder(vis) || !BudgetInScope(books, scope, b)) continue;
    view.budgets.push_back(Evaluate(books, b, vis));
    if (static_cast<BudgetScope>(b.scope) == BudgetScope::kDepartment && chosen && b.currency == *chosen) {
      department_budgets[b.scope_id] += *b.amount.AsOf(vis);
      by_department[b.scope_id];  // listed even without claims
    }
  }
  std::sort(view.budgets.begin(), view.budgets.end(),
            [](const BudgetRow& x, const BudgetRow& y) { return x.budget_id < y.budget_id; });
  for (const auto& [department, acc] : by_department) {
    const DepartmentRecord* d = books.org.FindDepartment(department);
    DepartmentExpenses row{.department_id = std::string(sym.ids.Get(department)),
                           .name = d ? d->name : std::string(),
                           .figures = acc.Figures(sym, cur)};
    if (auto it = department_budgets.find(department); it != department_budgets.end()) {
      row.budget = domain::Money{it->second, cur};
    }
    view.departments.push_back(std::move(row));
  }
  std::sort(view.departments.begin(), view.departments.end(),
            [](const DepartmentExpenses& x, const DepartmentExpenses& y) {
              return x.department_id < y.department_id;
            });
  for (const auto& [month, acc] : by_month) {
    view.periods.push_back({.period = MonthName(month), .figures = acc.Figures(sym, cur)});
  }
  return view;
}

}  // namespace dealstream::projections
