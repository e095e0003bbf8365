#include "domain/organisation/department.h"

#include <gtest/gtest.h>

#include "tests/domain/decision_expect.h"
#include "tests/domain/fake_directory.h"

namespace dealstream::domain {
namespace {

using testing::Emits;
using testing::FakeDirectory;
using testing::GivenWhen;
using testing::IsRefused;
using A = DepartmentAggregate;

class DepartmentTest : public ::testing::Test {
 protected:
  DepartmentTest() {
    directory_.departments["hq"] = {Id{"hq"}, "Headquarters", std::nullopt, std::nullopt, true};
    directory_.departments["east"] = {Id{"east"}, "East", Id{"hq"}, std::nullopt, true};
    directory_.departments["east-team"] = {Id{"east-team"}, "East team 1", Id{"east"}, std::nullopt,
                                           true};
    directory_.departments["old"] = {Id{"old"}, "Old", Id{"hq"}, std::nullopt, false};
    directory_.employees["boss"] = {Id{"boss"}, "Wang Li",    Id{"hq"},
                                    "director", std::nullopt, true};
    directory_.employees["gone"] = {Id{"gone"}, "Zhao Yu",    Id{"hq"},
                                    "manager",  std::nullopt, false};
    directory_.employees["west-mgr"] = {Id{"west-mgr"}, "Chen Bo",    Id{"west"},
                                        "manager",      std::nullopt, true};
  }

  Decision<A::Event> When(const std::vector<A::Event>& given, A::Command command) {
    return GivenWhen<A>(given, command, DecideContext{testing::TestNow(), Id{"admin"}, directory_});
  }

  // The "east" department as the directory knows it, as a history.
  static std::vector<A::Event> East() { return {DepartmentCreated{Id{"east"}, "East", Id{"hq"}}}; }

  FakeDirectory directory_;
};

TEST_F(DepartmentTest, CreatesARootOrAChildDepartment) {
  EXPECT_TRUE(Emits(When({}, CreateDepartment{Id{"hq2"}, "Headquarters", std::nullopt}),
                    {DepartmentCreated{Id{"hq2"}, "Headquarters", std::nullopt}}));
  EXPECT_TRUE(Emits(When({}, CreateDepartment{Id{"west"}, "West", Id{"hq"}}),
                    {DepartmentCreated{Id{"west"}, "West", Id{"hq"}}}));
}

TEST_F(DepartmentTest, CreationRules) {
  EXPECT_TRUE(
      IsRefused(When({}, CreateDepartment{std::nullopt, "X", std::nullopt}), "id_required", "id"));
  EXPECT_TRUE(IsRefused(When(East(), CreateDepartment{Id{"east"}, "X", std::nullopt}),
                        "department_exists", ""));
  EXPECT_TRUE(
      IsRefused(When({}, CreateDepartment{Id{"x"}, "  ", std::nullopt}), "name_blank", "name"));
  EXPECT_TRUE(IsRefused(When({}, CreateDepartment{Id{"x"}, "X", Id{"nope"}}),
                        "department_not_found", "parent_id"));
  EXPECT_TRUE(IsRefused(When({}, CreateDepartment{Id{"x"}, "X", Id{"old"}}), "department_closed",
                        "parent_id"));
}

TEST_F(DepartmentTest, RenamesWithThePreviousName) {
  EXPECT_TRUE(Emits(When(East(), RenameDepartment{Id{"east"}, "East China"}),
                    {DepartmentRenamed{Id{"east"}, "East China", "East"}}));
  EXPECT_TRUE(
      IsRefused(When(East(), RenameDepartment{Id{"east"}, "East"}), "name_unchanged", "name"));
  EXPECT_TRUE(IsRefused(When(East(), RenameDepartment{Id{"east"}, ""}), "name_blank", "name"));
  EXPECT_TRUE(IsRefused(When({}, RenameDepartment{Id{"east"}, "E"}), "department_not_found",
                        "department_id"));
}

TEST_F(DepartmentTest, MovesUnderAnotherParentOrToTheRoot) {
  directory_.departments["south"] = {Id{"south"}, "South", Id{"hq"}, std::nullopt, true};
  EXPECT_TRUE(Emits(When(East(), MoveDepartment{Id{"east"}, Id{"south"}}),
                    {DepartmentMoved{Id{"east"}, Id{"south"}, Id{"hq"}}}));
  EXPECT_TRUE(Emits(When(East(), MoveDepartment{Id{"east"}, std::nullopt}),
                    {DepartmentMoved{Id{"east"}, std::nullopt, Id{"hq"}}}));
}

TEST_F(DepartmentTest, MoveNeverCreatesACycle) {
  EXPECT_TRUE(IsRefused(When(East(), MoveDepartment{Id{"east"}, Id{"east"}}), "department_cycle",
                        "parent_id"));
  EXPECT_TRUE(IsRefused(When(East(), MoveDepartment{Id{"east"}, Id{"east-team"}}),
                        "department_cycle", "parent_id"));
}

TEST_F(DepartmentTest, MoveRules) {
  EXPECT_TRUE(IsRefused(When(East(), MoveDepartment{Id{"east"}, Id{"hq"}}), "parent_unchanged",
                        "parent_id"));
  EXPECT_TRUE(IsRefused(When(East(), MoveDepartment{Id{"east"}, Id{"nope"}}),
                        "department_not_found", "parent_id"));
  EXPECT_TRUE(IsRefused(When(East(), MoveDepartment{Id{"east"}, Id{"old"}}), "department_closed",
                        "parent_id"));
}

TEST_F(DepartmentTest, AssignsAManagerFromTheDepartmentOrAbove) {
  EXPECT_TRUE(Emits(When(East(), AssignDepartmentManager{Id{"east"}, Id{"boss"}}),
                    {DepartmentManagerAssigned{Id{"east"}, Id{"boss"}, std::nullopt}}));
  directory_.employees["e-mgr"] = {Id{"e-mgr"}, "Sun Mei",    Id{"east"},
                                   "manager",   std::nullopt, true};
  std::vector<A::Event> managed = East();
  managed.push_back(DepartmentManagerAssigned{Id{"east"}, Id{"boss"}, std::nullopt});
  EXPECT_TRUE(Emits(When(managed, AssignDepartmentManager{Id{"east"}, Id{"e-mgr"}}),
                    {DepartmentManagerAssigned{Id{"east"}, Id{"e-mgr"}, Id{"boss"}}}));
  EXPECT_TRUE(IsRefused(When(managed, AssignDepartmentManager{Id{"east"}, Id{"boss"}}),
                        "manager_unchanged", "manager_id"));
}

TEST_F(DepartmentTest, ManagerRules) {
  EXPECT_TRUE(IsRefused(When(East(), AssignDepartmentManager{Id{"east"}, Id{"nobody"}}),
                        "manager_not_found", "manager_id"));
  EXPECT_TRUE(IsRefused(When(East(), AssignDepartmentManager{Id{"east"}, Id{"gone"}}),
                        "manager_inactive", "manager_id"));
  EXPECT_TRUE(IsRefused(When(East(), AssignDepartmentManager{Id{"east"}, Id{"west-mgr"}}),
                        "manager_outside_department", "manager_id"));
}

TEST_F(DepartmentTest, ClosesOnlyAnEmptyDepartment) {
  EXPECT_TRUE(Emits(When(East(), CloseDepartment{Id{"east"}, "merged into South"}),
                    {DepartmentClosed{Id{"east"}, "merged into South"}}));
  directory_.department_contents["east"] = {{Id{"east-team"}}, {}};
  EXPECT_TRUE(IsRefused(When(East(), CloseDepartment{Id{"east"}, std::nullopt}),
                        "department_not_empty", "department_id"));
  directory_.department_contents["east"] = {{}, {Id{"boss"}}};
  EXPECT_TRUE(IsRefused(When(East(), CloseDepartment{Id{"east"}, std::nullopt}),
                        "department_not_empty", "department_id"));
}

TEST_F(DepartmentTest, AClosedDepartmentRefusesChanges) {
  std::vector<A::Event> closed = East();
  closed.push_back(DepartmentClosed{Id{"east"}, std::nullopt});
  EXPECT_TRUE(IsRefused(When(closed, RenameDepartment{Id{"east"}, "E"}), "department_closed",
                        "department_id"));
  EXPECT_TRUE(IsRefused(When(closed, MoveDepartment{Id{"east"}, std::nullopt}), "department_closed",
                        "department_id"));
  EXPECT_TRUE(IsRefused(When(closed, AssignDepartmentManager{Id{"east"}, Id{"boss"}}),
                        "department_closed", "department_id"));
  EXPECT_TRUE(IsRefused(When(closed, CloseDepartment{Id{"east"}, std::nullopt}),
                        "department_closed", "department_id"));
}

TEST_F(DepartmentTest, FactsFollowTheEvents) {
  EXPECT_FALSE(FactsOf(testing::StateAfter<A>({})));
  std::optional<DepartmentFacts> facts =
      FactsOf(testing::StateAfter<A>({DepartmentCreated{Id{"east"}, "East", Id{"hq"}},
                                      DepartmentRenamed{Id{"east"}, "East China", "East"},
                                      DepartmentMoved{Id{"east"}, std::nullopt, Id{"hq"}},
                                      DepartmentManagerAssigned{Id{"east"}, Id{"boss"}, {}},
                                      DepartmentClosed{Id{"east"}, std::nullopt}}));
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->id, Id{"east"});
  EXPECT_EQ(facts->name, "East China");
  EXPECT_EQ(facts->parent_id, std::nullopt);
  EXPECT_EQ(facts->manager_id, Id{"boss"});
  EXPECT_FALSE(facts->active);
}

}  // namespace
}  // namespace dealstream::domain
