#include "projections/expense_book.h"

#include "domain/common/reflect.h"
#include "projections/overloaded.h"

namespace dealstream::projections {
namespace {

template <typename Record>
Record& Upsert(std::vector<Record>& records, std::unordered_map<uint32_t, uint32_t>& index,
               uint32_t code) {
  auto [it, inserted] = index.emplace(code, static_cast<uint32_t>(records.size()));
  if (inserted) {
    records.emplace_back();
    records.back().id = code;
  }
  return records[it->second];
}

uint8_t Code(ExpenseStatus s) { return static_cast<uint8_t>(s); }

}  // namespace

BudgetRecord& ExpenseBook::Budget(std::string_view id) {
  return Upsert(budgets_, budget_index_, symbols_.ids.Intern(id));
}
ExpenseRecord& ExpenseBook::Expense(std::string_view id) {
  return Upsert(expenses_, expense_index_, symbols_.ids.Intern(id));
}

void ExpenseBook::Apply(const EventMeta& m, const domain::BudgetAggregate::Event& event) {
  std::visit(Overloaded{
                 [&](const domain::BudgetSet& e) {
                   BudgetRecord& b = Budget(e.budget_id.value);
                   b.scope = static_cast<uint8_t>(e.scope);
                   b.scope_id = symbols_.ids.Intern(e.scope_id.value);
                   b.period = symbols_.names.Intern(e.period);
                   b.start_day = static_cast<int32_t>(e.period_start.epoch_day);
                   b.end_day = static_cast<int32_t>(e.period_end.epoch_day);
                   b.currency = symbols_.names.Intern(e.amount.currency);
                   b.set_time = m.time;
                   b.set_position = m.position;
                   b.amount.Set(m, e.amount.minor);
                 },
                 [&](const domain::BudgetRevised& e) {
                   Budget(e.budget_id.value).amount.Set(m, e.amount.minor);
                 },
             },
             event);
}

void ExpenseBook::Apply(const EventMeta& m, const domain::ExpenseAggregate::Event& event) {
  auto id = [&](const std::optional<domain::Id>& v) {
    return v ? symbols_.ids.Intern(v->value) : 0;
  };
  std::visit(Overloaded{
                 [&](const domain::ExpenseClaimed& e) {
                   ExpenseRecord& x = Expense(e.expense_id.value);
                   x.employee = symbols_.ids.Intern(e.employee_id.value);
                   x.department = symbols_.ids.Intern(e.department_id.value);
                   x.category = symbols_.names.Intern(domain::NameOf(e.category));
                   x.currency = symbols_.names.Intern(e.amount.currency);
                   x.incurred_day = static_cast<int32_t>(e.incurred_on.epoch_day);
                   x.opportunity = id(e.related.opportunity_id);
                   x.customer = id(e.related.customer_id);
                   x.campaign = id(e.related.campaign_id);
                   x.claimed_time = m.time;
                   x.claimed_position = m.position;
                   x.amount.Set(m, e.amount.minor);
                   x.status.Set(m, Code(ExpenseStatus::kClaimed));
                 },
                 [&](const domain::ExpenseApproved& e) {
                   ExpenseRecord& x = Expense(e.expense_id.value);
                   x.amount.Set(m, e.amount.minor);
                   x.status.Set(m, Code(ExpenseStatus::kApproved));
                 },
                 [&](const domain::ExpenseRejected& e) {
                   Expense(e.expense_id.value).status.Set(m, Code(ExpenseStatus::kRejected));
                 },
                 [&](const domain::ExpensePaid& e) {
                   Expense(e.expense_id.value).status.Set(m, Code(ExpenseStatus::kPaid));
                 },
             },
             event);
}

void ExpenseBook::Save(BinaryWriter& w) const {
  w.U64(budgets_.size());
  for (const BudgetRecord& b : budgets_) {
    w.U64(b.id);
    w.U64(b.scope);
    w.U64(b.scope_id);
    w.U64(b.period);
    w.I64(b.start_day);
    w.I64(b.end_day);
    w.U64(b.currency);
    w.I64(b.set_time);
    w.U64(b.set_position);
    b.amount.Save(w);
  }
  w.U64(expenses_.size());
  for (const ExpenseRecord& x : expenses_) {
    for (uint32_t v : {x.id, x.employee, x.department, x.category, x.currency, x.opportunity,
                       x.customer, x.campaign}) {
      w.U64(v);
    }
    w.I64(x.incurred_day);
    w.I64(x.claimed_time);
    w.U64(x.claimed_position);
    x.amount.Save(w);
    x.status.Save(w);
  }
}

Status ExpenseBook::Load(BinaryReader& r) {
  auto u32 = [&] { return static_cast<uint32_t>(r.U64()); };
  budgets_.resize(r.Count());
  budget_index_.clear();
  for (uint32_t i = 0; i < budgets_.size() && r.ok(); ++i) {
    BudgetRecord& b = budgets_[i];
    b.id = u32();
    b.scope = static_cast<uint8_t>(r.U64());
    b.scope_id = u32();
    b.period = u32();
    b.start_day = static_cast<int32_t>(r.I64());
    b.end_day = static_cast<int32_t>(r.I64());
    b.currency = u32();
    b.set_time = r.I64();
    b.set_position = r.U64();
    b.amount.Load(r);
    budget_index_.emplace(b.id, i);
  }
  expenses_.resize(r.Count());
  expense_index_.clear();
  for (uint32_t i = 0; i < expenses_.size() && r.ok(); ++i) {
    ExpenseRecord& x = expenses_[i];
    for (uint32_t* v : {&x.id, &x.employee, &x.department, &x.category, &x.currency,
                        &x.opportunity, &x.customer, &x.campaign}) {
      *v = u32();
    }
    x.incurred_day = static_cast<int32_t>(r.I64());
    x.claimed_time = r.I64();
    x.claimed_position = r.U64();
    x.amount.Load(r);
    x.status.Load(r);
    expense_index_.emplace(x.id, i);
  }
  if (!r.ok()) return Status::Corruption("expense book is malformed");
  return Status::Ok();
}

}  // namespace dealstream::projections
