#include "projections/calendar_view.h"

#include <gtest/gtest.h>

#include "crm_story.h"

namespace dealstream::projections {
namespace {

using domain::Id;
using testing::Day;
using testing::EndOf;

class CalendarViewTest : public ::testing::Test {
 protected:
  void Plan(std::string_view when, std::string activity, std::string assignee, std::string_view day) {
    story_.Add(when, domain::OpportunityActivityPlanned{.opportunity_id = Id{"d1"},
                                                        .activity_id = Id{std::move(activity)},
                                                        .type = "visit",
                                                        .assignee_id = Id{std::move(assignee)},
                                                        .planned_date = Day(day),
                                                        .subject = "site visit"});
  }
  void SetUp() override {
    story_.Department("2017-01-01", "hq", "HQ");
    story_.Hire("2017-01-01", "alice", "Alice", "hq");
    story_.Open("2017-01-02", "d1", "alice", "hq", testing::Usd(1000), "2017-06-30");
    Plan("2017-01-03", "a1", "alice", "2017-01-10");
    Plan("2017-01-03", "a2", "alice", "2017-02-10");
    Plan("2017-01-04", "a3", "bob", "2017-01-20");
    story_.Add("2017-01-12", domain::OpportunityActivityCompleted{  // a1 done, two days late
                                 .opportunity_id = Id{"d1"}, .activity_id = Id{"a1"},
                                 .type = "visit", .assignee_id = Id{"alice"},
                                 .planned_date = Day("2017-01-10"),
                                 .completed_date = Day("2017-01-12"), .outcome = "ok"});
  }
  testing::Story story_;
};

TEST_F(CalendarViewTest, StillPlannedActivitiesPerAssigneeWithOverdueFlags) {
  const CalendarView v =
      BuildCalendar(story_.books(), story_.ScopeOf(Visibility::Now()), Day("2017-02-01").epoch_day);
  ASSERT_EQ(v.employees.size(), 2u);
  EXPECT_EQ(v.employees[0].employee_id, "alice");
  ASSERT_EQ(v.employees[0].activities.size(), 1u);  // a1 is done
  EXPECT_EQ(v.employees[0].activities[0].activity_id, "a2");
  EXPECT_FALSE(v.employees[0].activities[0].overdue);
  EXPECT_EQ(v.employees[1].employee_id, "bob");
  EXPECT_TRUE(v.employees[1].activities[0].overdue);  // 01-20 < 02-01
  EXPECT_EQ(v.planned, 2);
  EXPECT_EQ(v.overdue, 1);

  // As of 01-11, a1 was still planned and already overdue then.
  const CalendarView jan = BuildCalendar(story_.books(), story_.ScopeOf(testing::AsOfTime(EndOf("2017-01-11"))),
                                         Day("2017-01-11").epoch_day);
  EXPECT_EQ(jan.planned, 3);
  EXPECT_EQ(jan.overdue, 1);
  const CalendarView alice = BuildCalendar(story_.books(), story_.ScopeOf(Visibility::Now(), {.owner = "alice"}),
                                           Day("2017-02-01").epoch_day);
  EXPECT_EQ(alice.planned, 1);
  const CalendarView feb = BuildCalendar(story_.books(), story_.ScopeOf(Visibility::Now(), {.period = "2017-02"}),
                                         Day("2017-02-01").epoch_day);
  EXPECT_EQ(feb.planned, 1);
}

}  // namespace
}  // namespace dealstream::projections
