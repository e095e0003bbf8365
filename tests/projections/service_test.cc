// Service read model (docs/projections.md#service), told through the real
// command service: requests opened, assigned, escalated, resolved, closed
// with a score; care-plan activities due; as of any instant.
#include "projections/service_view.h"

#include <gtest/gtest.h>

#include "command_fixture.h"

namespace dealstream::projections {
namespace {

class ServiceTest : public testing::CommandFixture {
 protected:
  void SetUp() override {
    CommandFixture::SetUp();
    const std::string jan1 = R"(,"occurred_at":"2017-01-01T00:00:00Z"})";
    Run("CreateDepartment", R"({"id":"hq","name":"HQ")" + jan1);
    Run("CreateDepartment", R"({"id":"east","name":"East","parent_id":"hq")" + jan1);
    Run("CreateDepartment", R"({"id":"west","name":"West","parent_id":"hq")" + jan1);
    Run("HireEmployee", R"({"id":"ann","name":"Ann","department_id":"east","role":"sales")" + jan1);
    Run("HireEmployee", R"({"id":"cat","name":"Cat","department_id":"west","role":"sales")" + jan1);
    Run("RegisterCustomer", R"({"id":"c1","name":"One","owner_id":"ann","region":"north")" + jan1);
    Run("RegisterCustomer", R"({"id":"c2","name":"Two","owner_id":"cat","region":"south")" + jan1);

    Open("s1", "c1", "complaint", "high", "support", R"(,"due_date":"2017-03-05")", "2017-03-01T00:00:00Z");
    Assign("s1", "ann", "2017-03-01T01:00:00Z");
    Run("ResolveServiceRequest", R"({"service_request_id":"s1","resolution":"replaced",
        "occurred_at":"2017-03-03T12:00:00Z"})");
    Run("CloseServiceRequest", R"({"service_request_id":"s1","satisfaction":4,
        "occurred_at":"2017-03-04T00:00:00Z"})");
    Open("s2", "c1", "repair", "normal", "field", R"(,"due_date":"2017-03-10")", "2017-03-02T00:00:00Z");
    Assign("s2", "ann", "2017-03-02T01:00:00Z");
    Run("EscalateServiceRequest", R"({"service_request_id":"s2","reason":"waiting","priority":"urgent",
        "occurred_at":"2017-03-06T00:00:00Z"})");
    Open("s3", "c2", "inquiry", "low", "support", "", "2017-03-05T00:00:00Z");
    Assign("s3", "cat", "2017-03-05T01:00:00Z");
    Run("ResolveServiceRequest", R"({"service_request_id":"s3","resolution":"answered",
        "occurred_at":"2017-03-06T00:00:00Z"})");
    Open("s4", "c2", "praise", "normal", "support", "", "2017-03-07T00:00:00Z");

    const std::string mar1 = R"(,"occurred_at":"2017-03-01T00:00:00Z"})";
    Run("CreateCarePlan", R"({"id":"cp1","customer_id":"c1","owner_id":"ann","name":"Care")" + mar1);
    Run("CreateCarePlan", R"({"id":"cp2","customer_id":"c2","owner_id":"cat","name":"Care")" + mar1);
    Run("ScheduleCareActivity", R"({"care_plan_id":"cp1","activity_id":"a1","kind":"check_in",
        "due_date":"2017-03-20","assignee_id":"ann")" + mar1);
    Run("ScheduleCareActivity", R"({"care_plan_id":"cp1","activity_id":"a2","kind":"holiday",
        "due_date":"2017-04-10","assignee_id":"ann")" + mar1);
    Run("ScheduleCareActivity", R"({"care_plan_id":"cp2","activity_id":"a3","kind":"holiday",
        "due_date":"2017-05-01","assignee_id":"cat")" + mar1);
    Run("CompleteCareActivity", R"({"care_plan_id":"cp1","activity_id":"a2",
        "occurred_at":"2017-04-10T00:00:00Z"})");
  }

  void Open(const std::string& id, const std::string& customer, const std::string& type,
            const std::string& priority, const std::string& queue, const std::string& extra,
            const std::string& when) {
    Run("OpenServiceRequest", R"({"id":")" + id + R"(","customer_id":")" + customer +
                                  R"(","type":")" + type + R"(","priority":")" + priority +
                                  R"(","queue":")" + queue + R"(","subject":"help")" + extra +
                                  R"(,"occurred_at":")" + when + R"("})");
  }
  void Assign(const std::string& id, const std::string& assignee, const std::string& when) {
    Run("AssignServiceRequest", R"({"service_request_id":")" + id + R"(","assignee_id":")" +
                                    assignee + R"(","occurred_at":")" + when + R"("})");
  }

  ServiceView Query(const AsOf& at, const Filters& filters = {}) {
    auto v = Models().Service(at, filters, domain::Date::Of(EndOfDay("2017-04-01")));
    EXPECT_TRUE(v.ok()) << v.error().ToString();
    return v.ok() ? *v : ServiceView{};
  }
  static int64_t Count(const std::vector<NamedCount>& counts, std::string_view name) {
    for (const NamedCount& c : counts) {
      if (c.name == name) return c.count;
    }
    return 0;
  }
};

TEST_F(ServiceTest, OpenClosedByPriorityQueueAssigneeAndTimeToResolve) {
  const ServiceView v = Query({});  // overdue against the caller's day, 2017-04-01
  EXPECT_EQ(v.open, 2);      // s2, s4
  EXPECT_EQ(v.resolved, 1);  // s3
  EXPECT_EQ(v.closed, 1);    // s1
  EXPECT_EQ(v.overdue, 1);   // s2 was due 03-10
  EXPECT_EQ(v.open_by_priority.size(), 2u);
  EXPECT_EQ(Count(v.open_by_priority, "urgent"), 1);  // s2 after its escalation
  EXPECT_EQ(Count(v.open_by_priority, "normal"), 1);
  EXPECT_EQ(Count(v.open_by_queue, "field"), 1);
  EXPECT_EQ(Count(v.open_by_type, "praise"), 1);
  EXPECT_EQ(v.resolutions, 2);
  EXPECT_DOUBLE_EQ(*v.average_days_to_resolve, 1.75);  // s1 2.5 days, s3 1 day
  EXPECT_EQ(v.rated, 1);
  EXPECT_DOUBLE_EQ(*v.average_satisfaction, 4.0);
  ASSERT_EQ(v.assignees.size(), 3u);
  EXPECT_EQ(v.assignees[0].assignee_id, "");  // s4, not assigned
  EXPECT_EQ(v.assignees[0].open, 1);
  EXPECT_EQ(v.assignees[1].assignee_id, "ann");
  EXPECT_EQ(v.assignees[1].open, 1);
  EXPECT_EQ(v.assignees[1].resolved, 1);
  EXPECT_DOUBLE_EQ(*v.assignees[1].average_days_to_resolve, 2.5);
  EXPECT_DOUBLE_EQ(*v.assignees[2].average_days_to_resolve, 1.0);
}

TEST_F(ServiceTest, CarePlansDue) {
  const ServiceView v = Query({});
  ASSERT_EQ(v.care_due.size(), 2u);  // a2 was completed
  EXPECT_EQ(v.care_due[0].activity_id, "a1");
  EXPECT_EQ(v.care_due[0].kind, "check_in");
  EXPECT_TRUE(v.care_due[0].overdue);
  EXPECT_EQ(v.care_due[1].activity_id, "a3");
  EXPECT_FALSE(v.care_due[1].overdue);
  EXPECT_EQ(v.care_overdue, 1);
}

TEST_F(ServiceTest, AsOfAnEarlierInstant) {
  const ServiceView v = Query({.as_of = EndOfDay("2017-03-03")});
  EXPECT_EQ(v.open, 1);  // s2, not yet escalated
  EXPECT_EQ(v.resolved, 1);
  EXPECT_EQ(v.closed, 0);
  EXPECT_EQ(v.overdue, 0);  // counted against 03-03
  EXPECT_EQ(Count(v.open_by_priority, "normal"), 1);
  EXPECT_EQ(v.resolutions, 1);
  EXPECT_EQ(v.rated, 0);
  EXPECT_EQ(v.care_due.size(), 3u);
  EXPECT_EQ(v.care_overdue, 0);
}

TEST_F(ServiceTest, AssigneeDepartmentRegionAndPeriodFilters) {
  const ServiceView ann = Query({}, {.owner = "ann"});
  EXPECT_EQ(ann.open, 1);
  EXPECT_EQ(ann.closed, 1);
  ASSERT_EQ(ann.care_due.size(), 1u);
  const ServiceView west = Query({}, {.department = "west"});
  EXPECT_EQ(west.resolved, 1);
  EXPECT_EQ(west.open, 0);  // s4 has no assignee, so no department
  EXPECT_EQ(west.care_due.size(), 1u);
  EXPECT_EQ(Query({}, {.region = "north"}).open, 1);
  const ServiceView april = Query({}, {.period = "2017-04"});
  EXPECT_EQ(april.resolutions, 0);
  EXPECT_TRUE(april.care_due.empty());
  EXPECT_EQ(Query({}, {.period = "2017-05"}).care_due.size(), 1u);
}

TEST_F(ServiceTest, RestartResumesFromTheSnapshotAndRebuildAgrees) {
  ExpectRestartResumesAndRebuildAgrees(
      [](const ReadModels& m) {
        return m.Service({}, {}, domain::Date::Of(EndOfDay("2017-04-01")));
      },
      "ResolveServiceRequest", R"({"service_request_id":"s2","resolution":"fixed","occurred_at":"2017-03-08T00:00:00Z"})");
}

// Complaints and praise count for the employee they concern (by default
// the customer's owner).
TEST_F(ServiceTest, ComplaintsAndPraiseCountInEmployeePerformance) {
  EXPECT_EQ(EmployeeFigures("ann").complaints, 1);  // s1 on Ann's customer
  EXPECT_EQ(EmployeeFigures("ann").praise, 0);
  EXPECT_EQ(EmployeeFigures("cat").praise, 1);  // s4 on Cat's customer
  EXPECT_EQ(EmployeeFigures("cat").complaints, 0);
  EXPECT_EQ(EmployeeFigures("cat", {.as_of = EndOfDay("2017-03-06")}).praise, 0);
  EXPECT_EQ(EmployeeFigures("ann", {}, {.period = "2017-04"}).complaints, 0);
  EXPECT_EQ(EmployeeFigures("ann", {}, {.region = "south"}).complaints, 0);
}

}  // namespace
}  // namespace dealstream::projections
