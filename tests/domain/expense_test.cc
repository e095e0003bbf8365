// Budgets per scope and period; expense claims, approval and payment.
#include "domain/expense/expense.h"

#include <gtest/gtest.h>

#include "domain/expense/budget.h"
#include "tests/domain/deal_directory.h"

namespace dealstream::domain::testing {
namespace {

class BudgetTest : public DealTest<BudgetAggregate> {
 protected:
  static SetBudget Set(BudgetScope scope, std::string id, std::string period) {
    return {Id{"b1"}, scope, Id{std::move(id)}, std::move(period), Usd(1000000), std::nullopt};
  }
  static BudgetSet EastQ1() {
    return {Id{"b1"},        BudgetScope::kDepartment, Id{"east"},   "2017-Q1",
            Day(2017, 1, 1), Day(2017, 3, 31),         Usd(1000000), std::nullopt,
            Id{"li"}};
  }
};

TEST_F(BudgetTest, SetsABudgetForEachKindOfScopeWithThePeriodBounds) {
  EXPECT_TRUE(Emits(When({}, Set(BudgetScope::kDepartment, "east", "2017-Q1")), {EastQ1()}));
  EXPECT_TRUE(
      Emits(When({}, Set(BudgetScope::kEmployee, "wang", "2017-03")),
            {BudgetSet{Id{"b1"}, BudgetScope::kEmployee, Id{"wang"}, "2017-03", Day(2017, 3, 1),
                       Day(2017, 3, 31), Usd(1000000), std::nullopt, Id{"li"}}}));
  EXPECT_TRUE(
      Emits(When({}, Set(BudgetScope::kOpportunity, "open", "2017")),
            {BudgetSet{Id{"b1"}, BudgetScope::kOpportunity, Id{"open"}, "2017", Day(2017, 1, 1),
                       Day(2017, 12, 31), Usd(1000000), std::nullopt, Id{"li"}}}));
  EXPECT_TRUE(When({}, Set(BudgetScope::kCampaign, "spring", "2017-Q2")).ok());
}

TEST_F(BudgetTest, SettingRules) {
  EXPECT_TRUE(IsRefused(When({EastQ1()}, Set(BudgetScope::kDepartment, "east", "2017-Q1")),
                        "budget_exists", ""));
  SetBudget no_id = Set(BudgetScope::kDepartment, "east", "2017");
  no_id.id.reset();
  EXPECT_TRUE(IsRefused(When({}, no_id), "id_required", "id"));
  EXPECT_TRUE(IsRefused(When({}, Set(BudgetScope::kDepartment, "east", "2017-Q5")),
                        "period_invalid", "period"));
  SetBudget negative = Set(BudgetScope::kDepartment, "east", "2017");
  negative.amount = Usd(-1);
  EXPECT_TRUE(IsRefused(When({}, negative), "negative_amount", "amount"));
  EXPECT_TRUE(IsRefused(When({}, Set(BudgetScope::kOpportunity, "nope", "2017")),
                        "opportunity_not_found", "scope_id"));
  EXPECT_TRUE(IsRefused(When({}, Set(BudgetScope::kCampaign, "nope", "2017")), "campaign_not_found",
                        "scope_id"));
  EXPECT_TRUE(IsRefused(When({}, Set(BudgetScope::kDepartment, "shut", "2017")),
                        "department_closed", "scope_id"));
  EXPECT_TRUE(IsRefused(When({}, Set(BudgetScope::kEmployee, "gone", "2017")), "employee_inactive",
                        "scope_id"));
  directory_.budgets.push_back({Id{"b0"}, "department", Id{"east"}, "2017-Q1", Usd(1)});
  EXPECT_TRUE(IsRefused(When({}, Set(BudgetScope::kDepartment, "east", "2017-Q1")),
                        "budget_exists_for_period", "period"));
  EXPECT_TRUE(When({}, Set(BudgetScope::kDepartment, "east", "2017-Q2")).ok());
}

TEST_F(BudgetTest, RevisedWithThePreviousAmount) {
  EXPECT_TRUE(Emits(When({EastQ1()}, ReviseBudget{Id{"b1"}, Usd(1200000), "trade show added"}),
                    {BudgetRevised{Id{"b1"}, BudgetScope::kDepartment, Id{"east"}, "2017-Q1",
                                   Usd(1200000), Usd(1000000), "trade show added", Id{"li"}}}));
  EXPECT_TRUE(
      IsRefused(When({}, ReviseBudget{Id{"b1"}, Usd(1), "x"}), "budget_not_found", "budget_id"));
  EXPECT_TRUE(IsRefused(When({EastQ1()}, ReviseBudget{Id{"b1"}, Usd(-1), "x"}), "negative_amount",
                        "amount"));
  EXPECT_TRUE(IsRefused(When({EastQ1()}, ReviseBudget{Id{"b1"}, Money{1, "EUR"}, "x"}),
                        "currency_mismatch", "amount"));
  EXPECT_TRUE(
      IsRefused(When({EastQ1()}, ReviseBudget{Id{"b1"}, Usd(5), ""}), "reason_required", "reason"));
  EXPECT_TRUE(IsRefused(When({EastQ1()}, ReviseBudget{Id{"b1"}, Usd(1000000), "x"}),
                        "amount_unchanged", "amount"));
  BudgetState s = StateAfter<BudgetAggregate>(
      {EastQ1(), BudgetRevised{Id{"b1"}, BudgetScope::kDepartment, Id{"east"}, "2017-Q1", Usd(7),
                               Usd(1000000), "x", Id{"li"}}});
  BudgetFacts facts = FactsOf(s);
  EXPECT_EQ(facts.scope, "department");
  EXPECT_EQ(facts.amount, Usd(7));
}

class ExpenseTest : public DealTest<ExpenseAggregate> {
 protected:
  static ClaimExpense Claim() {
    return {Id{"x1"},
            Id{"wang"},
            ExpenseCategory::kTravel,
            Usd(45000),
            Day(2017, 3, 14),
            "Train to Acme",
            ExpenseLinks{Id{"open"}, Id{"activity-1"}, Id{"acme"}, Id{"ann"}, std::nullopt}};
  }
  static ExpenseClaimed Claimed() {
    return {Id{"x1"},
            Id{"wang"},
            Id{"east"},
            ExpenseCategory::kTravel,
            Usd(45000),
            Day(2017, 3, 14),
            "Train to Acme",
            ExpenseLinks{Id{"open"}, Id{"activity-1"}, Id{"acme"}, Id{"ann"}, std::nullopt},
            Id{"wang"}};
  }
  static ExpenseApproved Approved() {
    return {Id{"x1"}, Id{"wang"}, Id{"east"}, Usd(45000), Id{"mgr"}, std::nullopt};
  }
};

TEST_F(ExpenseTest, ClaimedWithTheClaimantsDepartmentAndRelatedRecords) {
  EXPECT_TRUE(Emits(When({}, Claim(), "wang"), {Claimed()}));
  // The opportunity's customer is implied for the contact check.
  ClaimExpense c = Claim();
  c.related->customer_id.reset();
  ExpenseClaimed expected = Claimed();
  expected.related.customer_id.reset();
  EXPECT_TRUE(Emits(When({}, c, "wang"), {expected}));
}

TEST_F(ExpenseTest, ClaimRules) {
  auto claim = [&](auto change) {
    ClaimExpense c = Claim();
    change(c);
    return When({}, c, "wang");
  };
  EXPECT_TRUE(IsRefused(When({Claimed()}, Claim()), "expense_exists", ""));
  EXPECT_TRUE(IsRefused(claim([](auto& c) { c.id.reset(); }), "id_required", "id"));
  EXPECT_TRUE(IsRefused(claim([](auto& c) { c.employee_id = Id{"gone"}; }), "employee_inactive",
                        "employee_id"));
  EXPECT_TRUE(IsRefused(claim([](auto& c) { c.employee_id = Id{"nobody"}; }), "employee_not_found",
                        "employee_id"));
  EXPECT_TRUE(
      IsRefused(claim([](auto& c) { c.amount = Usd(0); }), "amount_not_positive", "amount"));
  EXPECT_TRUE(IsRefused(claim([](auto& c) { c.incurred_on = Day(2017, 3, 16); }),
                        "incurred_in_future", "incurred_on"));
  EXPECT_TRUE(IsRefused(claim([](auto& c) { c.description = " "; }), "description_required",
                        "description"));
  EXPECT_TRUE(IsRefused(claim([](auto& c) { c.related->opportunity_id = Id{"nope"}; }),
                        "opportunity_not_found", "related.opportunity_id"));
  EXPECT_TRUE(IsRefused(claim([](auto& c) { c.related->opportunity_id.reset(); }),
                        "opportunity_required", "related.activity_id"));
  EXPECT_TRUE(IsRefused(claim([](auto& c) { c.related->customer_id = Id{"nope"}; }),
                        "customer_not_found", "related.customer_id"));
  EXPECT_TRUE(IsRefused(claim([](auto& c) { c.related->opportunity_id = Id{"elsewhere"}; }),
                        "opportunity_customer_mismatch", "related.opportunity_id"));
  EXPECT_TRUE(IsRefused(claim([](auto& c) { c.related->contact_id = Id{"nope"}; }),
                        "contact_not_found", "related.contact_id"));
  EXPECT_TRUE(IsRefused(claim([](auto& c) { c.related->contact_id = Id{"bob"}; }),
                        "contact_customer_mismatch", "related.contact_id"));
  EXPECT_TRUE(IsRefused(claim([](auto& c) { c.related->campaign_id = Id{"nope"}; }),
                        "campaign_not_found", "related.campaign_id"));
}

TEST_F(ExpenseTest, ApprovedOrRejectedByAManagerAboveTheClaimant) {
  EXPECT_TRUE(Emits(When({Claimed()}, ApproveExpense{Id{"x1"}}, "mgr"), {Approved()}));
  EXPECT_TRUE(
      Emits(When({Claimed()}, ApproveExpense{Id{"x1"}, "ok"}, "boss"),
            {ExpenseApproved{Id{"x1"}, Id{"wang"}, Id{"east"}, Usd(45000), Id{"boss"}, "ok"}}));
  EXPECT_TRUE(Emits(
      When({Claimed()}, RejectExpense{Id{"x1"}, "first class"}, "mgr"),
      {ExpenseRejected{Id{"x1"}, Id{"wang"}, Id{"east"}, Usd(45000), Id{"mgr"}, "first class"}}));
}

TEST_F(ExpenseTest, DecisionRules) {
  auto approve = [&](std::vector<ExpenseEvent> given, std::string actor) {
    return When(given, ApproveExpense{Id{"x1"}}, std::move(actor));
  };
  EXPECT_TRUE(IsRefused(approve({}, "mgr"), "expense_not_found", "expense_id"));
  EXPECT_TRUE(IsRefused(approve({Claimed()}, "wang"), "self_approval", ""));
  EXPECT_TRUE(IsRefused(approve({Claimed()}, "li"), "approver_not_manager", ""));
  EXPECT_TRUE(IsRefused(approve({Claimed()}, "westmgr"), "approver_outside_department", ""));
  // A manager who entered the claim for someone else cannot approve it.
  ExpenseClaimed entered_by_mgr = Claimed();
  entered_by_mgr.claimed_by = Id{"mgr"};
  EXPECT_TRUE(IsRefused(approve({entered_by_mgr}, "mgr"), "self_approval", ""));
  // A manager's own claim goes to someone above them.
  ExpenseClaimed managers = Claimed();
  managers.employee_id = Id{"mgr"};
  managers.claimed_by = Id{"mgr"};
  EXPECT_TRUE(IsRefused(approve({managers}, "mgr"), "self_approval", ""));
  EXPECT_TRUE(approve({managers}, "boss").ok());
  EXPECT_TRUE(
      IsRefused(approve({Claimed(), Approved()}, "boss"), "expense_not_pending", "expense_id"));
  EXPECT_TRUE(IsRefused(When({Claimed()}, RejectExpense{Id{"x1"}, ""}, "mgr"), "reason_required",
                        "reason"));
}

TEST_F(ExpenseTest, PaidOnceApproved) {
  EXPECT_TRUE(Emits(When({Claimed(), Approved()}, PayExpense{Id{"x1"}, "payroll 2017-03"}, "boss"),
                    {ExpensePaid{Id{"x1"}, Id{"wang"}, Usd(45000), Day(2017, 3, 15),
                                 "payroll 2017-03", Id{"boss"}}}));
  EXPECT_TRUE(
      IsRefused(When({Claimed()}, PayExpense{Id{"x1"}}), "expense_not_approved", "expense_id"));
  ExpensePaid paid{Id{"x1"}, Id{"wang"}, Usd(45000), Day(2017, 3, 15), std::nullopt, Id{"boss"}};
  EXPECT_TRUE(IsRefused(When({Claimed(), Approved(), paid}, PayExpense{Id{"x1"}}),
                        "expense_already_paid", "expense_id"));
  EXPECT_TRUE(IsRefused(When({}, PayExpense{Id{"x1"}}), "expense_not_found", "expense_id"));
  EXPECT_EQ(StateAfter<ExpenseAggregate>({Claimed(), Approved(), paid}).status,
            ExpenseStatus::kPaid);
}

}  // namespace
}  // namespace dealstream::domain::testing
