// ExpenseBook: budgets (per opportunity, campaign, department or employee
// and period) and expense claims (claimant, department, category, amount,
// incurred date, related records, approval status), for the budget vs
// actual read model as of any instant: amounts and statuses are Timelines,
// and a record exists from its first event's business time and position.
//
// Thread-safety: Apply / Load mutate; const methods may run concurrently.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "domain/expense/budget.h"
#include "domain/expense/expense.h"
#include "projections/symbols.h"
#include "projections/timeline.h"

namespace dealstream::projections {

enum class ExpenseStatus : uint8_t { kClaimed = 0, kApproved = 1, kRejected = 2, kPaid = 3 };

struct BudgetRecord {
  uint32_t id = 0;        // Symbols::ids
  uint8_t scope = 0;      // domain::BudgetScope
  uint32_t scope_id = 0;  // Symbols::ids
  uint32_t period = 0;    // Symbols::names ("2017-Q1")
  int32_t start_day = 0, end_day = 0;  // the period's first and last day
  uint32_t currency = 0;  // Symbols::names
  int64_t set_time = 0;
  uint64_t set_position = 0;
  Timeline<int64_t> amount;  // minor units

  bool ExistsUnder(const Visibility& vis) const {
    return set_position != 0 && vis.Sees(set_time, set_position);
  }
};

struct ExpenseRecord {
  uint32_t id = 0;          // Symbols::ids
  uint32_t employee = 0;    // Symbols::ids
  uint32_t department = 0;  // Symbols::ids: the claimant's when claimed
  uint32_t category = 0;    // Symbols::names
  uint32_t currency = 0;    // Symbols::names
  int32_t incurred_day = 0;
  uint32_t opportunity = 0, customer = 0, campaign = 0;  // Symbols::ids, 0 = none
  int64_t claimed_time = 0;
  uint64_t claimed_position = 0;
  Timeline<int64_t> amount;  // minor units
  Timeline<uint8_t> status;  // ExpenseStatus

  bool ExistsUnder(const Visibility& vis) const {
    return claimed_position != 0 && vis.Sees(claimed_time, claimed_position);
  }
};

class ExpenseBook {
 public:
  explicit ExpenseBook(Symbols& symbols) : symbols_(symbols) {}

  void Apply(const EventMeta& meta, const domain::BudgetAggregate::Event& event);
  void Apply(const EventMeta& meta, const domain::ExpenseAggregate::Event& event);

  const std::vector<BudgetRecord>& budgets() const { return budgets_; }
  const std::vector<ExpenseRecord>& expenses() const { return expenses_; }

  void Save(BinaryWriter& w) const;
  Status Load(BinaryReader& r);

 private:
  BudgetRecord& Budget(std::string_view id);
  ExpenseRecord& Expense(std::string_view id);

  Symbols& symbols_;
  std::vector<BudgetRecord> budgets_;
  std::vector<ExpenseRecord> expenses_;
  std::unordered_map<uint32_t, uint32_t> budget_index_, expense_index_;
};

}  // namespace dealstream::projections
