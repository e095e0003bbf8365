#include "domain/organisation/employee.h"

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
using A = EmployeeAggregate;

class EmployeeTest : public ::testing::Test {
 protected:
  EmployeeTest() {
    directory_.departments["hq"] = {Id{"hq"}, "Headquarters", std::nullopt, std::nullopt, true};
    directory_.departments["east"] = {Id{"east"}, "East", Id{"hq"}, std::nullopt, true};
    directory_.departments["old"] = {Id{"old"}, "Old", Id{"hq"}, std::nullopt, false};
    directory_.employees["boss"] = {Id{"boss"}, "Wang Li",    Id{"hq"},
                                    "director", std::nullopt, true};
    directory_.employees["mgr"] = {Id{"mgr"}, "Chen Bo", Id{"east"}, "manager", Id{"boss"}, true};
    directory_.employees["gone"] = {Id{"gone"}, "Zhao Yu",    Id{"hq"},
                                    "manager",  std::nullopt, false};
    // "li" (the employee under test) manages "sub", who manages "subsub".
    directory_.employees["li"] = {Id{"li"}, "Li Na", Id{"east"}, "sales", Id{"mgr"}, true};
    directory_.employees["sub"] = {Id{"sub"}, "Qian Ke", Id{"east"}, "sales", Id{"li"}, true};
    directory_.employees["subsub"] = {Id{"subsub"}, "He Jun", Id{"east"}, "sales", Id{"sub"}, true};
  }

  Decision<A::Event> When(const std::vector<A::Event>& given, A::Command command) {
    return GivenWhen<A>(given, command, DecideContext{testing::TestNow(), Id{"admin"}, directory_});
  }

  static std::vector<A::Event> Li() {
    return {EmployeeHired{Id{"li"}, "Li Na", Id{"east"}, EmployeeRole::kSales, Id{"mgr"}}};
  }

  FakeDirectory directory_;
};

TEST_F(EmployeeTest, Hires) {
  EXPECT_TRUE(
      Emits(When({}, HireEmployee{Id{"li"}, "Li Na", Id{"east"}, EmployeeRole::kSales, Id{"mgr"}}),
            Li()));
  EXPECT_TRUE(
      Emits(When({}, HireEmployee{Id{"x"}, "Xu", Id{"hq"}, EmployeeRole::kFinance, std::nullopt}),
            {EmployeeHired{Id{"x"}, "Xu", Id{"hq"}, EmployeeRole::kFinance, std::nullopt}}));
}

TEST_F(EmployeeTest, HiringRules) {
  auto hire = [](std::optional<Id> id, std::string name, std::string department,
                 std::optional<Id> manager) {
    return HireEmployee{std::move(id), std::move(name), Id{std::move(department)},
                        EmployeeRole::kSales, manager};
  };
  EXPECT_TRUE(IsRefused(When({}, hire(std::nullopt, "X", "east", {})), "id_required", "id"));
  EXPECT_TRUE(IsRefused(When(Li(), hire(Id{"li"}, "X", "east", {})), "employee_exists", ""));
  EXPECT_TRUE(IsRefused(When({}, hire(Id{"x"}, " ", "east", {})), "name_blank", "name"));
  EXPECT_TRUE(
      IsRefused(When({}, hire(Id{"x"}, "X", "nope", {})), "department_not_found", "department_id"));
  EXPECT_TRUE(
      IsRefused(When({}, hire(Id{"x"}, "X", "old", {})), "department_closed", "department_id"));
  EXPECT_TRUE(IsRefused(When({}, hire(Id{"x"}, "X", "east", Id{"nobody"})), "manager_not_found",
                        "manager_id"));
  EXPECT_TRUE(IsRefused(When({}, hire(Id{"x"}, "X", "east", Id{"gone"})), "manager_inactive",
                        "manager_id"));
  EXPECT_TRUE(
      IsRefused(When({}, hire(Id{"x"}, "X", "east", Id{"x"})), "manager_is_self", "manager_id"));
}

TEST_F(EmployeeTest, TransfersWithPreviousDepartmentAndManager) {
  EXPECT_TRUE(Emits(When(Li(), TransferEmployee{Id{"li"}, Id{"hq"}, Id{"boss"}}),
                    {EmployeeTransferred{Id{"li"}, Id{"hq"}, Id{"east"}, Id{"boss"}, Id{"mgr"}}}));
  // A new manager within the same department is a transfer too.
  EXPECT_TRUE(
      Emits(When(Li(), TransferEmployee{Id{"li"}, Id{"east"}, std::nullopt}),
            {EmployeeTransferred{Id{"li"}, Id{"east"}, Id{"east"}, std::nullopt, Id{"mgr"}}}));
}

TEST_F(EmployeeTest, TransferRules) {
  EXPECT_TRUE(IsRefused(When(Li(), TransferEmployee{Id{"li"}, Id{"east"}, Id{"mgr"}}),
                        "transfer_unchanged", "department_id"));
  EXPECT_TRUE(IsRefused(When(Li(), TransferEmployee{Id{"li"}, Id{"old"}, Id{"mgr"}}),
                        "department_closed", "department_id"));
  EXPECT_TRUE(IsRefused(When(Li(), TransferEmployee{Id{"li"}, Id{"east"}, Id{"li"}}),
                        "manager_is_self", "manager_id"));
  EXPECT_TRUE(IsRefused(When(Li(), TransferEmployee{Id{"li"}, Id{"east"}, Id{"sub"}}),
                        "manager_cycle", "manager_id"));
  EXPECT_TRUE(IsRefused(When(Li(), TransferEmployee{Id{"li"}, Id{"east"}, Id{"subsub"}}),
                        "manager_cycle", "manager_id"));
  EXPECT_TRUE(IsRefused(When({}, TransferEmployee{Id{"li"}, Id{"hq"}, std::nullopt}),
                        "employee_not_found", "employee_id"));
}

TEST_F(EmployeeTest, ChangesRole) {
  EXPECT_TRUE(Emits(When(Li(), ChangeEmployeeRole{Id{"li"}, EmployeeRole::kManager}),
                    {EmployeeRoleChanged{Id{"li"}, EmployeeRole::kManager, EmployeeRole::kSales}}));
  EXPECT_TRUE(IsRefused(When(Li(), ChangeEmployeeRole{Id{"li"}, EmployeeRole::kSales}),
                        "role_unchanged", "role"));
}

TEST_F(EmployeeTest, LeavesOnceWorkIsHandedOver) {
  EXPECT_TRUE(Emits(When(Li(), RecordEmployeeDeparture{Id{"li"}, std::nullopt, "moved abroad"}),
                    {EmployeeLeft{Id{"li"}, Id{"east"}, Day(2017, 3, 15), "moved abroad"}}));
  EXPECT_TRUE(Emits(When(Li(), RecordEmployeeDeparture{Id{"li"}, Day(2017, 3, 31), std::nullopt}),
                    {EmployeeLeft{Id{"li"}, Id{"east"}, Day(2017, 3, 31), std::nullopt}}));
}

TEST_F(EmployeeTest, CannotLeaveWithOpenWork) {
  for (OpenWork work :
       {OpenWork{{Id{"c1"}}, {}, {}}, OpenWork{{}, {Id{"o1"}}, {}}, OpenWork{{}, {}, {Id{"s1"}}}}) {
    directory_.open_work["li"] = work;
    EXPECT_TRUE(IsRefused(When(Li(), RecordEmployeeDeparture{Id{"li"}, std::nullopt, std::nullopt}),
                          "open_work_not_handed_over", "employee_id"));
  }
}

TEST_F(EmployeeTest, LastDayCannotPrecedeHiring) {
  EXPECT_TRUE(
      IsRefused(When(Li(), RecordEmployeeDeparture{Id{"li"}, Day(2017, 3, 14), std::nullopt}),
                "last_day_before_hire", "last_day"));
}

TEST_F(EmployeeTest, AnEmployeeWhoLeftCannotChange) {
  std::vector<A::Event> left = Li();
  left.push_back(EmployeeLeft{Id{"li"}, Id{"east"}, Day(2017, 3, 15), std::nullopt});
  EXPECT_TRUE(IsRefused(When(left, TransferEmployee{Id{"li"}, Id{"hq"}, std::nullopt}),
                        "employee_left", "employee_id"));
  EXPECT_TRUE(IsRefused(When(left, ChangeEmployeeRole{Id{"li"}, EmployeeRole::kManager}),
                        "employee_left", "employee_id"));
  EXPECT_TRUE(IsRefused(When(left, RecordEmployeeDeparture{Id{"li"}, std::nullopt, std::nullopt}),
                        "employee_left", "employee_id"));
}

TEST_F(EmployeeTest, FactsFollowTheEvents) {
  EXPECT_FALSE(FactsOf(testing::StateAfter<A>({})));
  std::vector<A::Event> history = Li();
  history.push_back(EmployeeTransferred{Id{"li"}, Id{"hq"}, Id{"east"}, Id{"boss"}, Id{"mgr"}});
  history.push_back(EmployeeRoleChanged{Id{"li"}, EmployeeRole::kManager, EmployeeRole::kSales});
  std::optional<EmployeeFacts> facts = FactsOf(testing::StateAfter<A>(history));
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->department_id, Id{"hq"});
  EXPECT_EQ(facts->manager_id, Id{"boss"});
  EXPECT_EQ(facts->role, "manager");
  EXPECT_TRUE(facts->active);
  history.push_back(EmployeeLeft{Id{"li"}, Id{"hq"}, Day(2017, 4, 1), std::nullopt});
  EXPECT_FALSE(FactsOf(testing::StateAfter<A>(history))->active);
}

}  // namespace
}  // namespace dealstream::domain
