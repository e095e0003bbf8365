#include "domain/organisation/sales_target.h"

#include <gtest/gtest.h>

#include "tests/domain/decision_expect.h"
#include "tests/domain/fake_directory.h"

namespace dealstream::domain {
namespace {

using testing::Day;
using testing::Emits;
using testing::FakeDirectory;
using testing::GivenWhen;
using testing::IsRefused;
using testing::Usd;
using A = SalesTargetAggregate;

class SalesTargetTest : public ::testing::Test {
 protected:
  SalesTargetTest() {
    directory_.departments["east"] = {Id{"east"}, "East", std::nullopt, std::nullopt, true};
    directory_.departments["old"] = {Id{"old"}, "Old", std::nullopt, std::nullopt, false};
    directory_.employees["li"] = {Id{"li"}, "Li Na", Id{"east"}, "sales", std::nullopt, true};
    directory_.employees["gone"] = {Id{"gone"}, "Zhao Yu",    Id{"east"},
                                    "sales",    std::nullopt, false};
  }

  Decision<A::Event> When(const std::vector<A::Event>& given, A::Command command) {
    return GivenWhen<A>(given, command, DecideContext{testing::TestNow(), Id{"admin"}, directory_});
  }

  static SetSalesTarget ForEmployee(std::string employee, std::string period, Money amount) {
    return SetSalesTarget{Id{"t1"}, Id{std::move(employee)}, std::nullopt, std::move(period),
                          amount};
  }

  static std::vector<A::Event> Q1() {
    return {SalesTargetSet{Id{"t1"}, Id{"li"}, std::nullopt, "2017-Q1", Day(2017, 1, 1),
                           Day(2017, 3, 31), Usd(50000000)}};
  }

  FakeDirectory directory_;
};

TEST_F(SalesTargetTest, SetsAQuotaForAnEmployeeOrADepartmentWithThePeriodBounds) {
  EXPECT_TRUE(Emits(When({}, ForEmployee("li", "2017-Q1", Usd(50000000))), Q1()));
  EXPECT_TRUE(
      Emits(When({}, SetSalesTarget{Id{"t2"}, std::nullopt, Id{"east"}, "2017-03", Usd(9000000)}),
            {SalesTargetSet{Id{"t2"}, std::nullopt, Id{"east"}, "2017-03", Day(2017, 3, 1),
                            Day(2017, 3, 31), Usd(9000000)}}));
  EXPECT_TRUE(Emits(When({}, ForEmployee("li", "2017", Usd(1))),
                    {SalesTargetSet{Id{"t1"}, Id{"li"}, std::nullopt, "2017", Day(2017, 1, 1),
                                    Day(2017, 12, 31), Usd(1)}}));
}

TEST_F(SalesTargetTest, SettingRules) {
  EXPECT_TRUE(
      IsRefused(When(Q1(), ForEmployee("li", "2017-Q1", Usd(1))), "sales_target_exists", ""));
  EXPECT_TRUE(
      IsRefused(When({}, SetSalesTarget{std::nullopt, Id{"li"}, std::nullopt, "2017", Usd(1)}),
                "id_required", "id"));
  EXPECT_TRUE(
      IsRefused(When({}, SetSalesTarget{Id{"t1"}, std::nullopt, std::nullopt, "2017", Usd(1)}),
                "target_subject_required", "employee_id"));
  EXPECT_TRUE(IsRefused(When({}, SetSalesTarget{Id{"t1"}, Id{"li"}, Id{"east"}, "2017", Usd(1)}),
                        "target_subject_ambiguous", "department_id"));
  EXPECT_TRUE(
      IsRefused(When({}, ForEmployee("li", "2017-13", Usd(1))), "period_invalid", "period"));
  EXPECT_TRUE(
      IsRefused(When({}, ForEmployee("li", "Q1-2017", Usd(1))), "period_invalid", "period"));
  EXPECT_TRUE(
      IsRefused(When({}, ForEmployee("li", "2017", Usd(0))), "amount_not_positive", "amount"));
  EXPECT_TRUE(
      IsRefused(When({}, ForEmployee("li", "2017", Usd(-5))), "amount_not_positive", "amount"));
  EXPECT_TRUE(IsRefused(When({}, ForEmployee("nobody", "2017", Usd(1))), "employee_not_found",
                        "employee_id"));
  EXPECT_TRUE(
      IsRefused(When({}, ForEmployee("gone", "2017", Usd(1))), "employee_inactive", "employee_id"));
  EXPECT_TRUE(IsRefused(When({}, SetSalesTarget{Id{"t1"}, std::nullopt, Id{"old"}, "2017", Usd(1)}),
                        "department_closed", "department_id"));
}

TEST_F(SalesTargetTest, OneActiveTargetPerSubjectAndPeriod) {
  directory_.sales_targets.push_back({Id{"t0"}, "employee", Id{"li"}, "2017-Q1", Usd(1)});
  EXPECT_TRUE(IsRefused(When({}, ForEmployee("li", "2017-Q1", Usd(2))),
                        "sales_target_exists_for_period", ""));
  // Another period, or the same period for a department, is a different target.
  EXPECT_TRUE(When({}, ForEmployee("li", "2017-Q2", Usd(2))).ok());
  directory_.sales_targets.push_back({Id{"t9"}, "department", Id{"li"}, "2017-Q2", Usd(1)});
  EXPECT_TRUE(When({}, ForEmployee("li", "2017-Q2", Usd(2))).ok());
}

TEST_F(SalesTargetTest, RevisesWithThePreviousAmount) {
  EXPECT_TRUE(Emits(When(Q1(), ReviseSalesTarget{Id{"t1"}, Usd(60000000), "new territory"}),
                    {SalesTargetRevised{Id{"t1"}, Usd(60000000), Usd(50000000), "new territory"}}));
}

TEST_F(SalesTargetTest, RevisionRules) {
  EXPECT_TRUE(IsRefused(When({}, ReviseSalesTarget{Id{"t1"}, Usd(1), std::nullopt}),
                        "sales_target_not_found", "sales_target_id"));
  EXPECT_TRUE(IsRefused(When(Q1(), ReviseSalesTarget{Id{"t1"}, Usd(50000000), std::nullopt}),
                        "amount_unchanged", "amount"));
  EXPECT_TRUE(IsRefused(When(Q1(), ReviseSalesTarget{Id{"t1"}, Usd(0), std::nullopt}),
                        "amount_not_positive", "amount"));
  EXPECT_TRUE(
      IsRefused(When(Q1(), ReviseSalesTarget{Id{"t1"}, Money{50000000, "EUR"}, std::nullopt}),
                "currency_mismatch", "amount"));
}

TEST_F(SalesTargetTest, CancelsOnce) {
  EXPECT_TRUE(Emits(When(Q1(), CancelSalesTarget{Id{"t1"}, "set twice"}),
                    {SalesTargetCancelled{Id{"t1"}, "set twice"}}));
  std::vector<A::Event> cancelled = Q1();
  cancelled.push_back(SalesTargetCancelled{Id{"t1"}, std::nullopt});
  EXPECT_TRUE(IsRefused(When(cancelled, CancelSalesTarget{Id{"t1"}, std::nullopt}),
                        "sales_target_cancelled", "sales_target_id"));
  EXPECT_TRUE(IsRefused(When(cancelled, ReviseSalesTarget{Id{"t1"}, Usd(1), std::nullopt}),
                        "sales_target_cancelled", "sales_target_id"));
  EXPECT_FALSE(FactsOf(testing::StateAfter<A>(cancelled)));
}

TEST_F(SalesTargetTest, FactsCarryTheSubjectAndTheAmountInForce) {
  std::vector<A::Event> history = Q1();
  history.push_back(SalesTargetRevised{Id{"t1"}, Usd(7), Usd(50000000), std::nullopt});
  std::optional<SalesTargetFacts> facts = FactsOf(testing::StateAfter<A>(history));
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->subject_kind, "employee");
  EXPECT_EQ(facts->subject_id, Id{"li"});
  EXPECT_EQ(facts->period, "2017-Q1");
  EXPECT_EQ(facts->amount, Usd(7));
}

}  // namespace
}  // namespace dealstream::domain
