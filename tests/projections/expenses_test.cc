// Expenses, budget vs actual (docs/projections.md#expenses), told through the
// real command service: department, employee and subtree budgets, claims
// approved, paid, pending and rejected, a revised budget, as of any day.
#include "projections/expenses.h"

#include <gtest/gtest.h>

#include "command_fixture.h"

namespace dealstream::projections {
namespace {

class ExpensesTest : public testing::CommandFixture {
 protected:
  void SetUp() override {
    CommandFixture::SetUp();
    const std::string jan1 = R"(,"occurred_at":"2017-01-01T00:00:00Z"})";
    Run("CreateDepartment", R"({"id":"hq","name":"HQ")" + jan1);
    Run("CreateDepartment", R"({"id":"east","name":"East","parent_id":"hq")" + jan1);
    Run("CreateDepartment", R"({"id":"west","name":"West","parent_id":"hq")" + jan1);
    Run("HireEmployee", R"({"id":"mgr","name":"Max","department_id":"hq","role":"manager")" + jan1);
    Run("HireEmployee", R"({"id":"ann","name":"Ann","department_id":"east","role":"sales")" + jan1);
    Run("HireEmployee", R"({"id":"cat","name":"Cat","department_id":"west","role":"sales")" + jan1);
    Budget("b1", "department", "east", "2017-Q1", "1000.00");
    Budget("b2", "employee", "ann", "2017-03", "200.00");
    Budget("b3", "department", "hq", "2017", "5000.00");
    Claim("x1", "ann", "travel", "300.00", "2017-01-10");
    Run("ApproveExpense", R"({"expense_id":"x1","occurred_at":"2017-01-12T00:00:00Z"})", "mgr");
    Claim("x4", "cat", "travel", "400.00", "2017-02-01");
    Run("RejectExpense", R"({"expense_id":"x4","reason":"no receipt","occurred_at":"2017-02-02T00:00:00Z"})", "mgr");
    Claim("x5", "cat", "gifts", "250.00", "2017-02-03");
    Run("ApproveExpense", R"({"expense_id":"x5","occurred_at":"2017-02-04T00:00:00Z"})", "mgr");
    Run("ReviseBudget", R"({"budget_id":"b1","amount":{"amount":"800.00","currency":"USD"},
        "reason":"cut","occurred_at":"2017-02-15T00:00:00Z"})");
    Claim("x2", "ann", "meals", "150.00", "2017-03-05");
    Run("ApproveExpense", R"({"expense_id":"x2","occurred_at":"2017-03-06T00:00:00Z"})", "mgr");
    Run("PayExpense", R"({"expense_id":"x2","occurred_at":"2017-03-10T00:00:00Z"})", "mgr");
    Claim("x3", "ann", "travel", "100.00", "2017-03-20");
  }

  void Budget(const std::string& id, const std::string& scope, const std::string& scope_id,
              const std::string& period, const std::string& amount) {
    Run("SetBudget", R"({"id":")" + id + R"(","scope":")" + scope + R"(","scope_id":")" + scope_id +
                         R"(","period":")" + period + R"(","amount":{"amount":")" + amount +
                         R"(","currency":"USD"},"occurred_at":"2017-01-01T00:00:00Z"})");
  }
  void Claim(const std::string& id, const std::string& employee, const std::string& category,
             const std::string& amount, const std::string& day) {
    Run("ClaimExpense", R"({"id":")" + id + R"(","employee_id":")" + employee +
                            R"(","category":")" + category + R"(","amount":{"amount":")" + amount +
                            R"(","currency":"USD"},"incurred_on":")" + day +
                            R"(","description":"trip","occurred_at":")" + day + R"(T00:00:00Z"})",
        employee);
  }

  ExpensesView Query(const AsOf& at, const Filters& filters = {}) {
    auto v = Models().Expenses(at, filters);
    EXPECT_TRUE(v.ok()) << v.error().ToString();
    return v.ok() ? *v : ExpensesView{};
  }
  static const BudgetRow& Budget(const ExpensesView& v, std::string_view id) {
    for (const BudgetRow& b : v.budgets) {
      if (b.budget_id == id) return b;
    }
    ADD_FAILURE() << id;
    static const BudgetRow kNone;
    return kNone;
  }
};

TEST_F(ExpensesTest, BudgetVersusActualPerBudget) {
  const ExpensesView v = Query({});
  ASSERT_EQ(v.budgets.size(), 3u);
  const BudgetRow& b1 = Budget(v, "b1");  // East, Q1, revised to 800.00
  EXPECT_EQ(b1.scope, "department");
  EXPECT_EQ(b1.start_date, "2017-01-01");
  EXPECT_EQ(b1.end_date, "2017-03-31");
  EXPECT_EQ(b1.budget, Usd(80000));
  EXPECT_EQ(b1.actual, Usd(45000));   // x1 300 + x2 150
  EXPECT_EQ(b1.pending, Usd(10000));  // x3
  EXPECT_EQ(b1.remaining, Usd(25000));
  EXPECT_DOUBLE_EQ(*b1.utilisation, 0.5625);
  EXPECT_FALSE(b1.over_budget);
  const BudgetRow& b2 = Budget(v, "b2");  // Ann, March
  EXPECT_EQ(b2.actual, Usd(15000));
  EXPECT_EQ(b2.pending, Usd(10000));
  EXPECT_EQ(b2.remaining, Usd(-5000));
  EXPECT_TRUE(b2.over_budget);  // visible before the claim is approved
  const BudgetRow& b3 = Budget(v, "b3");  // HQ's subtree, the whole year
  EXPECT_EQ(b3.actual, Usd(70000));  // x1 + x2 + x5; x4 was rejected
  EXPECT_EQ(b3.pending, Usd(10000));
  EXPECT_DOUBLE_EQ(*b3.utilisation, 0.14);
}

TEST_F(ExpensesTest, TotalsDepartmentsAndMonths) {
  const ExpensesView v = Query({});
  EXPECT_EQ(v.totals.claims, 4);
  EXPECT_EQ(v.totals.actual, Usd(70000));
  EXPECT_EQ(v.totals.pending, Usd(10000));
  EXPECT_EQ(v.totals.rejected, Usd(40000));
  EXPECT_EQ(v.totals.by_category.at("travel"), Usd(30000));
  EXPECT_EQ(v.totals.by_category.at("gifts"), Usd(25000));
  ASSERT_EQ(v.departments.size(), 3u);  // east, hq (a budget only), west
  EXPECT_EQ(v.departments[0].department_id, "east");
  EXPECT_EQ(v.departments[0].figures.actual, Usd(45000));
  EXPECT_EQ(*v.departments[0].budget, Usd(80000));
  EXPECT_EQ(v.departments[1].department_id, "hq");
  EXPECT_EQ(v.departments[1].figures.claims, 0);
  EXPECT_EQ(*v.departments[1].budget, Usd(500000));
  EXPECT_EQ(v.departments[2].figures.rejected, Usd(40000));
  ASSERT_EQ(v.periods.size(), 3u);
  EXPECT_EQ(v.periods[0].period, "2017-01");
  EXPECT_EQ(v.periods[1].figures.actual, Usd(25000));
  EXPECT_EQ(v.periods[2].figures.pending, Usd(10000));
}

TEST_F(ExpensesTest, AsOfEarlierDays) {
  const ExpensesView jan = Query({.as_of = EndOfDay("2017-01-31")});
  EXPECT_EQ(Budget(jan, "b1").budget, Usd(100000));  // before the revision
  EXPECT_EQ(Budget(jan, "b1").actual, Usd(30000));
  EXPECT_EQ(Budget(jan, "b2").actual, Usd(0));
  EXPECT_EQ(jan.totals.actual, Usd(30000));
  const ExpensesView mar7 = Query({.as_of = EndOfDay("2017-03-07")});
  EXPECT_EQ(Budget(mar7, "b2").actual, Usd(15000));  // approved 03-06, paid later
  EXPECT_EQ(Budget(mar7, "b2").pending, Usd(0));     // x3 not claimed yet
  EXPECT_FALSE(Budget(mar7, "b2").over_budget);
}

TEST_F(ExpensesTest, OwnerDepartmentAndPeriodFilters) {
  const ExpensesView ann = Query({}, {.owner = "ann"});
  ASSERT_EQ(ann.budgets.size(), 1u);  // her own budget; department budgets are not hers
  EXPECT_EQ(ann.budgets[0].budget_id, "b2");
  EXPECT_EQ(ann.totals.actual, Usd(45000));
  const ExpensesView west = Query({}, {.department = "west"});
  EXPECT_TRUE(west.budgets.empty());
  EXPECT_EQ(west.totals.actual, Usd(25000));
  EXPECT_EQ(Query({}, {.department = "hq"}).budgets.size(), 3u);
  const ExpensesView march = Query({}, {.period = "2017-03"});
  EXPECT_EQ(march.totals.actual, Usd(15000));
  EXPECT_EQ(march.periods.size(), 1u);
  EXPECT_EQ(march.budgets.size(), 3u);  // all three cover March
  EXPECT_EQ(Query({}, {.period = "2018"}).budgets.size(), 0u);
}

TEST_F(ExpensesTest, RestartResumesFromTheSnapshotAndRebuildAgrees) {
  ExpectRestartResumesAndRebuildAgrees(
      [](const ReadModels& m) { return m.Expenses({}, {}); },
      "ApproveExpense", R"({"expense_id":"x3","occurred_at":"2017-03-21T00:00:00Z"})", "mgr");
}

// Employee performance counts each claimant's approved and paid claims.
TEST_F(ExpensesTest, ExpensesCountInEmployeePerformance) {
  EXPECT_EQ(EmployeeFigures("ann").expenses, Usd(45000));  // x1 + x2; x3 pending
  EXPECT_EQ(EmployeeFigures("cat").expenses, Usd(25000));   // x5; x4 rejected
  EXPECT_EQ(EmployeeFigures("ann", {.as_of = EndOfDay("2017-03-05")}).expenses, Usd(30000));
  EXPECT_EQ(EmployeeFigures("ann", {}, {.period = "2017-03"}).expenses, Usd(15000));
  auto view = Models().Employees({}, {.department = "hq"});
  ASSERT_TRUE(view.ok());
  for (const DepartmentRollup& d : view->departments) {
    if (d.department_id == "hq") {
      EXPECT_EQ(d.figures.expenses, Usd(70000));  // the subtree
    }
  }
}

}  // namespace
}  // namespace dealstream::projections
