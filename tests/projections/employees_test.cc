#include "projections/employees.h"

#include <gtest/gtest.h>

#include "pipeline_scenario.h"

namespace dealstream::projections {
namespace {

using testing::EndOf;
using testing::Story;
using testing::Usd;

const EmployeeRow& Employee(const EmployeesView& v, std::string_view id) {
  for (const EmployeeRow& r : v.employees) {
    if (r.employee_id == id) return r;
  }
  static const EmployeeRow kNone;
  ADD_FAILURE() << "no row for " << id;
  return kNone;
}
const DepartmentRollup& Department(const EmployeesView& v, std::string_view id) {
  for (const DepartmentRollup& r : v.departments) {
    if (r.department_id == id) return r;
  }
  static const DepartmentRollup kNone;
  ADD_FAILURE() << "no roll-up for " << id;
  return kNone;
}

class EmployeesTest : public ::testing::Test {
 protected:
  void SetUp() override { testing::TellPipelineScenario(story_); }
  EmployeesView Build(const Visibility& vis, const Filters& f = {}) {
    return BuildEmployees(story_.books(), story_.ScopeOf(vis, f));
  }
  Story story_;
};

TEST_F(EmployeesTest, WonLostWinRatePipelineAndRanking) {
  const EmployeesView v = Build(Visibility::Now());
  ASSERT_EQ(v.employees.size(), 2u);
  const EmployeeRow& bob = Employee(v, "bob");
  EXPECT_EQ(bob.name, "Bob");
  EXPECT_EQ(bob.department_id, "west");
  EXPECT_EQ(bob.figures.won_count, 1);
  EXPECT_EQ(bob.figures.won_amount, Usd(180000));
  EXPECT_EQ(bob.figures.lost_count, 1);
  ASSERT_TRUE(bob.figures.win_rate.has_value());
  EXPECT_DOUBLE_EQ(*bob.figures.win_rate, 0.5);
  EXPECT_EQ(bob.figures.open_count, 0);  // d5 went to alice
  EXPECT_EQ(bob.rank, 1);

  const EmployeeRow& alice = Employee(v, "alice");
  EXPECT_EQ(alice.figures.won_count, 0);
  EXPECT_FALSE(alice.figures.win_rate.has_value());  // no closed deal: null
  EXPECT_EQ(alice.figures.open_count, 3);
  EXPECT_EQ(alice.figures.open_amount, Usd(180000));
  EXPECT_EQ(alice.figures.weighted_pipeline, Usd(42500));
  EXPECT_EQ(alice.rank, 2);
  EXPECT_EQ(v.employees.front().employee_id, "bob");
}

TEST_F(EmployeesTest, ActivitiesDecisionMakerMeetingsTargetsAndAttainmentInAPeriod) {
  const EmployeesView q1 = Build(Visibility::Now(), {.period = "2017-Q1"});
  const EmployeeRow& alice = Employee(q1, "alice");
  EXPECT_EQ(alice.figures.activities.at("visit"), 2);
  EXPECT_EQ(alice.figures.activities.count("call"), 0u);  // 04-01 is in Q2
  EXPECT_EQ(alice.figures.decision_maker_meetings, 1);
  ASSERT_TRUE(alice.figures.target.has_value());
  EXPECT_EQ(*alice.figures.target, Usd(100000));
  ASSERT_TRUE(alice.figures.attainment.has_value());
  EXPECT_DOUBLE_EQ(*alice.figures.attainment, 0.0);
  EXPECT_EQ(alice.figures.open_count, 2);  // d1 and d5 close in Q1; d2 in Q2

  const EmployeeRow& bob = Employee(q1, "bob");
  EXPECT_EQ(bob.figures.activities.at("demo"), 1);
  ASSERT_TRUE(bob.figures.attainment.has_value());
  EXPECT_DOUBLE_EQ(*bob.figures.attainment, 1.2);  // 180,000 / 150,000

  // A quarterly target does not count for a single month.
  const EmployeesView march = Build(Visibility::Now(), {.period = "2017-03"});
  EXPECT_FALSE(Employee(march, "bob").figures.target.has_value());
  EXPECT_EQ(Employee(march, "bob").figures.won_count, 1);
  EXPECT_EQ(Employee(march, "bob").figures.lost_count, 0);  // lost in February
}

TEST_F(EmployeesTest, DepartmentRollUpsCoverTheSubtree) {
  const EmployeesView v = Build(Visibility::Now(), {.period = "2017-Q1"});
  ASSERT_EQ(v.departments.size(), 3u);
  const DepartmentRollup& hq = Department(v, "hq");
  EXPECT_EQ(hq.employees, 2);
  EXPECT_EQ(hq.figures.won_amount, Usd(180000));
  EXPECT_EQ(hq.figures.lost_count, 1);
  EXPECT_EQ(*hq.figures.target, Usd(250000));  // no own target: the employees' sum
  EXPECT_DOUBLE_EQ(*hq.figures.attainment, 0.72);
  EXPECT_EQ(hq.rank, 1);
  const DepartmentRollup& east = Department(v, "east");
  EXPECT_EQ(east.employees, 1);
  EXPECT_EQ(east.parent_id, "hq");
  EXPECT_EQ(east.figures.activities.at("visit"), 2);

  const EmployeesView west = Build(Visibility::Now(), {.department = "west"});
  ASSERT_EQ(west.employees.size(), 1u);
  EXPECT_EQ(west.employees[0].employee_id, "bob");
  ASSERT_EQ(west.departments.size(), 1u);
}

TEST_F(EmployeesTest, AsOfBeforeTheReassignmentCreditsTheOldOwner) {
  const EmployeesView v = Build(testing::AsOfTime(EndOf("2017-02-14")));
  EXPECT_EQ(Employee(v, "bob").figures.open_count, 3);  // d3, d4, d5
  EXPECT_EQ(Employee(v, "alice").figures.open_count, 2);
  EXPECT_EQ(Employee(v, "bob").figures.won_count, 0);
  EXPECT_EQ(Employee(v, "alice").figures.activities.at("visit"), 2);
  // Before anyone was hired, nobody is listed.
  EXPECT_TRUE(Build(testing::AsOfTime(EndOf("2016-12-31"))).employees.empty());
}

}  // namespace
}  // namespace dealstream::projections
