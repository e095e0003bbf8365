// Service requests and care plans.
#include <gtest/gtest.h>

#include "domain/service/care_plan.h"
#include "domain/service/service_request.h"
#include "tests/domain/deal_directory.h"

namespace dealstream::domain::testing {
namespace {

class ServiceRequestTest : public DealTest<ServiceRequestAggregate> {
 protected:
  ServiceRequestTest() {
    directory_.contracts["k1"] = {Id{"k1"}, Id{"acme"}, "signed"};
    directory_.contracts["k9"] = {Id{"k9"}, Id{"other"}, "signed"};
  }
  static OpenServiceRequest Open() {
    OpenServiceRequest c;
    c.id = Id{"s1"};
    c.customer_id = Id{"acme"};
    c.contact_id = Id{"ann"};
    c.type = ServiceRequestType::kComplaint;
    c.priority = ServicePriority::kHigh;
    c.queue = "hotline";
    c.subject = "Router keeps rebooting";
    c.due_date = Day(2017, 3, 20);
    c.contract_id = Id{"k1"};
    return c;
  }
  static ServiceRequestOpened Opened() {
    return {Id{"s1"},
            Id{"acme"},
            Id{"ann"},
            ServiceRequestType::kComplaint,
            ServicePriority::kHigh,
            "hotline",
            "Router keeps rebooting",
            std::nullopt,
            Day(2017, 3, 20),
            Id{"k1"},
            Id{"li"},
            Id{"zhou"}};
  }
  static ServiceRequestAssigned Assigned() {
    return {Id{"s1"}, Id{"wang"}, std::nullopt, "hotline"};
  }
  static ServiceRequestResolved Resolved() {
    return {Id{"s1"},
            Id{"acme"},
            ServiceRequestType::kComplaint,
            ServicePriority::kHigh,
            Id{"wang"},
            Id{"li"},
            "Firmware updated",
            Id{"wang"}};
  }
};

TEST_F(ServiceRequestTest, OpensConcerningTheCustomersOwnerByDefault) {
  EXPECT_TRUE(Emits(When({}, Open(), "zhou"), {Opened()}));
  OpenServiceRequest praise = Open();
  praise.type = ServiceRequestType::kPraise;
  praise.concerns_employee_id = Id{"wang"};
  ServiceRequestOpened expected = Opened();
  expected.type = ServiceRequestType::kPraise;
  expected.concerns_employee_id = Id{"wang"};
  EXPECT_TRUE(Emits(When({}, praise, "zhou"), {expected}));
}

TEST_F(ServiceRequestTest, OpeningRules) {
  auto open = [&](auto change) {
    OpenServiceRequest c = Open();
    change(c);
    return When({}, c);
  };
  EXPECT_TRUE(IsRefused(When({Opened()}, Open()), "service_request_exists", ""));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.id.reset(); }), "id_required", "id"));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.queue = ""; }), "queue_required", "queue"));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.subject = " "; }), "subject_required", "subject"));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.due_date = Day(2017, 3, 14); }), "due_date_in_past",
                        "due_date"));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.customer_id = Id{"dup"}; }), "customer_merged",
                        "customer_id"));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.contact_id = Id{"zed"}; }), "contact_not_found",
                        "contact_id"));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.contact_id = Id{"bob"}; }),
                        "contact_customer_mismatch", "contact_id"));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.contract_id = Id{"k0"}; }), "contract_not_found",
                        "contract_id"));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.contract_id = Id{"k9"}; }),
                        "contract_customer_mismatch", "contract_id"));
  EXPECT_TRUE(IsRefused(open([](auto& c) { c.concerns_employee_id = Id{"nobody"}; }),
                        "employee_not_found", "concerns_employee_id"));
}

TEST_F(ServiceRequestTest, AssignsWithThePreviousAssignee) {
  EXPECT_TRUE(Emits(When({Opened()}, AssignServiceRequest{Id{"s1"}, Id{"wang"}}), {Assigned()}));
  EXPECT_TRUE(Emits(When({Opened(), Assigned()}, AssignServiceRequest{Id{"s1"}, Id{"zhou"}}),
                    {ServiceRequestAssigned{Id{"s1"}, Id{"zhou"}, Id{"wang"}, "hotline"}}));
  EXPECT_TRUE(IsRefused(When({Opened(), Assigned()}, AssignServiceRequest{Id{"s1"}, Id{"wang"}}),
                        "already_assigned", "assignee_id"));
  EXPECT_TRUE(IsRefused(When({Opened()}, AssignServiceRequest{Id{"s1"}, Id{"gone"}}),
                        "assignee_inactive", "assignee_id"));
  EXPECT_TRUE(IsRefused(When({}, AssignServiceRequest{Id{"s1"}, Id{"wang"}}),
                        "service_request_not_found", "service_request_id"));
  EXPECT_TRUE(IsRefused(When({Opened(), Resolved()}, AssignServiceRequest{Id{"s1"}, Id{"zhou"}}),
                        "service_request_not_open", "service_request_id"));
}

TEST_F(ServiceRequestTest, EscalatesByRaisingPriorityOrBringingSomeoneIn) {
  EXPECT_TRUE(Emits(
      When({Opened()}, EscalateServiceRequest{Id{"s1"}, "CEO called", ServicePriority::kUrgent}),
      {ServiceRequestEscalated{Id{"s1"}, ServicePriority::kUrgent, ServicePriority::kHigh,
                               std::nullopt, "CEO called", 1}}));
  ServiceRequestEscalated first{
      Id{"s1"}, ServicePriority::kUrgent, ServicePriority::kHigh, std::nullopt, "x", 1};
  EXPECT_TRUE(
      Emits(When({Opened(), first}, EscalateServiceRequest{Id{"s1"}, "still down", {}, Id{"mgr"}}),
            {ServiceRequestEscalated{Id{"s1"}, ServicePriority::kUrgent, ServicePriority::kUrgent,
                                     Id{"mgr"}, "still down", 2}}));
  EXPECT_TRUE(IsRefused(When({Opened()}, EscalateServiceRequest{Id{"s1"}, "x"}),
                        "nothing_to_escalate", ""));
  EXPECT_TRUE(
      IsRefused(When({Opened()}, EscalateServiceRequest{Id{"s1"}, "x", ServicePriority::kHigh}),
                "priority_not_raised", "priority"));
  EXPECT_TRUE(
      IsRefused(When({Opened()}, EscalateServiceRequest{Id{"s1"}, "", ServicePriority::kUrgent}),
                "reason_required", "reason"));
  EXPECT_TRUE(IsRefused(When({Opened()}, EscalateServiceRequest{Id{"s1"}, "x", {}, Id{"nobody"}}),
                        "escalated_to_not_found", "escalated_to_id"));
}

TEST_F(ServiceRequestTest, ResolvedThenClosedWithSatisfaction) {
  EXPECT_TRUE(Emits(
      When({Opened(), Assigned()}, ResolveServiceRequest{Id{"s1"}, "Firmware updated"}, "wang"),
      {Resolved()}));
  EXPECT_TRUE(IsRefused(When({Opened()}, ResolveServiceRequest{Id{"s1"}, ""}),
                        "resolution_required", "resolution"));
  EXPECT_TRUE(
      Emits(When({Opened(), Assigned(), Resolved()}, CloseServiceRequest{Id{"s1"}, 4, "quick fix"}),
            {ServiceRequestClosed{Id{"s1"}, Id{"acme"}, ServiceRequestType::kComplaint, Id{"wang"},
                                  Id{"li"}, 4, "quick fix", Id{"li"}}}));
  EXPECT_TRUE(IsRefused(When({Opened()}, CloseServiceRequest{Id{"s1"}, 4}),
                        "service_request_not_resolved", "service_request_id"));
  EXPECT_TRUE(IsRefused(When({Opened(), Resolved()}, CloseServiceRequest{Id{"s1"}, 6}),
                        "satisfaction_out_of_range", "satisfaction"));
}

TEST_F(ServiceRequestTest, ReopensAResolvedOrClosedRequest) {
  ServiceRequestClosed closed{Id{"s1"},     Id{"acme"}, ServiceRequestType::kComplaint,
                              Id{"wang"},   Id{"li"},   2,
                              std::nullopt, Id{"li"}};
  EXPECT_TRUE(
      Emits(When({Opened(), Resolved(), closed}, ReopenServiceRequest{Id{"s1"}, "broke again"}),
            {ServiceRequestReopened{Id{"s1"}, ServiceRequestStatus::kClosed, "broke again"}}));
  EXPECT_TRUE(IsRefused(When({Opened()}, ReopenServiceRequest{Id{"s1"}, "x"}),
                        "service_request_not_resolved", "service_request_id"));
  EXPECT_TRUE(IsRefused(When({Opened(), Resolved()}, ReopenServiceRequest{Id{"s1"}, ""}),
                        "reason_required", "reason"));
  ServiceRequestState s = StateAfter<ServiceRequestAggregate>(
      {Opened(), Resolved(), closed,
       ServiceRequestReopened{Id{"s1"}, ServiceRequestStatus::kClosed, "x"}});
  EXPECT_EQ(s.status, ServiceRequestStatus::kOpen);
  EXPECT_FALSE(s.satisfaction.has_value());
}

class CarePlanTest : public DealTest<CarePlanAggregate> {
 protected:
  static CarePlanCreated Created() {
    return {Id{"cp1"}, Id{"acme"}, Id{"ann"}, Id{"li"}, "Ann's care", Id{"li"}};
  }
  static CareActivityScheduled Birthday() {
    return {Id{"cp1"}, Id{"care-1"}, CareKind::kBirthday, Day(2017, 5, 4),
            Id{"li"},  Id{"acme"},   Id{"ann"},           "flowers"};
  }
};

TEST_F(CarePlanTest, CreatedForACustomerContact) {
  EXPECT_TRUE(
      Emits(When({}, CreateCarePlan{Id{"cp1"}, Id{"acme"}, Id{"ann"}, Id{"li"}, "Ann's care"}),
            {Created()}));
  auto create = [&](CreateCarePlan c) { return When({}, c); };
  EXPECT_TRUE(IsRefused(When({Created()}, CreateCarePlan{Id{"cp1"}, Id{"acme"}, {}, Id{"li"}, "x"}),
                        "care_plan_exists", ""));
  EXPECT_TRUE(
      IsRefused(create({std::nullopt, Id{"acme"}, {}, Id{"li"}, "x"}), "id_required", "id"));
  EXPECT_TRUE(
      IsRefused(create({Id{"cp1"}, Id{"acme"}, {}, Id{"li"}, ""}), "name_required", "name"));
  EXPECT_TRUE(IsRefused(create({Id{"cp1"}, Id{"old"}, {}, Id{"li"}, "x"}), "customer_archived",
                        "customer_id"));
  EXPECT_TRUE(IsRefused(create({Id{"cp1"}, Id{"acme"}, Id{"zed"}, Id{"li"}, "x"}),
                        "contact_not_found", "contact_id"));
  EXPECT_TRUE(IsRefused(create({Id{"cp1"}, Id{"acme"}, Id{"bob"}, Id{"li"}, "x"}),
                        "contact_customer_mismatch", "contact_id"));
  EXPECT_TRUE(IsRefused(create({Id{"cp1"}, Id{"acme"}, Id{"cat"}, Id{"li"}, "x"}),
                        "contact_left_company", "contact_id"));
  EXPECT_TRUE(IsRefused(create({Id{"cp1"}, Id{"acme"}, {}, Id{"gone"}, "x"}), "owner_inactive",
                        "owner_id"));
}

TEST_F(CarePlanTest, SchedulesCareForTheOwnerOrAnAssignee) {
  EXPECT_TRUE(Emits(When({Created()},
                         ScheduleCareActivity{
                             Id{"cp1"}, {}, CareKind::kBirthday, Day(2017, 5, 4), {}, "flowers"}),
                    {Birthday()}));
  EXPECT_TRUE(Emits(
      When({Created(), Birthday()},
           ScheduleCareActivity{Id{"cp1"}, {}, CareKind::kCheckIn, Day(2017, 6, 1), Id{"wang"}}),
      {CareActivityScheduled{Id{"cp1"}, Id{"care-2"}, CareKind::kCheckIn, Day(2017, 6, 1),
                             Id{"wang"}, Id{"acme"}, Id{"ann"}, std::nullopt}}));
}

TEST_F(CarePlanTest, SchedulingRules) {
  auto schedule = [&](std::vector<CarePlanEvent> given, ScheduleCareActivity c) {
    return When(given, c);
  };
  CarePlanCreated no_contact = Created();
  no_contact.contact_id.reset();
  EXPECT_TRUE(
      IsRefused(schedule({no_contact}, {Id{"cp1"}, {}, CareKind::kBirthday, Day(2017, 5, 4)}),
                "contact_required", "kind"));
  EXPECT_TRUE(
      IsRefused(schedule({Created()}, {Id{"cp1"}, {}, CareKind::kHoliday, Day(2017, 3, 14)}),
                "due_date_in_past", "due_date"));
  EXPECT_TRUE(IsRefused(
      schedule({Created()}, {Id{"cp1"}, {}, CareKind::kHoliday, Day(2017, 3, 15), Id{"gone"}}),
      "assignee_inactive", "assignee_id"));
  EXPECT_TRUE(IsRefused(schedule({Created(), Birthday()},
                                 {Id{"cp1"}, Id{"care-1"}, CareKind::kHoliday, Day(2017, 3, 15)}),
                        "duplicate_activity_id", "activity_id"));
  EXPECT_TRUE(IsRefused(schedule({}, {Id{"cp1"}, {}, CareKind::kHoliday, Day(2017, 3, 15)}),
                        "care_plan_not_found", "care_plan_id"));
}

TEST_F(CarePlanTest, CompletesOrCancelsScheduledCare) {
  EXPECT_TRUE(Emits(
      When({Created(), Birthday()}, CompleteCareActivity{Id{"cp1"}, Id{"care-1"}, "sent"}, "wang"),
      {CareActivityCompleted{Id{"cp1"}, Id{"care-1"}, CareKind::kBirthday, Day(2017, 5, 4),
                             Day(2017, 3, 15), Id{"wang"}, "sent"}}));
  EXPECT_TRUE(Emits(
      When({Created(), Birthday()}, CancelCareActivity{Id{"cp1"}, Id{"care-1"}, "moved away"}),
      {CareActivityCancelled{Id{"cp1"}, Id{"care-1"}, CareKind::kBirthday, "moved away",
                             Id{"li"}}}));
  EXPECT_TRUE(IsRefused(When({Created()}, CompleteCareActivity{Id{"cp1"}, Id{"care-1"}}),
                        "care_activity_not_found", "activity_id"));
  CareActivityCompleted done{Id{"cp1"},        Id{"care-1"}, CareKind::kBirthday, Day(2017, 5, 4),
                             Day(2017, 3, 15), Id{"li"},     std::nullopt};
  EXPECT_TRUE(
      IsRefused(When({Created(), Birthday(), done}, CompleteCareActivity{Id{"cp1"}, Id{"care-1"}}),
                "care_activity_already_completed", "activity_id"));
  CareActivityCancelled cancelled{Id{"cp1"}, Id{"care-1"}, CareKind::kBirthday, "x", Id{"li"}};
  EXPECT_TRUE(IsRefused(
      When({Created(), Birthday(), cancelled}, CancelCareActivity{Id{"cp1"}, Id{"care-1"}, "y"}),
      "care_activity_cancelled", "activity_id"));
  EXPECT_TRUE(
      IsRefused(When({Created(), Birthday()}, CancelCareActivity{Id{"cp1"}, Id{"care-1"}, ""}),
                "reason_required", "reason"));
  EXPECT_EQ(StateAfter<CarePlanAggregate>({Created(), Birthday(), done}).activities[0].status,
            CareActivityStatus::kCompleted);
}

TEST_F(ServiceRequestTest, OnlyAnOpenRequestIsEscalatedOrResolved) {
  EXPECT_TRUE(IsRefused(
      When({Opened(), Resolved()}, EscalateServiceRequest{Id{"s1"}, "x", ServicePriority::kUrgent}),
      "service_request_not_open", "service_request_id"));
  EXPECT_TRUE(IsRefused(When({Opened(), Resolved()}, ResolveServiceRequest{Id{"s1"}, "again"}),
                        "service_request_not_open", "service_request_id"));
}

}  // namespace
}  // namespace dealstream::domain::testing
