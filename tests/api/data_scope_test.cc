// Data scopes against a fake resolver: own/team, department subtree, all;
// and the command authorization hook (404 for existing, 403 for new).
#include <gtest/gtest.h>

#include "api/data_scope.h"
#include "eventstore/stream_name.h"
#include "fake_scope_resolver.h"

namespace dealstream::api {
namespace {

using testing::FakeScopeResolver;

class DataScopeTest : public ::testing::Test {
 protected:
  DataScopeTest() {
    // hq ─┬─ east ── east-team
    //     └─ west
    scopes_.SetParent("east", "hq");
    scopes_.SetParent("east-team", "east");
    scopes_.SetParent("west", "hq");
    scopes_.SetEmployee("ann", "east-team");  // sales
    scopes_.SetEmployee("bob", "east");       // manager of east
    scopes_.SetEmployee("cat", "west");       // sales in another department
    scopes_.SetOwnership("customer", "c-ann", {.owner_id = "ann", .department_id = "east-team"});
    scopes_.SetOwnership("customer", "c-cat", {.owner_id = "cat", .department_id = "west"});
    scopes_.SetOwnership("opportunity", "o-team",
                         {.owner_id = "cat", .department_id = "west", .team_member_ids = {"ann"}});
    scopes_.SetOwnership("product", "p1", {.shared = true});
  }
  DataScope For(Role role, const std::string& employee) {
    return DataScope::For({.employee_id = employee, .role = role}, &scopes_);
  }
  FakeScopeResolver scopes_;
};

TEST_F(DataScopeTest, SalesSeeWhatTheyOwnOrAreOnTheTeamOf) {
  DataScope ann = For(Role::kSales, "ann");
  EXPECT_EQ(ann.kind(), DataScope::Kind::kOwn);
  EXPECT_TRUE(ann.AllowsRecord("customer", "c-ann"));
  EXPECT_TRUE(ann.AllowsRecord("opportunity", "o-team"));
  EXPECT_FALSE(ann.AllowsRecord("customer", "c-cat"));
  EXPECT_FALSE(ann.AllowsRecord("customer", "unknown"));
  EXPECT_TRUE(ann.AllowsRecord("product", "p1"));
}

TEST_F(DataScopeTest, ManagersSeeTheirDepartmentSubtree) {
  DataScope bob = For(Role::kManager, "bob");
  EXPECT_EQ(bob.kind(), DataScope::Kind::kDepartment);
  EXPECT_EQ(bob.department_id(), "east");
  EXPECT_TRUE(bob.AllowsRecord("customer", "c-ann"));   // east-team is below east
  EXPECT_FALSE(bob.AllowsRecord("customer", "c-cat"));  // west is not
  // Owner in the subtree counts even when the record names no department.
  scopes_.SetOwnership("contract", "k1", {.owner_id = "ann"});
  EXPECT_TRUE(bob.AllowsRecord("contract", "k1"));
  DataScope hq = DataScope::For({.employee_id = "boss", .role = Role::kManager}, &scopes_);
  EXPECT_EQ(hq.kind(), DataScope::Kind::kOwn);  // unknown department: own only
  scopes_.SetEmployee("boss", "hq");
  EXPECT_TRUE(For(Role::kManager, "boss").AllowsRecord("customer", "c-cat"));
}

TEST_F(DataScopeTest, HeadquartersRolesSeeEverythingButOnlyAdminAndAuditorSeeSystemStreams) {
  const auto tokens = *eventstore::StreamName::Parse("system-tokens");
  const auto customer = *eventstore::StreamName::Parse("customer-c-cat");
  for (Role role : {Role::kAdmin, Role::kAuditor, Role::kAnalyst, Role::kIntegrator}) {
    DataScope s = For(role, "x");
    EXPECT_EQ(s.kind(), DataScope::Kind::kAll);
    EXPECT_TRUE(s.AllowsStream(customer));
    EXPECT_TRUE(s.AllowsRecord("customer", "never-heard-of"));
    EXPECT_EQ(s.AllowsStream(tokens), role == Role::kAdmin || role == Role::kAuditor);
  }
  EXPECT_FALSE(For(Role::kManager, "bob").AllowsStream(tokens));
}

TEST_F(DataScopeTest, WithoutResolverScopedRolesSeeNothingResolved) {
  DataScope ann = DataScope::For({.employee_id = "ann", .role = Role::kSales}, nullptr);
  EXPECT_FALSE(ann.AllowsRecord("customer", "c-ann"));
  EXPECT_TRUE(ann.Allows({.owner_id = "ann"}));  // explicit ownership still decides
}

TEST_F(DataScopeTest, CommandAuthorizationHidesExistingRecordsAndForbidsForeignCreations) {
  DataScope ann = For(Role::kSales, "ann");
  commands::CommandTarget existing{.category = "customer", .id = "c-cat", .creates = false,
                                   .owner_id = "cat", .department_id = "west"};
  auto refused = ann.AuthorizeCommand(existing);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->kind, commands::CommandError::Kind::kNotFound);
  EXPECT_EQ(refused->message, "no customer with id 'c-cat'");

  commands::CommandTarget create{.category = "customer", .id = "new", .creates = true,
                                 .owner_id = "cat"};
  refused = ann.AuthorizeCommand(create);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->kind, commands::CommandError::Kind::kForbidden);
  create.owner_id = "ann";
  EXPECT_FALSE(ann.AuthorizeCommand(create));
  EXPECT_FALSE(For(Role::kManager, "bob").AuthorizeCommand(
      {.category = "customer", .id = "c-ann", .owner_id = "ann", .department_id = "east-team"}));
  EXPECT_FALSE(For(Role::kAdmin, "root").AuthorizeCommand(existing));
}

TEST_F(DataScopeTest, ReferenceDataNeedsAdminAndTargetsAManager) {
  commands::CommandTarget config{.category = "config", .id = "sales_process",
                                 .reference_data = true};
  for (Role role : {Role::kSales, Role::kManager}) {
    auto refused = For(role, role == Role::kSales ? "ann" : "bob").AuthorizeCommand(config);
    ASSERT_TRUE(refused) << RoleName(role);
    EXPECT_EQ(refused->kind, commands::CommandError::Kind::kForbidden);
    EXPECT_EQ(refused->code, "reference_data_needs_admin");
  }
  EXPECT_FALSE(For(Role::kAdmin, "root").AuthorizeCommand(config));

  // Ann may not set her own target; her manager may.
  commands::CommandTarget target{.category = "sales_target", .id = "t1", .creates = true,
                                 .owner_id = "ann"};
  auto refused = For(Role::kSales, "ann").AuthorizeCommand(target);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->code, "manager_role_required");
  EXPECT_FALSE(For(Role::kManager, "bob").AuthorizeCommand(target));
}

}  // namespace
}  // namespace dealstream::api
